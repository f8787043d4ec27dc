import * as grpc from '@grpc/grpc-js';
import type { AgentHubClient, FailureReport } from '@kubedeck/agent-proto';
import { backoffDelay } from './backoff';
import { collectClusterInfo } from './clusterInfo';
import type { AgentConfig } from './config';
import type { AgentCredentials, CredentialStore } from './credentials';
import { createHubClient, grpcReason } from './hubClient';
import type { KubeTarget } from './kube';
import type { Logger } from './logger';
import { pushReport, PushRefusedError } from './pushReports';
import { TunnelSession } from './tunnel/TunnelSession';

/** Where the agent is in its life. */
export type AgentState =
  | 'starting'
  | 'registering'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'stopped';

/** How often a connected agent re-sends its cluster info. */
const CLUSTER_INFO_INTERVAL_MS = 5 * 60_000;

/**
 * The agent: registers once (keeping its credential in a Secret), then holds one stream to the
 * hub, reconnecting with capped exponential backoff and full jitter. In push-only mode it
 * posts its failure reports to the portal instead of holding a stream.
 */
export class Agent {
  #state: AgentState = 'starting';
  #client?: AgentHubClient;
  #credentials?: AgentCredentials;
  #session?: TunnelSession;
  #loop?: Promise<void>;
  #stopped = false;
  #wake?: () => void;
  /** The failures the agent sees now; resent on every (re)connect. */
  #failures?: FailureReport[];
  /** Wakes a push-only agent to push a change at once. */
  #push?: () => void;
  /** Reasons of the last failed attempts, newest last (for tests and /readyz). */
  lastError?: string;

  constructor(
    private readonly config: AgentConfig,
    private readonly deps: {
      target: KubeTarget;
      store: CredentialStore;
      logger: Logger;
      version: string;
    },
  ) {}

  get #hub(): AgentHubClient {
    this.#client ??= createHubClient(this.config);
    return this.#client;
  }

  get state(): AgentState {
    return this.#state;
  }

  get agentId(): string | undefined {
    return this.#credentials?.agentId;
  }

  /** The open session, if connected (tests look at its exchanges). */
  get session(): TunnelSession | undefined {
    return this.#session;
  }

  start(): void {
    this.#loop ??= this.#run();
  }

  /** Graceful shutdown: closes the stream and stops reconnecting. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#session?.close();
    this.#wake?.();
    this.#push?.();
    await this.#loop;
    this.#client?.close();
    this.#state = 'stopped';
  }

  /** Every failure seen now: sent at once if connected, and again on each reconnect. */
  reportFailures(failures: FailureReport[]): void {
    this.#failures = failures;
    if (this.#state === 'connected' && this.#session) {
      this.#session.send({ failureSnapshot: { failures } });
    }
    this.#push?.();
  }

  async #run(): Promise<void> {
    let attempt = 0;
    while (!this.#stopped) {
      try {
        const credentials = await this.#ensureCredentials();
        const served = this.config.pushUrl
          ? await this.#pushUntilRefused(this.config.pushUrl, credentials)
          : await this.#connect(credentials);
        if (served) {
          attempt = 0;
        }
      } catch (error) {
        this.lastError = grpcReason(error);
        this.deps.logger.error(this.lastError);
      }
      if (this.#stopped) break;
      this.#state = 'reconnecting';
      const delay = backoffDelay(
        attempt++,
        this.config.backoffBaseMs,
        this.config.backoffCapMs,
      );
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, delay);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  async #ensureCredentials(): Promise<AgentCredentials> {
    if (this.config.apiKey) {
      this.#credentials ??= { agentId: '', credential: this.config.apiKey };
      return this.#credentials;
    }
    this.#credentials ??= await this.deps.store.load();
    if (this.#credentials) {
      return this.#credentials;
    }
    const token = this.config.registrationToken;
    if (!token) {
      throw new Error(
        'No stored credential and no KUBEDECK_REGISTRATION_TOKEN to register with',
      );
    }
    this.#state = 'registering';
    const response = await new Promise<{ agentId: string; credential: string }>(
      (resolve, reject) =>
        this.#hub.Register(
          {
            token,
            clusterName: this.config.clusterName,
            agentVersion: this.deps.version,
          },
          (error, value) => (error || !value ? reject(error) : resolve(value)),
        ),
    ).catch(error => {
      throw new Error(`Registration refused: ${grpcReason(error)}`);
    });
    const credentials = {
      agentId: response.agentId,
      credential: response.credential,
    };
    await this.deps.store.save(credentials);
    this.#credentials = credentials;
    this.deps.logger.info(`Registered as agent ${credentials.agentId}`);
    return credentials;
  }

  /** Runs one stream until it ends; true when the hub welcomed it. */
  #connect(credentials: AgentCredentials): Promise<boolean> {
    this.#state = 'connecting';
    const metadata = new grpc.Metadata();
    metadata.set('authorization', `Bearer ${credentials.credential}`);
    const call = this.#hub.Stream(metadata);
    let welcomed = false;
    const session = new TunnelSession(
      call,
      this.deps.target,
      this.deps.logger,
      {
        onWelcome: () => {
          welcomed = true;
          this.#state = 'connected';
          this.lastError = undefined;
          this.deps.logger.info(
            `Connected to the hub at ${this.config.hubAddress}`,
          );
          void this.#sendClusterInfo(session);
          if (this.#failures) {
            session.send({ failureSnapshot: { failures: this.#failures } });
          }
        },
        onCredentialRotated: credential => void this.#rotated(credential),
      },
    );
    this.#session = session;
    const infoTimer = setInterval(() => {
      if (welcomed) void this.#sendClusterInfo(session);
    }, CLUSTER_INFO_INTERVAL_MS);
    return new Promise(resolve => {
      let finished = false;
      const done = (reason?: string) => {
        if (finished) return;
        finished = true;
        clearInterval(infoTimer);
        if (this.#session === session) this.#session = undefined;
        session.close();
        if (reason) {
          this.lastError = reason;
          this.deps.logger.warn(`Stream to the hub ended: ${reason}`);
        }
        resolve(welcomed);
      };
      call.on('error', error => done(grpcReason(error)));
      call.on('end', () => done('the hub ended the stream'));
    });
  }

  /**
   * Push-only mode: pushes the current failures whenever they change and at least every push
   * interval (the hub counts each push as a heartbeat), until the hub refuses or the agent
   * stops. True when at least one push was accepted.
   */
  async #pushUntilRefused(
    pushUrl: string,
    credentials: AgentCredentials,
  ): Promise<boolean> {
    this.#state = 'connecting';
    let accepted = false;
    let infoSentAt = 0;
    if (this.config.failureDetection && !this.#failures) {
      // Pushing before the first look at the pods would resolve every reported failure.
      await this.#pause(this.config.pushIntervalMs, true);
    }
    while (!this.#stopped) {
      const now = Date.now();
      const clusterInfo =
        now - infoSentAt >= CLUSTER_INFO_INTERVAL_MS
          ? await collectClusterInfo(this.deps.target, this.deps.version).catch(
              () => undefined,
            )
          : undefined;
      let pause = () => this.#pause(this.config.pushIntervalMs, true);
      try {
        const answer = await pushReport({
          pushUrl,
          credential: credentials.credential,
          failures: this.#failures ?? [],
          clusterInfo,
        });
        if (clusterInfo) infoSentAt = now;
        if (answer.agentId && !credentials.agentId) {
          this.#credentials = { ...credentials, agentId: answer.agentId };
        }
        if (!accepted) {
          this.deps.logger.info(`Pushing failure reports to ${pushUrl}`);
        }
        accepted = true;
        this.#state = 'connected';
        this.lastError = undefined;
      } catch (error) {
        if (!(error instanceof PushRefusedError) || !error.retryAfterMs) {
          throw error;
        }
        this.lastError = error.message;
        this.deps.logger.warn(error.message);
        const retryAfterMs = error.retryAfterMs;
        pause = () => this.#pause(retryAfterMs, false);
      }
      await pause();
    }
    return accepted;
  }

  /** Waits `ms`, or less when the agent stops or (`onChange`) the failures change. */
  #pause(ms: number, onChange: boolean): Promise<void> {
    return new Promise<void>(resolve => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#push = () => {
        if (onChange || this.#stopped) done();
      };
    }).finally(() => {
      this.#push = undefined;
    });
  }

  async #sendClusterInfo(session: TunnelSession): Promise<void> {
    try {
      session.send({
        clusterInfo: await collectClusterInfo(
          this.deps.target,
          this.deps.version,
        ),
      });
    } catch (error) {
      this.deps.logger.warn(
        `Could not collect cluster info: ${(error as Error).message}`,
      );
    }
  }

  async #rotated(credential: string): Promise<void> {
    const agentId = this.#credentials?.agentId;
    if (!agentId) return;
    this.#credentials = { agentId, credential };
    try {
      await this.deps.store.save(this.#credentials);
      this.deps.logger.info('Credential rotated by the hub and stored');
    } catch (error) {
      this.deps.logger.error(
        `Could not store the rotated credential: ${(error as Error).message}`,
      );
    }
  }
}

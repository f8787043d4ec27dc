import type { ClientDuplexStream } from '@grpc/grpc-js';
import {
  DEFAULT_INITIAL_WINDOW,
  type AgentMessage,
  type HubMessage__Output,
} from '@kubedeck/agent-proto';
import type { KubeTarget } from '../kube';
import type { Logger } from '../logger';
import { AgentExchange } from './AgentExchange';

/** What the session reports to the agent. */
export type SessionEvents = {
  onWelcome(welcome: {
    agentId: string;
    heartbeatIntervalSeconds: number;
  }): void;
  onCredentialRotated(credential: string): void;
};

/**
 * One open stream to the hub: serves the hub's exchanges against the API server, answers
 * heartbeats, and notices a hub that went silent.
 */
export class TunnelSession {
  readonly #exchanges = new Map<number, AgentExchange>();
  #initialWindow = DEFAULT_INITIAL_WINDOW;
  #impersonationAllowed = false;
  #lastHeard = Date.now();
  #heartbeat?: NodeJS.Timeout;
  #closed = false;

  constructor(
    private readonly call: ClientDuplexStream<AgentMessage, HubMessage__Output>,
    private readonly target: KubeTarget,
    private readonly logger: Logger,
    private readonly events: SessionEvents,
  ) {
    call.on('data', (message: HubMessage__Output) => this.#handle(message));
  }

  /** Exchanges in flight (tests use it to look at flow control). */
  get exchanges(): ReadonlyMap<number, AgentExchange> {
    return this.#exchanges;
  }

  send(message: AgentMessage): void {
    if (!this.#closed) {
      this.call.write(message);
    }
  }

  /** Ends every exchange and the stream. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    for (const exchange of this.#exchanges.values()) {
      exchange.onCancel();
    }
    this.#exchanges.clear();
    this.call.cancel();
  }

  #handle(message: HubMessage__Output): void {
    this.#lastHeard = Date.now();
    switch (message.kind) {
      case 'welcome':
        this.#welcome(message.welcome!);
        return;
      case 'requestHead':
        this.#open(message.requestHead!);
        return;
      case 'data':
        this.#exchanges
          .get(message.data!.exchangeId)
          ?.onData(message.data!.chunk);
        return;
      case 'end':
        this.#exchanges.get(message.end!.exchangeId)?.onEnd();
        return;
      case 'cancel':
        this.#exchanges.get(message.cancel!.exchangeId)?.onCancel();
        return;
      case 'windowUpdate':
        this.#exchanges
          .get(message.windowUpdate!.exchangeId)
          ?.onWindowUpdate(message.windowUpdate!.bytes);
        return;
      case 'heartbeat':
        this.send({ heartbeat: { sentAtMs: Date.now() } });
        return;
      case 'credentialRotated':
        this.events.onCredentialRotated(message.credentialRotated!.credential);
        return;
      default:
    }
  }

  #welcome(welcome: NonNullable<HubMessage__Output['welcome']>): void {
    this.#initialWindow = welcome.initialWindow || DEFAULT_INITIAL_WINDOW;
    this.#impersonationAllowed = welcome.impersonationAllowed;
    const intervalMs =
      Math.max(1, welcome.heartbeatIntervalSeconds || 10) * 1000;
    clearInterval(this.#heartbeat);
    this.#heartbeat = setInterval(() => {
      if (Date.now() - this.#lastHeard > 3 * intervalMs) {
        this.logger.warn('The hub went silent; reconnecting');
        this.close();
        return;
      }
      this.send({ heartbeat: { sentAtMs: Date.now() } });
    }, intervalMs);
    this.events.onWelcome(welcome);
  }

  #open(head: NonNullable<HubMessage__Output['requestHead']>): void {
    const id = head.exchangeId;
    const exchange = new AgentExchange(
      {
        send: message => this.send(message),
        target: this.target,
        initialWindow: this.#initialWindow,
        impersonationAllowed: this.#impersonationAllowed,
        release: () => this.#exchanges.delete(id),
      },
      head,
    );
    this.#exchanges.set(id, exchange);
    exchange.start().catch(error => {
      this.logger.warn(`Exchange ${id} failed to start: ${error.message}`);
      this.send({
        cancel: {
          exchangeId: id,
          reason: 'the agent could not reach its API server',
        },
      });
      this.#exchanges.delete(id);
    });
  }
}

/**
 * Shared by the capacity and reconnect benchmarks: the hub in a child process (hubProcess.ts)
 * and simulated agents — one gRPC channel (its own TCP connection) per agent that opens the
 * Stream with a pre-created credential, answers the hub's heartbeats and, like the real agent,
 * reconnects with capped exponential backoff and full jitter when the stream ends.
 */
import { execSync, fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { backoffDelay } from '@kubedeck/agent';
import {
  loadAgentProto,
  type AgentHubClient,
  type AgentMessage,
  type HubMessage__Output,
} from '@kubedeck/agent-proto';
import type { HubRequest } from './hubProcess';

type Op = HubRequest['op'];

/** Rejects when `promise` has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string) {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Timed out after ${ms} ms: ${what}`)),
        ms,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

export type HubProcess = {
  port: number;
  request<T>(op: Op, args?: Record<string, unknown>): Promise<T>;
  kill(): Promise<void>;
};

/** Starts the hub child on `port` (0: any) with its SQLite file `db`. */
export async function startHubProcess(
  db: string,
  port = 0,
): Promise<HubProcess> {
  const child: ChildProcess = fork(path.join(__dirname, 'hubProcess.ts'), {
    execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096'],
    env: { ...process.env, HUB_DB: db, HUB_PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (message: any) => void>();
  let nextId = 1;
  const ready = new Promise<number>((resolve, reject) => {
    child.once('exit', code => reject(new Error(`hub exited (${code})`)));
    child.on('message', (message: any) => {
      if (message.ready) resolve(message.port);
      else pending.get(message.id)?.(message);
    });
  });
  const hubPort = await within(ready, 60_000, 'hub start');
  const exited = new Promise<void>(resolve => child.once('exit', resolve));
  return {
    port: hubPort,
    request: (op, args) => {
      const id = nextId++;
      const reply = new Promise<any>((resolve, reject) =>
        pending.set(id, message => {
          pending.delete(id);
          if (message.error) reject(new Error(message.error));
          else resolve(message.result);
        }),
      );
      child.send({ id, op, ...args });
      return within(reply, 120_000, `hub ${op}`);
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await within(exited, 10_000, 'hub exit');
      }
    },
  };
}

/** One simulated agent holding a stream to the hub. */
class SimAgent {
  connected = false;
  #call?: grpc.ClientDuplexStream<AgentMessage, HubMessage__Output>;
  #stopped = false;
  #attempt = 0;
  #timer?: NodeJS.Timeout;

  constructor(
    private readonly client: AgentHubClient,
    private readonly credential: string,
    private readonly backoff: { baseMs: number; capMs: number },
  ) {}

  connect(): void {
    const metadata = new grpc.Metadata();
    metadata.set('authorization', `Bearer ${this.credential}`);
    const call = this.client.Stream(metadata);
    this.#call = call;
    call.on('data', (message: HubMessage__Output) => {
      if (message.welcome) {
        this.connected = true;
        this.#attempt = 0;
      } else if (message.heartbeat) {
        call.write({ heartbeat: { sentAtMs: Date.now() } });
      }
    });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      this.connected = false;
      if (this.#stopped) return;
      this.#timer = setTimeout(
        () => this.connect(),
        backoffDelay(this.#attempt++, this.backoff.baseMs, this.backoff.capMs),
      );
    };
    call.on('error', end);
    call.on('end', end);
    call.on('close', end);
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#call?.cancel();
    this.client.close();
  }
}

/** Simulated agents for `credentials`, each with its own channel to the hub on `port`. */
export function simulatedAgents(
  port: number,
  credentials: string[],
  backoff = { baseMs: 1_000, capMs: 60_000 },
) {
  const { AgentHub } = loadAgentProto().kubedeck.agent.v1;
  const agents = credentials.map(
    credential =>
      new SimAgent(
        new AgentHub(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
          // A channel of its own per agent, as separate agent processes would have.
          'grpc.use_local_subchannel_pool': 1,
          'grpc.keepalive_time_ms': 20_000,
          'grpc.keepalive_timeout_ms': 10_000,
          'grpc.keepalive_permit_without_calls': 1,
          'grpc.max_reconnect_backoff_ms': 1_000,
        }),
        credential,
        backoff,
      ),
  );
  return {
    agents,
    connectedCount: () => agents.filter(a => a.connected).length,
    /** Opens the streams `batch` at a time, each batch waiting (bounded) for its welcomes. */
    async connect(batch: number, timeoutMs: number): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      for (let i = 0; i < agents.length; i += batch) {
        const slice = agents.slice(i, i + batch);
        slice.forEach(a => a.connect());
        while (!slice.every(a => a.connected) && Date.now() < deadline)
          await new Promise(r => setTimeout(r, 20));
      }
    },
    stop: () => agents.forEach(a => a.stop()),
  };
}

/** Polls the hub's own count until `target` agents are held and recorded, or `timeoutMs`. */
export async function waitForHubCount(
  hub: HubProcess,
  target: number,
  timeoutMs: number,
): Promise<{ held: number; recorded: number; ms: number }> {
  const started = performance.now();
  for (;;) {
    const count = await hub.request<{ held: number; recorded: number }>(
      'count',
    );
    const ms = performance.now() - started;
    if ((count.held >= target && count.recorded >= target) || ms > timeoutMs)
      return { ...count, ms };
    await new Promise(r => setTimeout(r, 100));
  }
}

/** Fails early when the open-files limit cannot hold one descriptor per agent (plus headroom). */
export function checkFileLimit(agents: number): void {
  const limit = Number(
    execSync('ulimit -n', { shell: '/bin/bash' }).toString(),
  );
  if (Number.isFinite(limit) && limit < agents + 512)
    throw new Error(
      `ulimit -n is ${limit}; ${agents} agents need ${agents + 512}`,
    );
}

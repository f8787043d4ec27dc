import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ServerDuplexStream } from '@grpc/grpc-js';
import {
  toWireHeaders,
  type AgentMessage__Output,
  type ClusterInfo,
  type FailureReport__Output,
  type FailureSnapshot__Output,
  type HubMessage,
} from '@kubedeck/agent-proto';
import {
  ExchangeContext,
  HttpExchange,
  HubExchange,
  UpgradeExchange,
} from './HubExchange';

/** What the hub does with an agent's non-exchange messages. */
export type AgentConnectionEvents = {
  onHeartbeat(): void;
  onClusterInfo(info: ClusterInfo): void;
  onFailureReport(report: FailureReport__Output): void;
  onFailureSnapshot(snapshot: FailureSnapshot__Output): void;
};

/** Headers the portal side must never hand to an agent. */
const dropForAgent = (name: string) =>
  name === 'authorization' || name === 'cookie';

/**
 * The hub's side of one agent's stream: opens exchanges for incoming HTTP requests and
 * upgrades, and routes the agent's frames to them by exchange id.
 */
export class AgentConnection {
  readonly #exchanges = new Map<number, HubExchange>();
  #nextId = 1;
  #closed = false;
  readonly connectedAt = Date.now();

  constructor(
    readonly agentId: string,
    private readonly call: ServerDuplexStream<AgentMessage__Output, HubMessage>,
    private readonly initialWindow: number,
    private readonly events: AgentConnectionEvents,
  ) {}

  get closed(): boolean {
    return this.#closed;
  }

  /** Exchanges in flight (for tests and metrics). */
  get openExchanges(): number {
    return this.#exchanges.size;
  }

  send(message: HubMessage): void {
    if (!this.#closed) {
      this.call.write(message);
    }
  }

  /** Forwards an HTTP request to the agent's API server; the path is relative to it. */
  forward(req: IncomingMessage, res: ServerResponse, path: string): void {
    const exchange = new HttpExchange(this.#context(), req, res);
    this.#open(exchange);
    exchange.start({
      method: req.method ?? 'GET',
      path,
      headers: toWireHeaders(req.headers, { drop: dropForAgent }),
    });
  }

  /** Forwards a connection upgrade (exec, attach, port-forward). */
  forwardUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    path: string,
  ) {
    const exchange = new UpgradeExchange(this.#context(), socket, head);
    this.#open(exchange);
    exchange.start({
      method: req.method ?? 'GET',
      path,
      headers: toWireHeaders(req.headers, {
        keepUpgrade: true,
        drop: dropForAgent,
      }),
    });
  }

  handle(message: AgentMessage__Output): void {
    switch (message.kind) {
      case 'responseHead':
        this.#exchange(message.responseHead?.exchangeId)?.onResponseHead(
          message.responseHead!,
        );
        return;
      case 'data':
        this.#exchange(message.data?.exchangeId)?.onData(message.data!.chunk);
        return;
      case 'end':
        this.#exchange(message.end?.exchangeId)?.onEnd();
        return;
      case 'cancel':
        this.#exchange(message.cancel?.exchangeId)?.onCancel(
          message.cancel!.reason || 'cancelled by the agent',
        );
        return;
      case 'windowUpdate':
        this.#exchange(message.windowUpdate?.exchangeId)?.onWindowUpdate(
          message.windowUpdate!.bytes,
        );
        return;
      case 'heartbeat':
        this.events.onHeartbeat();
        return;
      case 'clusterInfo':
        this.events.onClusterInfo(message.clusterInfo!);
        return;
      case 'failureReport':
        this.events.onFailureReport(message.failureReport!);
        return;
      case 'failureSnapshot':
        this.events.onFailureSnapshot(message.failureSnapshot!);
        return;
      default:
    }
  }

  /** Fails every exchange in flight and ends the stream. */
  close(reason: string, status?: { code: number; details: string }): void {
    if (this.#closed) {
      return;
    }
    for (const exchange of [...this.#exchanges.values()]) {
      exchange.onCancel(reason);
    }
    this.#closed = true;
    if (status) {
      this.call.emit('error', status);
    } else {
      this.call.end();
    }
  }

  /** The stream ended from the agent's side or failed. */
  lost(reason: string): void {
    this.close(reason);
  }

  #exchange(id: number | undefined): HubExchange | undefined {
    return id === undefined ? undefined : this.#exchanges.get(id);
  }

  #context(): ExchangeContext {
    const id = this.#nextId++;
    return {
      id,
      initialWindow: this.initialWindow,
      send: message => this.send(message),
      release: () => {
        this.#exchanges.delete(id);
      },
    };
  }

  #open(exchange: HubExchange): void {
    const id = this.#nextId - 1;
    this.#exchanges.set(id, exchange);
  }
}

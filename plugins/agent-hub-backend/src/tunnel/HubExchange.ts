import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  FlowReceiver,
  FlowSender,
  fromWireHeaders,
  type Header,
  type HubMessage,
  type ResponseHead__Output,
} from '@kubedeck/agent-proto';

/** The request line and headers the agent should send to its API server. */
export type RequestStart = { method: string; path: string; headers: Header[] };

/** What an exchange needs from the agent connection it runs on. */
export type ExchangeContext = {
  id: number;
  send(message: HubMessage): void;
  initialWindow: number;
  /** Forget the exchange (it finished or was cancelled). */
  release(): void;
};

/** The hub's half of one tunnelled exchange; the connection routes agent frames to it. */
export interface HubExchange {
  onResponseHead(head: ResponseHead__Output): void;
  onData(chunk: Buffer): void;
  onEnd(): void;
  onCancel(reason: string): void;
  onWindowUpdate(bytes: number): void;
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (length !== undefined && length !== '0')
  );
}

/** An ordinary HTTP request/response (list, get, watch, log follow, writes). */
export class HttpExchange implements HubExchange {
  readonly #receiver: FlowReceiver;
  readonly #sender: FlowSender;
  #done = false;

  constructor(
    private readonly ctx: ExchangeContext,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {
    const exchangeId = ctx.id;
    this.#receiver = new FlowReceiver(res, bytes =>
      ctx.send({ windowUpdate: { exchangeId, bytes } }),
    );
    this.#sender = new FlowSender(
      chunk => ctx.send({ data: { exchangeId, chunk } }),
      ctx.initialWindow,
    );
    res.once('close', () => {
      if (!this.#done) {
        this.#finish();
        ctx.send({ cancel: { exchangeId, reason: 'client went away' } });
      }
    });
  }

  /** Sends the request head and, when there is one, streams the request body. */
  start(head: RequestStart) {
    const exchangeId = this.ctx.id;
    const body = hasBody(this.req);
    this.ctx.send({
      requestHead: { exchangeId, ...head, upgrade: false, hasBody: body },
    });
    if (body) {
      this.#sender.pipeFrom(this.req, () =>
        this.ctx.send({ end: { exchangeId } }),
      );
    }
  }

  onResponseHead(head: ResponseHead__Output): void {
    this.res.writeHead(head.status, fromWireHeaders(head.headers));
    this.res.flushHeaders();
  }

  onData(chunk: Buffer): void {
    this.#receiver.write(chunk);
  }

  onEnd(): void {
    this.#finish();
    this.res.end();
  }

  onCancel(reason: string): void {
    this.#finish();
    if (!this.res.headersSent) {
      this.res.writeHead(502, { 'content-type': 'application/json' });
      this.res.end(JSON.stringify(statusFailure(502, reason)));
    } else {
      this.res.destroy();
    }
  }

  onWindowUpdate(bytes: number): void {
    this.#sender.grant(bytes);
  }

  #finish() {
    this.#done = true;
    this.ctx.release();
  }
}

/** A Kubernetes `Status` failure, so kubectl and client-node show the reason. */
export function statusFailure(code: number, message: string) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: code === 503 ? 'ServiceUnavailable' : 'BadGateway',
    code,
  };
}

/**
 * An upgraded connection (exec, attach, port-forward): after the agent answers 101 the raw
 * bytes of the connection (WebSocket frames) flow both ways as Data frames.
 */
export class UpgradeExchange implements HubExchange {
  readonly #receiver: FlowReceiver;
  readonly #sender: FlowSender;
  #done = false;

  constructor(
    private readonly ctx: ExchangeContext,
    private readonly socket: Duplex,
    private readonly head: Buffer,
  ) {
    const exchangeId = ctx.id;
    this.#receiver = new FlowReceiver(socket, bytes =>
      ctx.send({ windowUpdate: { exchangeId, bytes } }),
    );
    this.#sender = new FlowSender(
      chunk => ctx.send({ data: { exchangeId, chunk } }),
      ctx.initialWindow,
    );
    socket.on('error', () => socket.destroy());
    socket.once('close', () => {
      if (!this.#done) {
        this.#finish();
        ctx.send({ cancel: { exchangeId, reason: 'client closed' } });
      }
    });
  }

  start(head: RequestStart) {
    this.ctx.send({
      requestHead: {
        exchangeId: this.ctx.id,
        ...head,
        upgrade: true,
        hasBody: false,
      },
    });
  }

  onResponseHead(head: ResponseHead__Output): void {
    const exchangeId = this.ctx.id;
    const reason =
      head.status === 101 ? 'Switching Protocols' : 'Upgrade Refused';
    const lines = [`HTTP/1.1 ${head.status} ${reason}`];
    for (const { name, value } of head.headers) {
      lines.push(`${name}: ${value}`);
    }
    if (head.status !== 101) {
      lines.push('connection: close');
    }
    this.socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.status !== 101) {
      return;
    }
    if (this.head.length > 0) {
      this.socket.unshift(this.head);
    }
    this.#sender.pipeFrom(this.socket, () => {
      if (!this.#done) {
        this.ctx.send({ end: { exchangeId } });
      }
    });
  }

  onData(chunk: Buffer): void {
    this.#receiver.write(chunk);
  }

  onEnd(): void {
    this.#finish();
    this.socket.end();
  }

  onCancel(): void {
    this.#finish();
    this.socket.destroy();
  }

  onWindowUpdate(bytes: number): void {
    this.#sender.grant(bytes);
  }

  #finish() {
    this.#done = true;
    this.ctx.release();
  }
}

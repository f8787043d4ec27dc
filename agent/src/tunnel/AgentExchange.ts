import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  FlowReceiver,
  FlowSender,
  fromWireHeaders,
  toWireHeaders,
  type AgentMessage,
  type RequestHead__Output,
} from '@kubedeck/agent-proto';
import type { KubeTarget } from '../kube';

/** What an exchange needs from the stream it runs on. */
export type ExchangeEnv = {
  send(message: AgentMessage): void;
  target: KubeTarget;
  initialWindow: number;
  impersonationAllowed: boolean;
  release(): void;
};

/** Headers the agent never passes to its API server as received. */
function dropHeader(impersonationAllowed: boolean) {
  return (name: string) =>
    name === 'authorization' ||
    (!impersonationAllowed && name.startsWith('impersonate-'));
}

/**
 * The agent's half of one exchange: runs the hub's request against the API server with the
 * agent's own credentials and streams the answer back within the exchange's window.
 */
export class AgentExchange {
  readonly #sender: FlowSender;
  #receiver?: FlowReceiver;
  #request?: ClientRequest;
  #socket?: Duplex;
  #done = false;
  readonly #id: number;

  constructor(
    private readonly env: ExchangeEnv,
    private readonly head: RequestHead__Output,
  ) {
    this.#id = head.exchangeId;
    this.#sender = new FlowSender(
      chunk => env.send({ data: { exchangeId: this.#id, chunk } }),
      env.initialWindow,
    );
  }

  /** Bytes sent back to the hub so far (tests use it to see flow control hold). */
  get sentBytes(): number {
    return this.#sender.sentBytes;
  }

  async start(): Promise<void> {
    const { head, env } = this;
    const headers = fromWireHeaders(
      head.headers.filter(h => !dropHeader(env.impersonationAllowed)(h.name)),
    );
    const options = await env.target.requestOptions(
      head.method,
      head.path,
      headers,
      {
        upgrade: head.upgrade,
      },
    );
    if (this.#done) return;
    const request = env.target.request(options);
    this.#request = request;
    request.on('error', error => this.#fail(`API server: ${error.message}`));
    request.on('response', response => this.#respond(response));
    request.on('upgrade', (response, socket, rest) =>
      this.#upgraded(response, socket, rest),
    );
    if (head.hasBody && !head.upgrade) {
      this.#receiver = new FlowReceiver(request, bytes =>
        env.send({ windowUpdate: { exchangeId: this.#id, bytes } }),
      );
    } else {
      request.end();
    }
  }

  onData(chunk: Buffer): void {
    this.#receiver?.write(chunk);
  }

  /** The hub finished sending: end the request body, or half-close the upgraded socket. */
  onEnd(): void {
    if (this.#socket) {
      this.#socket.end();
    } else {
      this.#request?.end();
    }
  }

  onCancel(): void {
    this.#finish();
    this.#request?.destroy();
    this.#socket?.destroy();
  }

  onWindowUpdate(bytes: number): void {
    this.#sender.grant(bytes);
  }

  #respond(response: IncomingMessage): void {
    this.env.send({
      responseHead: {
        exchangeId: this.#id,
        status: response.statusCode ?? 502,
        headers: toWireHeaders(response.headers),
      },
    });
    response.on('error', error => this.#fail(`API server: ${error.message}`));
    this.#sender.pipeFrom(response, () => {
      this.env.send({ end: { exchangeId: this.#id } });
      this.#finish();
    });
  }

  #upgraded(response: IncomingMessage, socket: Duplex, rest: Buffer): void {
    this.#socket = socket;
    this.env.send({
      responseHead: {
        exchangeId: this.#id,
        status: response.statusCode ?? 101,
        headers: toWireHeaders(response.headers, { keepUpgrade: true }),
      },
    });
    if (rest.length > 0) {
      socket.unshift(rest);
    }
    this.#receiver = new FlowReceiver(socket, bytes =>
      this.env.send({ windowUpdate: { exchangeId: this.#id, bytes } }),
    );
    socket.on('error', error =>
      this.#fail(`upgraded connection: ${error.message}`),
    );
    socket.once('close', () => {
      if (!this.#done) {
        this.env.send({ end: { exchangeId: this.#id } });
        this.#finish();
      }
    });
    this.#sender.pipeFrom(socket, () => {
      if (!this.#done) {
        this.env.send({ end: { exchangeId: this.#id } });
        this.#finish();
      }
    });
  }

  #fail(reason: string): void {
    if (this.#done) return;
    this.env.send({ cancel: { exchangeId: this.#id, reason } });
    this.#finish();
    this.#socket?.destroy();
  }

  #finish(): void {
    if (!this.#done) {
      this.#done = true;
      this.env.release();
    }
  }
}

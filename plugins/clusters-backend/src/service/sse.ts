import { Request, Response } from 'express';

const HEARTBEAT_MS = 15_000;

/** One server-sent event. `data` is sent as JSON. */
export type SseEvent = { id?: string; event?: string; data: unknown };

/**
 * A server-sent event stream on an Express response: no buffering (`no-transform` keeps
 * compression out), a comment heartbeat, and a signal that aborts when the client leaves.
 */
export class SseStream {
  readonly #res: Response;
  readonly #controller = new AbortController();
  readonly #heartbeat: NodeJS.Timeout;

  constructor(
    req: Request,
    res: Response,
    options?: { heartbeatMs?: number; retryMs?: number },
  ) {
    this.#res = res;
    res.status(200);
    res.set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write(`retry: ${options?.retryMs ?? 2000}\n\n`);
    this.#heartbeat = setInterval(
      () => this.#write(': ping\n\n'),
      options?.heartbeatMs ?? HEARTBEAT_MS,
    );
    const stop = () => this.close();
    req.on('close', stop);
    res.on('close', stop);
  }

  /** Aborts when the client disconnects or the stream is closed. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get closed(): boolean {
    return this.#controller.signal.aborted;
  }

  /** Sends an event; resolves when the socket can take more (backpressure). */
  async send(event: SseEvent): Promise<void> {
    let text = '';
    if (event.id !== undefined) {
      text += `id: ${event.id.replace(/[\r\n]/g, '')}\n`;
    }
    if (event.event) {
      text += `event: ${event.event}\n`;
    }
    text += `data: ${JSON.stringify(event.data)}\n\n`;
    if (!this.#write(text)) {
      await new Promise<void>(resolve => {
        const done = () => {
          this.#res.off('drain', done);
          this.#controller.signal.removeEventListener('abort', done);
          resolve();
        };
        this.#res.on('drain', done);
        this.#controller.signal.addEventListener('abort', done);
      });
    }
  }

  close() {
    if (this.closed) {
      return;
    }
    clearInterval(this.#heartbeat);
    this.#controller.abort();
    this.#res.end();
  }

  #write(text: string): boolean {
    if (this.closed || this.#res.writableEnded) {
      return true;
    }
    const ok = this.#res.write(text);
    (this.#res as any).flush?.();
    return ok;
  }
}

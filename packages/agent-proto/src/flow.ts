import type { Readable, Writable } from 'node:stream';

/** Bytes either side may send per exchange before the receiver grants more. */
export const DEFAULT_INITIAL_WINDOW = 256 * 1024;

/** Largest Data frame sent. */
export const MAX_DATA_FRAME = 32 * 1024;

/**
 * The sending half of one exchange: forwards a source's bytes as Data frames and never sends
 * more than the peer has granted. When the window is used up the source is paused, so a peer
 * that stops consuming stalls this exchange and nothing else.
 */
export class FlowSender {
  #window: number;
  #pending: Buffer[] = [];
  #source?: Readable;
  #ended = false;
  #onEnd?: () => void;
  /** Total bytes sent so far. */
  sentBytes = 0;

  constructor(
    private readonly sendData: (chunk: Buffer) => void,
    initialWindow: number = DEFAULT_INITIAL_WINDOW,
  ) {
    this.#window = initialWindow;
  }

  /** Streams the source; `onEnd` runs once every byte has been sent. */
  pipeFrom(source: Readable, onEnd: () => void): void {
    this.#source = source;
    this.#onEnd = onEnd;
    source.on('data', (chunk: Buffer | string) => {
      this.#pending.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      this.#flush();
    });
    source.once('end', () => {
      this.#ended = true;
      this.#flush();
    });
  }

  /** The peer consumed `bytes`: send that much more. */
  grant(bytes: number): void {
    this.#window += bytes;
    this.#flush();
  }

  #flush(): void {
    while (this.#pending.length > 0 && this.#window > 0) {
      const head = this.#pending[0];
      const size = Math.min(head.length, this.#window, MAX_DATA_FRAME);
      this.sendData(head.subarray(0, size));
      this.sentBytes += size;
      this.#window -= size;
      if (size === head.length) {
        this.#pending.shift();
      } else {
        this.#pending[0] = head.subarray(size);
      }
    }
    if (this.#pending.length > 0) {
      this.#source?.pause();
    } else if (this.#ended) {
      const onEnd = this.#onEnd;
      this.#onEnd = undefined;
      onEnd?.();
    } else {
      this.#source?.resume();
    }
  }
}

/**
 * The receiving half of one exchange: writes Data into its destination and grants the sender
 * credit only once the destination has taken the bytes, coalescing grants per tick.
 */
export class FlowReceiver {
  #owed = 0;
  #scheduled = false;
  receivedBytes = 0;

  constructor(
    private readonly target: Writable,
    private readonly sendGrant: (bytes: number) => void,
  ) {}

  write(chunk: Buffer): void {
    this.receivedBytes += chunk.length;
    if (this.target.destroyed) {
      return;
    }
    this.target.write(chunk, error => {
      if (!error) {
        this.#owe(chunk.length);
      }
    });
  }

  #owe(bytes: number): void {
    this.#owed += bytes;
    if (this.#scheduled) {
      return;
    }
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      const owed = this.#owed;
      this.#owed = 0;
      if (owed > 0) {
        this.sendGrant(owed);
      }
    });
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import { compareLines, LogLine } from './logLine';

const MAX_BUFFERED = 20_000;

/**
 * Merges the lines of many sources (one per pod container) into time order. Sources may be
 * added while following. Following, lines are held for a short window so that lines from
 * slower sources still come out in order; otherwise all sources are read first.
 */
export class LogMerger {
  readonly #buffer: LogLine[] = [];
  readonly #arrivals: number[] = [];
  readonly #pumps = new Set<Promise<void>>();
  readonly #windowMs: number;

  constructor(
    private readonly follow: boolean,
    private readonly signal: AbortSignal,
    options?: { windowMs?: number },
  ) {
    this.#windowMs = options?.windowMs ?? 300;
  }

  add(source: AsyncIterable<LogLine>) {
    const pump = this.#pump(source).finally(() => this.#pumps.delete(pump));
    this.#pumps.add(pump);
  }

  async #pump(source: AsyncIterable<LogLine>) {
    try {
      for await (const line of source) {
        while (this.#buffer.length >= MAX_BUFFERED && !this.signal.aborted) {
          await sleep(this.#windowMs / 3);
        }
        this.#buffer.push(line);
        this.#arrivals.push(Date.now());
      }
    } catch {
      // one container failing never ends the merged stream
    }
  }

  #take(count: number): LogLine[] {
    this.#arrivals.splice(0, count);
    return this.#buffer.splice(0, count).sort(compareLines);
  }

  /** The merged lines. Without follow, ends when every source has ended. */
  async *lines(): AsyncGenerator<LogLine> {
    if (!this.follow) {
      while (this.#pumps.size > 0) {
        await Promise.all([...this.#pumps]);
      }
      yield* this.#take(this.#buffer.length);
      return;
    }
    while (!this.signal.aborted) {
      const cutoff = Date.now() - this.#windowMs;
      let ready = 0;
      while (ready < this.#arrivals.length && this.#arrivals[ready] <= cutoff) {
        ready++;
      }
      // everything that arrived within the window so far is sorted together with `ready`
      if (ready > 0) {
        const batch = this.#buffer.slice(0, ready).sort(compareLines);
        this.#buffer.splice(0, ready);
        this.#arrivals.splice(0, ready);
        yield* batch;
      }
      await sleep(this.#windowMs / 3, undefined, { signal: this.signal }).catch(
        () => {},
      );
    }
  }
}

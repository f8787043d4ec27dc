import { setTimeout as sleep } from 'node:timers/promises';
import { compareLines, LogLine } from './logLine';

const MAX_BUFFERED = 20_000;

type Head = { lines: AsyncIterator<LogLine>; line?: LogLine };

async function advance(head: Head): Promise<void> {
  try {
    const next = await head.lines.next();
    head.line = next.done ? undefined : next.value;
  } catch {
    // one container failing never ends the merged stream
    head.line = undefined;
  }
}

/** Merges sources that are each in time order, holding one line per source. */
async function* mergeInOrder(
  sources: AsyncIterable<LogLine>[],
): AsyncGenerator<LogLine> {
  const heads: Head[] = sources.map(s => ({
    lines: s[Symbol.asyncIterator](),
  }));
  try {
    await Promise.all(heads.map(advance));
    for (;;) {
      let first: Head | undefined;
      for (const head of heads) {
        if (head.line && (!first || compareLines(head.line, first.line!) < 0)) {
          first = head;
        }
      }
      if (!first) return;
      yield first.line!;
      await advance(first);
    }
  } finally {
    await Promise.all(heads.map(h => h.lines.return?.()));
  }
}

/**
 * Merges the lines of many sources (one per pod container) into time order. Sources may be
 * added while following. Following, lines are held for a short window so that lines from
 * slower sources still come out in order; otherwise the sources are merged line by line.
 */
export class LogMerger {
  readonly #buffer: LogLine[] = [];
  readonly #arrivals: number[] = [];
  readonly #pumps = new Set<Promise<void>>();
  readonly #sources: AsyncIterable<LogLine>[] = [];
  readonly #windowMs: number;

  constructor(
    private readonly follow: boolean,
    private readonly signal: AbortSignal,
    options?: { windowMs?: number },
  ) {
    this.#windowMs = options?.windowMs ?? 300;
  }

  add(source: AsyncIterable<LogLine>) {
    if (!this.follow) {
      this.#sources.push(source);
      return;
    }
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

  /** The merged lines. Without follow, ends when every source has ended. */
  async *lines(): AsyncGenerator<LogLine> {
    if (!this.follow) {
      yield* mergeInOrder(this.#sources);
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

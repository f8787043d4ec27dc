import { RingBuffer } from './ringbuffer';
import { exitLines, logLine, startupLines, type LogFormat } from './lines';

export interface LogLine {
  /** Milliseconds since the epoch. */
  time: number;
  text: string;
}

export interface InstanceLogOptions {
  seed: number;
  format: LogFormat;
  container: string;
  image: string;
  behavior: string;
  startedAt: number;
  /** Real milliseconds between two generated lines; Infinity for a silent container. */
  intervalMs: number;
  capacity: number;
}

/**
 * The log of one container run. Lines are generated lazily up to "now" (or the run's end) into
 * a bounded ring buffer, so idle containers cost nothing until someone reads their logs.
 */
export class InstanceLog {
  readonly buffer: RingBuffer<LogLine>;
  /** Lines appended so far, a cursor for followers. */
  total = 0;
  private nextIndex = 0;
  private started = false;
  private ended = false;

  constructor(private readonly options: InstanceLogOptions) {
    this.buffer = new RingBuffer(options.capacity);
  }

  /** Generates the lines due by `now`; `end` closes the run. */
  catchUp(now: number, end?: { at: number; exitCode?: number }): void {
    const add = (time: number, text: string) => {
      this.buffer.push({ time, text });
      this.total += 1;
    };
    const o = this.options;
    if (!this.started) {
      this.started = true;
      startupLines(o.format, o.container, o.image).forEach((text, i) => add(o.startedAt + i, text));
    }
    const limit = Math.min(now, end?.at ?? Infinity);
    if (Number.isFinite(o.intervalMs) && o.intervalMs > 0) {
      const due = Math.floor((limit - o.startedAt) / o.intervalMs);
      if (due - this.nextIndex > o.capacity) this.nextIndex = due - o.capacity;
      for (; this.nextIndex < due; this.nextIndex++) {
        const time = o.startedAt + (this.nextIndex + 1) * o.intervalMs;
        add(time, logLine(o.format, o.seed, this.nextIndex, new Date(time)));
      }
    }
    if (end && !this.ended) {
      this.ended = true;
      exitLines(end.exitCode, o.behavior).forEach((text, i) => add(end.at - 5 + i, text));
    }
  }

  lines(): LogLine[] {
    return this.buffer.toArray();
  }

  /** Lines appended after `cursor` (a former `total`) that the ring buffer still holds. */
  linesAfter(cursor: number): LogLine[] {
    const count = Math.min(this.total - cursor, this.buffer.size);
    return count > 0 ? this.buffer.toArray().slice(-count) : [];
  }
}

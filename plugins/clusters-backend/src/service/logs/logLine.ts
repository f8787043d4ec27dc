/**
 * One log line. `time` is the kubelet timestamp normalized to nanosecond precision so that
 * string order is time order; `key` is a short hash of the text and `n` counts lines with the
 * same time and text. (time, source, key, n) names a line independently of where a request
 * started reading, so a client can resume exactly after it.
 */
export type LogLine = {
  time: string;
  key: string;
  n: number;
  /** `pod/container` in merged streams, '' for a single container. */
  source: string;
  text: string;
};

/** A position in a log stream: resume strictly after this line. */
export type LogCursor = Pick<LogLine, 'time' | 'key' | 'n' | 'source'>;

const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** `2026-01-02T03:04:05.1Z` → `2026-01-02T03:04:05.100000000Z`; undefined if not a timestamp. */
export function normalizeTimestamp(value: string): string | undefined {
  const match = TIMESTAMP.exec(value);
  if (!match) {
    return undefined;
  }
  const [, seconds, fraction = '', zone] = match;
  if (zone === 'Z') {
    return `${seconds}.${fraction.padEnd(9, '0')}Z`;
  }
  const utc = new Date(`${seconds}${zone}`).toISOString().slice(0, 19);
  return `${utc}.${fraction.padEnd(9, '0')}Z`;
}

/** Splits a `timestamps=true` line into its normalized time and text. */
export function splitTimestamp(raw: string): { time?: string; text: string } {
  const space = raw.indexOf(' ');
  const candidate = space === -1 ? raw : raw.slice(0, space);
  const time = normalizeTimestamp(candidate);
  if (!time) {
    return { text: raw };
  }
  return { time, text: space === -1 ? '' : raw.slice(space + 1) };
}

/** The SSE event id of a line: `time_key_n` or `time_key_n_source`. */
export function formatLogId(cursor: LogCursor): string {
  const id = `${cursor.time}_${cursor.key}_${cursor.n}`;
  return cursor.source ? `${id}_${cursor.source}` : id;
}

/** Parses {@link formatLogId}; undefined when it is not one. */
export function parseLogId(id: string): LogCursor | undefined {
  const match = /^([^_]+)_([0-9a-f]{8})_(\d+)(?:_(.+))?$/.exec(id);
  const time = match && normalizeTimestamp(match[1]);
  if (!match || !time || time !== match[1]) {
    return undefined;
  }
  return { time, key: match[2], n: Number(match[3]), source: match[4] ?? '' };
}

/** Orders lines of different sources by time, then source (sorting is stable within one). */
export function compareLines(a: LogCursor, b: LogCursor): number {
  if (a.time !== b.time) {
    return a.time < b.time ? -1 : 1;
  }
  if (a.source !== b.source) {
    return a.source < b.source ? -1 : 1;
  }
  return 0;
}

/** Cuts a line longer than `max` characters, saying how much was cut. */
export function truncateLine(
  text: string,
  max: number,
): { text: string; truncated?: number } {
  if (text.length <= max) {
    return { text };
  }
  const cut = text.length - max;
  return {
    text: `${text.slice(0, max)} … [truncated ${cut} characters]`,
    truncated: cut,
  };
}

/** FNV-1a of a line's text, as 8 hex digits. */
function textKey(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Gives the lines of one source, in order, their `key` and `n`. */
export class LineNumbering {
  #time = '';
  readonly #seen = new Map<string, number>();

  next(time: string, text: string): { key: string; n: number } {
    if (time !== this.#time) {
      this.#time = time;
      this.#seen.clear();
    }
    const key = textKey(text);
    const n = (this.#seen.get(key) ?? 0) + 1;
    this.#seen.set(key, n);
    return { key, n };
  }
}

/**
 * Decides, line by line in one source's order, whether a line comes after `after`: earlier
 * times (and earlier sources at the same time) are skipped, and at the cursor's own time and
 * source everything up to the cursor's line itself.
 */
export function createResumeFilter(
  after: LogCursor | undefined,
): (line: LogLine) => boolean {
  let passed = !after;
  return line => {
    if (passed) return true;
    const order = compareLines(line, after!);
    if (order < 0) return false;
    if (order > 0) {
      passed = true;
      return true;
    }
    if (line.key === after!.key && line.n === after!.n) passed = true;
    return false;
  };
}

import {
  compareLines,
  createResumeFilter,
  formatLogId,
  LineNumbering,
  LogLine,
  normalizeTimestamp,
  parseLogId,
  splitTimestamp,
  truncateLine,
} from './logLine';

const T1 = '2026-01-02T03:04:05.000000000Z';
const T2 = '2026-01-02T03:04:06.000000000Z';

function numbered(entries: [string, string][], source = ''): LogLine[] {
  const numbering = new LineNumbering();
  return entries.map(([time, text]) => ({
    time,
    ...numbering.next(time, text),
    source,
    text,
  }));
}

describe('log lines', () => {
  it('normalizes kubelet timestamps so string order is time order', () => {
    expect(normalizeTimestamp('2026-01-02T03:04:05.1Z')).toBe(
      '2026-01-02T03:04:05.100000000Z',
    );
    expect(normalizeTimestamp('2026-01-02T03:04:05Z')).toBe(
      '2026-01-02T03:04:05.000000000Z',
    );
    expect(normalizeTimestamp('2026-01-02T04:04:05.5+01:00')).toBe(
      '2026-01-02T03:04:05.500000000Z',
    );
    expect(normalizeTimestamp('hello')).toBeUndefined();
    expect(splitTimestamp('2026-01-02T03:04:05.25Z hello world')).toEqual({
      time: '2026-01-02T03:04:05.250000000Z',
      text: 'hello world',
    });
  });

  it('round-trips ids with and without a source', () => {
    const [single] = numbered([[T1, 'hello']]);
    const merged = { ...single, source: 'web-1/app' };
    expect(parseLogId(formatLogId(single))).toEqual({
      time: T1,
      key: single.key,
      n: 1,
      source: '',
    });
    expect(parseLogId(formatLogId(merged))).toMatchObject({
      source: 'web-1/app',
    });
    expect(parseLogId('2026-01-02T03:04:05Z_0000abcd_1')).toBeUndefined();
    expect(parseLogId('garbage')).toBeUndefined();
  });

  it('numbers repeats of the same text at the same time', () => {
    const lines = numbered([
      [T1, 'a'],
      [T1, 'b'],
      [T1, 'a'],
      [T2, 'a'],
    ]);
    expect(lines.map(l => l.n)).toEqual([1, 1, 2, 1]);
    expect(lines[0].key).toBe(lines[2].key);
    expect(lines[0].key).not.toBe(lines[1].key);
  });

  it('orders sources by time, then source name', () => {
    expect(
      compareLines(
        { time: T1, key: 'x', n: 9, source: 'b' },
        { time: T2, key: 'x', n: 1, source: 'a' },
      ),
    ).toBeLessThan(0);
    expect(
      compareLines(
        { time: T1, key: 'x', n: 9, source: 'a' },
        { time: T1, key: 'x', n: 1, source: 'b' },
      ),
    ).toBeLessThan(0);
  });

  it('resumes after a line wherever the replay started', () => {
    const group: [string, string][] = [
      [T1, 'x1'],
      [T1, 'x2'],
      [T1, 'x3'],
      [T2, 'y'],
    ];
    const full = numbered(group);
    const fromWindow = numbered(group.slice(2)); // a tail that started inside the group
    const isNew = createResumeFilter(fromWindow[0]);
    expect(full.filter(isNew).map(l => l.text)).toEqual(['y']);
  });

  it('truncates long lines with a visible marker', () => {
    const { text, truncated } = truncateLine('x'.repeat(25), 10);
    expect(text).toBe(`${'x'.repeat(10)} … [truncated 15 characters]`);
    expect(truncated).toBe(15);
    expect(truncateLine('short', 10)).toEqual({ text: 'short' });
  });
});

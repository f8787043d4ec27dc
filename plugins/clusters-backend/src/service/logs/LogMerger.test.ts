import { LogMerger } from './LogMerger';
import { LogLine } from './logLine';

async function* source(
  name: string,
  count: number,
  failAfter?: number,
): AsyncGenerator<LogLine> {
  for (let i = 0; i < count; i++) {
    if (i === failAfter) throw new Error('upstream cut');
    const time = `2026-11-26T10:00:00.${String(i).padStart(9, '0')}Z`;
    yield { time, key: '00000000', n: 0, source: name, text: `${name} ${i}` };
  }
}

async function collect(lines: AsyncIterable<LogLine>) {
  const all: LogLine[] = [];
  for await (const line of lines) all.push(line);
  return all;
}

describe('LogMerger without follow', () => {
  it('merges a workload bigger than the follow buffer completely and in time order', async () => {
    const merger = new LogMerger(false, new AbortController().signal);
    for (let pod = 0; pod < 30; pod++)
      merger.add(source(`pod-${pod}/app`, 1000));

    const lines = await collect(merger.lines());

    expect(lines).toHaveLength(30_000);
    const keys = lines.map(l => `${l.time} ${l.source}`);
    const outOfOrder = keys.filter((key, i) => i > 0 && key < keys[i - 1]);
    expect(outOfOrder).toEqual([]);
  });

  it('keeps the other containers when one fails', async () => {
    const merger = new LogMerger(false, new AbortController().signal);
    merger.add(source('a/app', 10, 3));
    merger.add(source('b/app', 10));

    const lines = await collect(merger.lines());

    expect(lines.map(l => l.text)).toEqual(
      expect.arrayContaining(['a/app 0', 'a/app 2', 'b/app 0', 'b/app 9']),
    );
    expect(lines).toHaveLength(13);
  });
});

import { CompactionWindow } from './compaction';

describe('CompactionWindow', () => {
  it('keeps the version that was newest when the window began readable, and nothing older', () => {
    let now = 0;
    const window = new CompactionWindow(1000, () => now, 1);
    expect(window.compactedRevision()).toBe(0);
    now = 10;
    window.record(2);
    now = 20;
    window.record(3);
    now = 1015;
    // 2 replaced 1 at 10 ms, which is more than a window ago; 3 replaced 2 only 995 ms ago.
    expect(window.compactedRevision()).toBe(2);
    now = 5000;
    expect(window.compactedRevision()).toBe(3);
  });

  it('never compacts the newest version, however old', () => {
    let now = 0;
    const window = new CompactionWindow(10, () => now, 7);
    now = 1_000_000;
    expect(window.compactedRevision()).toBe(7);
  });
});

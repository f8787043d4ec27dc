/**
 * When each resourceVersion stopped being the newest, kept for a compaction window: like the
 * API server compacting etcd (every 5 minutes by default), versions that were superseded
 * longer ago than the window can no longer be read at.
 */
export class CompactionWindow {
  private rvs: number[] = [];
  private times: number[] = [];
  private head = 0;

  constructor(private readonly windowMs: number, private readonly now: () => number, initialRv: number) {
    this.record(initialRv);
  }

  /** Notes that `rv` became the newest version now. */
  record(rv: number): void {
    const now = this.now();
    const last = this.times.length - 1;
    if (last >= this.head && this.times[last] === now) {
      // Versions superseded within the same millisecond need no entry of their own.
      this.rvs[last] = rv;
    } else {
      this.rvs.push(rv);
      this.times.push(now);
    }
    this.prune();
  }

  /** The oldest version that can still be read at: the one that was newest `windowMs` ago. */
  compactedRevision(): number {
    this.prune();
    return this.times[this.head] <= this.now() - this.windowMs ? this.rvs[this.head] : 0;
  }

  /** Drops versions superseded before the window, keeping the one current at its start. */
  private prune(): void {
    const cutoff = this.now() - this.windowMs;
    while (this.head + 1 < this.times.length && this.times[this.head + 1] <= cutoff) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.rvs.length) {
      this.rvs = this.rvs.slice(this.head);
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}

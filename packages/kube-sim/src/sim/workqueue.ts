/**
 * A deduplicating queue of reconcile requests. Watch callbacks run synchronously inside store
 * writes, so controllers only enqueue there and do their own writes later, outside the callback.
 */
export class WorkQueue {
  private readonly pending = new Map<string, () => void>();
  private scheduled = false;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly onError: (error: unknown, key: string) => void = () => {}) {}

  /** Queues `task` under `key`; a task already waiting under the same key is replaced. */
  add(key: string, task: () => void): void {
    if (this.stopped) return;
    this.pending.delete(key);
    this.pending.set(key, task);
    this.schedule();
  }

  /** Resolves once no work is pending (after cascades of follow-up work have run too). */
  idle(): Promise<void> {
    if (this.pending.size === 0 && !this.scheduled) return Promise.resolve();
    return new Promise(resolve => this.idleWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain() {
    const batch = [...this.pending];
    this.pending.clear();
    for (const [key, task] of batch) {
      try {
        task();
      } catch (error) {
        this.onError(error, key);
      }
    }
    this.scheduled = false;
    if (this.pending.size > 0) {
      this.schedule();
      return;
    }
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach(resolve => resolve());
  }
}

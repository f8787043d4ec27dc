/** A fixed-window limiter per key: at most `limit` calls per `windowMs`. */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a call; false when the key is over its limit for the current window. */
  take(key: string): boolean {
    const now = this.now();
    const window = this.#windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.#windows.set(key, { start: now, count: 1 });
      this.#prune(now);
      return true;
    }
    window.count += 1;
    return window.count <= this.limit;
  }

  #prune(now: number) {
    if (this.#windows.size < 10_000) return;
    for (const [key, w] of this.#windows) {
      if (now - w.start >= this.windowMs) this.#windows.delete(key);
    }
  }
}

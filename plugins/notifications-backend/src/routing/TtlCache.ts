/** A small time-bounded cache for catalog lookups that many events repeat. */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: Promise<V>; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached value, or the loader's; a failed load is not cached. */
  get(key: string, load: () => Promise<V>, now = Date.now()): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) {
      return hit.value;
    }
    if (this.#entries.size >= this.maxEntries) {
      this.#entries.clear();
    }
    const value = load();
    this.#entries.set(key, { value, expires: now + this.ttlMs });
    value.catch(() => this.#entries.delete(key));
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}

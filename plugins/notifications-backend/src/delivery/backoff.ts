/** Exponential backoff with jitter: half the step plus a random part of the other half. */
export function retryDelay(
  attempt: number,
  options: { baseMs?: number; maxMs?: number; retryAfterMs?: number } = {},
  random: () => number = Math.random,
): number {
  const base = options.baseMs ?? 5_000;
  const max = options.maxMs ?? 3_600_000;
  const step = Math.min(base * 2 ** Math.max(0, attempt - 1), max);
  const jittered = step / 2 + random() * (step / 2);
  return Math.ceil(Math.max(jittered, options.retryAfterMs ?? 0));
}

/**
 * Sliding-window rate limits per key (a Slack channel, a Telegram chat), per backend replica.
 */
export class RateLimiter {
  readonly #sent = new Map<string, number[]>();

  /** Returns 0 and counts the send when allowed now, or how long to wait otherwise. */
  reserve(key: string, limit: number, intervalMs: number, now: number): number {
    const recent = (this.#sent.get(key) ?? []).filter(
      t => t > now - intervalMs,
    );
    if (recent.length >= limit) {
      this.#sent.set(key, recent);
      return recent[recent.length - limit] + intervalMs - now;
    }
    recent.push(now);
    this.#sent.set(key, recent);
    return 0;
  }
}

/**
 * Capped exponential backoff with full jitter: a random delay between 0 and
 * min(cap, base × 2^attempt), so many agents reconnecting at once spread out.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

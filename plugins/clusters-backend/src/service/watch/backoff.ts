/** Exponential backoff with ±50% jitter, capped. */
export function backoffDelay(
  attempt: number,
  baseMs = 1000,
  maxMs = 30_000,
): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.5 + Math.random()));
}

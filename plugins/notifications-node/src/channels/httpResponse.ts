import { SafeHttpResponse } from '../http/SafeHttpClient';
import { ChannelDeliveryError } from './types';

/**
 * Reads `Retry-After` (seconds or an HTTP date) into milliseconds.
 *
 * @public
 */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: number = Date.now(),
): number | undefined {
  const raw = [value].flat()[0];
  if (!raw) {
    return undefined;
  }
  if (/^\d+$/.test(raw.trim())) {
    return Number(raw.trim()) * 1000;
  }
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Turns a non-2xx answer into a {@link ChannelDeliveryError}: 408, 429 and 5xx are retryable
 * (honouring `Retry-After`), other statuses are not. The body is cut short; it never contains
 * what we sent.
 *
 * @public
 */
export function assertDelivered(
  response: SafeHttpResponse,
  what: string,
): void {
  if (response.status >= 200 && response.status < 300) {
    return;
  }
  const retryable =
    response.status === 408 ||
    response.status === 429 ||
    response.status >= 500;
  throw new ChannelDeliveryError(
    `${what} answered ${response.status}: ${response.body.slice(0, 200)}`,
    {
      retryable,
      retryAfterMs: parseRetryAfter(response.headers['retry-after']),
    },
  );
}

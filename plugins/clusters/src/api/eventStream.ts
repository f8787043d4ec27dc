import { FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { SseMessage, SseParser } from './sseParser';
import { StreamState, Unsubscribe } from './types';

/**
 * What a message handler tells the stream: `end` stops it (complete), `{ error }` stops it
 * as failed; anything else keeps reading.
 */
export type MessageOutcome = 'end' | { error: string } | void;

/** Options of {@link openEventStream}. */
export type EventStreamOptions = {
  fetchApi: FetchApi;
  /** Resolved on every (re)connect. */
  url: () => Promise<string>;
  onMessage(message: SseMessage): MessageOutcome;
  onState?(state: StreamState): void;
  /**
   * First reconnect delay (default: the server's `retry:`, else 1 s); doubled per failed
   * attempt up to `maxRetryMs`, with jitter.
   */
  retryMs?: number;
  maxRetryMs?: number;
};

const DEFAULT_RETRY_MS = 1_000;
const DEFAULT_MAX_RETRY_MS = 30_000;

class PermanentError extends Error {}

/** Waits `ms`, or less when aborted or woken (by the browser coming back online). */
function sleep(
  ms: number,
  signal: AbortSignal,
  onWake: (wake: () => void) => void,
): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      onWake(() => {});
      resolve();
    }
    signal.addEventListener('abort', done);
    onWake(done);
  });
}

function isOffline() {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** 4xx answers (except timeouts and rate limits) will not change by retrying. */
function isPermanent(status: number) {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** The message of an error, preferring the server's own message over the status line. */
export function describeError(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.message;
  }
  return (error as Error)?.message ?? String(error);
}

/**
 * A server-sent event stream read through `fetchApi` (so Backstage credentials apply) that
 * reconnects by itself after a network drop, sending `Last-Event-ID` so the server resumes
 * exactly after the last event received. It stops when a handler answers `end`, on a
 * permanent error (such as 403) or when unsubscribed.
 */
export function openEventStream(options: EventStreamOptions): Unsubscribe {
  const controller = new AbortController();
  const { signal } = controller;
  const maxRetry = options.maxRetryMs ?? DEFAULT_MAX_RETRY_MS;
  const report = (state: StreamState) => {
    if (!signal.aborted) {
      options.onState?.(state);
    }
  };
  let lastEventId: string | undefined;
  let serverRetry: number | undefined;
  let attempt = 0;
  // A drop the browser knows about (offline) cuts the current attempt at once, and coming
  // back online reconnects at once instead of waiting out the back-off.
  let current: AbortController | undefined;
  let wake = () => {};
  const setWake = (w: () => void) => {
    wake = w;
  };
  const onOffline = () => current?.abort();
  const onOnline = () => wake();
  if (typeof window !== 'undefined') {
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    signal.addEventListener('abort', () => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
    });
  }
  signal.addEventListener('abort', () => current?.abort());

  async function readOnce(): Promise<'ended' | 'dropped'> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (lastEventId !== undefined) {
      headers['Last-Event-ID'] = lastEventId;
    }
    const attemptController = new AbortController();
    current = attemptController;
    const response = await options.fetchApi.fetch(await options.url(), {
      headers,
      signal: attemptController.signal,
    });
    if (!response.ok) {
      const error = await ResponseError.fromResponse(response);
      throw isPermanent(response.status)
        ? new PermanentError(describeError(error))
        : error;
    }
    if (!response.body) {
      throw new PermanentError('The server sent no event stream');
    }
    report({ state: 'open' });
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    // whatever fetch does with an abort mid-body, a cancelled reader ends the read loop
    attemptController.signal.addEventListener('abort', () => {
      reader.cancel().catch(() => {});
    });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          return 'dropped';
        }
        for (const message of parser.feed(
          decoder.decode(value, { stream: true }),
        )) {
          if (message.id !== undefined) {
            lastEventId = message.id;
          }
          attempt = 0;
          const outcome = options.onMessage(message);
          if (outcome === 'end') {
            return 'ended';
          }
          if (outcome) {
            throw new PermanentError(outcome.error);
          }
        }
        serverRetry = parser.retryMs ?? serverRetry;
      }
    } finally {
      reader.cancel().catch(() => {});
    }
  }

  (async () => {
    report({ state: 'connecting' });
    while (!signal.aborted) {
      let error: string | undefined;
      try {
        if ((await readOnce()) === 'ended') {
          report({ state: 'ended' });
          return;
        }
      } catch (e) {
        if (signal.aborted) {
          return;
        }
        if (e instanceof PermanentError) {
          report({ state: 'failed', error: e.message });
          return;
        }
        error = isOffline() ? 'The browser is offline' : describeError(e);
      }
      attempt += 1;
      report({ state: 'reconnecting', attempt, error });
      const base = options.retryMs ?? serverRetry ?? DEFAULT_RETRY_MS;
      const delay = Math.min(base * 2 ** (attempt - 1), maxRetry);
      const wait = isOffline()
        ? maxRetry
        : delay / 2 + (Math.random() * delay) / 2;
      await sleep(wait, signal, setWake);
    }
  })();

  return () => controller.abort();
}

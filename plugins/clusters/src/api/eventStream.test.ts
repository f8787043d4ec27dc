import { openEventStream } from './eventStream';
import { SseMessage } from './sseParser';
import { StreamState } from './types';

/** A response whose stream stays open after `chunks`, like a healthy follow. */
function openResponse(chunks: string[]) {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream({
      start(controller) {
        chunks.forEach(chunk => controller.enqueue(encoder.encode(chunk)));
      },
    }),
    { status: 200 },
  );
}

function until(predicate: () => boolean) {
  return new Promise<void>(resolve => {
    const check = () => (predicate() ? resolve() : setTimeout(check, 1));
    check();
  });
}

describe('openEventStream', () => {
  it('cuts the stream when the browser goes offline and resumes as soon as it is back', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(openResponse(['id: 7\ndata: a\n\n']))
      .mockResolvedValueOnce(openResponse(['id: 8\ndata: b\n\n']));
    const messages: SseMessage[] = [];
    const states: StreamState[] = [];
    const stop = openEventStream({
      fetchApi: { fetch },
      url: async () => 'http://backend/stream',
      // a back-off far longer than the test: only coming online can explain a quick reconnect
      retryMs: 600_000,
      onMessage: m => {
        messages.push(m);
      },
      onState: s => states.push(s),
    });
    await until(() => messages.length === 1);

    window.dispatchEvent(new Event('offline'));
    await until(() => states.some(s => s.state === 'reconnecting'));
    window.dispatchEvent(new Event('online'));
    await until(() => messages.length === 2);
    stop();

    expect(messages.map(m => m.data)).toEqual(['a', 'b']);
    expect(fetch.mock.calls[1][1].headers['Last-Event-ID']).toBe('7');
    expect(states.map(s => s.state)).toEqual([
      'connecting',
      'open',
      'reconnecting',
      'open',
    ]);
  });
});

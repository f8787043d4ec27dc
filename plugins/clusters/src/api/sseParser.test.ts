import { SseParser } from './sseParser';

describe('SseParser', () => {
  it('assembles events split across chunks and line endings', () => {
    const parser = new SseParser();

    expect(parser.feed('retry: 500\n\n: ping\n\nid: 1\nda')).toEqual([]);
    expect(parser.feed('ta: a\r\ndata: b\r')).toEqual([]);
    expect(parser.feed('\n\r\nevent: end\ndata: {}\n\n')).toEqual([
      { id: '1', event: 'message', data: 'a\nb' },
      { id: '1', event: 'end', data: '{}' },
    ]);
    expect(parser.retryMs).toBe(500);
  });
});

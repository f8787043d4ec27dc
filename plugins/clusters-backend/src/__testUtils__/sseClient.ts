import http from 'node:http';
import { AddressInfo } from 'node:net';

/** One parsed server-sent event. */
export type ReceivedEvent = { id?: string; event: string; data: any };

/**
 * Opens an SSE stream on the test server and hands each event to `onEvent`; the stream closes
 * when `onEvent` returns false, when the server ends it, or on `close()`.
 */
export function openSse(
  server: http.Server,
  path: string,
  headers: Record<string, string>,
  onEvent: (event: ReceivedEvent) => boolean | void,
): Promise<{ status: number; body?: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: { Accept: 'text/event-stream', ...headers },
      },
      res => {
        if (res.statusCode !== 200) {
          let body = '';
          res.on('data', c => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', chunk => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
            const event: ReceivedEvent = { event: 'message', data: undefined };
            for (const line of block.split('\n')) {
              if (line.startsWith('id: ')) event.id = line.slice(4);
              else if (line.startsWith('event: ')) event.event = line.slice(7);
              else if (line.startsWith('data: '))
                event.data = JSON.parse(line.slice(6));
            }
            if (event.data === undefined) continue;
            if (onEvent(event) === false) {
              req.destroy();
              resolve({ status: 200 });
              return;
            }
          }
        });
        res.on('end', () => resolve({ status: 200 }));
        res.on('error', () => resolve({ status: 200 }));
      },
    );
    req.on('error', error =>
      (error as any).code === 'ECONNRESET'
        ? resolve({ status: 200 })
        : reject(error),
    );
  });
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * `/healthz` (the process is alive and its loop runs) and `/readyz` (the stream to the hub is
 * up) for the Deployment's probes.
 */
export async function startHealthServer(options: {
  port: number;
  host?: string;
  live: () => boolean;
  ready: () => { ready: boolean; detail: string };
}): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      const live = options.live();
      res.writeHead(live ? 200 : 503, { 'content-type': 'text/plain' });
      res.end(live ? 'ok\n' : 'stopped\n');
    } else if (path === '/readyz') {
      const { ready, detail } = options.ready();
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' });
      res.end(`${detail}\n`);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimulationHandlers } from '../sim/types';

/**
 * A bare HTTP server in front of the simulation's pod handlers (no authentication), serving
 * /namespaces/{ns}/pods/{name}/{log|exec|attach|portforward}.
 */
export async function serveHandlers(handlers: SimulationHandlers): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const route = (url: string | undefined) => {
    const parsed = new URL(url ?? '/', 'http://sim');
    const [, , namespace, , name, subresource] = parsed.pathname.split('/');
    return { params: { namespace, name, query: parsed.searchParams }, subresource };
  };
  const server = createServer((req, res) => {
    const { params } = route(req.url);
    handlers.log(req, res, params);
  });
  server.on('upgrade', (req, socket, head) => {
    const { params, subresource } = route(req.url);
    handlers.upgrade(subresource as 'exec' | 'attach' | 'portforward', req, socket, head, params);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise(resolve => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

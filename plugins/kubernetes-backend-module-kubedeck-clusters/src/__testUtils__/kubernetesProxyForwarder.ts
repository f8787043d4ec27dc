import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { stringify } from 'yaml';

/** A running forwarder in front of Backstage's `/api/kubernetes/proxy`. */
export type KubernetesProxyForwarder = {
  url: string;
  /** A kubeconfig whose only cluster is the forwarder (no credentials: it adds them). */
  kubeconfig(): string;
  close(): Promise<void>;
};

/**
 * A plain HTTP server for kubectl in tests: it forwards every request to Backstage's
 * Kubernetes proxy, adding what kubectl cannot send, the `Backstage-Kubernetes-Cluster` header
 * and a Backstage token. Bodies stream both ways, so `logs -f` and watches work too, and
 * upgraded connections (exec) are piped with the same headers added. Shared by
 * the tests of direct clusters (this package) and of agent clusters.
 */
export async function startKubernetesProxyForwarder(options: {
  /** Where the backend listens, such as `http://127.0.0.1:7007`. */
  backendUrl: string;
  cluster: string;
  /** The Backstage token sent as `Authorization: Bearer`. */
  backstageToken: string;
}): Promise<KubernetesProxyForwarder> {
  const target = new URL('/api/kubernetes/proxy', options.backendUrl);
  const forward = (req: http.IncomingMessage) => {
    const headers = { ...req.headers };
    delete headers.host;
    delete headers.authorization;
    return {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: `${target.pathname}${req.url}`,
      headers: {
        ...headers,
        authorization: `Bearer ${options.backstageToken}`,
        'backstage-kubernetes-cluster': options.cluster,
      },
    };
  };
  const server = http.createServer((req, res) => {
    const upstream = http.request(forward(req), response => {
      res.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(res);
    });
    upstream.on('error', error => {
      if (!res.headersSent) res.writeHead(502);
      res.end(error.message);
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  // exec, attach and port-forward: the upgraded connection is piped both ways as raw bytes
  server.on('upgrade', (req, socket: Duplex, head: Buffer) => {
    const upstream = http.request(forward(req));
    const writeHead = (response: http.IncomingMessage, skip: string[]) => {
      const lines = [
        `HTTP/1.1 ${response.statusCode} ${response.statusMessage}`,
      ];
      for (let i = 0; i < response.rawHeaders.length; i += 2) {
        if (skip.includes(response.rawHeaders[i].toLowerCase())) continue;
        lines.push(`${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}`);
      }
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    };
    upstream.on('upgrade', (response, upstreamSocket, upstreamHead) => {
      writeHead(response, []);
      if (upstreamHead.length) socket.write(upstreamHead);
      if (head.length) upstreamSocket.write(head);
      upstreamSocket.pipe(socket).pipe(upstreamSocket);
      upstreamSocket.on('error', () => socket.destroy());
      socket.on('error', () => upstreamSocket.destroy());
      upstreamSocket.on('close', () => socket.destroy());
      socket.on('close', () => upstreamSocket.destroy());
    });
    // refused: the response is passed on as it is, then the connection ends
    upstream.on('response', response => {
      // the body is written as it is decoded, up to the end of the connection
      writeHead(response, [
        'transfer-encoding',
        'content-length',
        'connection',
      ]);
      response.pipe(socket);
    });
    upstream.on('error', () => socket.destroy());
    upstream.end();
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    kubeconfig: () =>
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: options.cluster, cluster: { server: url } }],
        users: [{ name: 'backstage', user: {} }],
        contexts: [
          {
            name: options.cluster,
            context: { cluster: options.cluster, user: 'backstage' },
          },
        ],
        'current-context': options.cluster,
      }),
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

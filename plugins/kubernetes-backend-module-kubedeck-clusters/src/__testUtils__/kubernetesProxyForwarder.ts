import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
 * and a Backstage token. Bodies stream both ways, so `logs -f` and watches work too. Shared by
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
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    delete headers.host;
    delete headers.authorization;
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: `${target.pathname}${req.url}`,
        headers: {
          ...headers,
          authorization: `Bearer ${options.backstageToken}`,
          'backstage-kubernetes-cluster': options.cluster,
        },
      },
      response => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    upstream.on('error', error => {
      if (!res.headersSent) res.writeHead(502);
      res.end(error.message);
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
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

import http from 'node:http';
import https from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';

const TLS_FIELDS = [
  'ca',
  'cert',
  'key',
  'rejectUnauthorized',
  'servername',
] as const;

/** The agent's own access to its cluster: in-cluster service account, or a kubeconfig. */
export class KubeTarget {
  readonly #base: URL;
  #pool?: http.Agent;

  constructor(readonly kubeConfig: KubeConfig) {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) {
      throw new Error('The kubeconfig has no current cluster');
    }
    this.#base = new URL(cluster.server);
  }

  static load(kubeconfigPath?: string): KubeTarget {
    const kubeConfig = new KubeConfig();
    if (kubeconfigPath) {
      kubeConfig.loadFromFile(kubeconfigPath);
    } else {
      kubeConfig.loadFromCluster();
    }
    return new KubeTarget(kubeConfig);
  }

  /**
   * Options for http(s).request to `path`, with the agent's own credentials applied (read
   * again each time: in-cluster service account tokens rotate). Upgraded connections get a
   * socket of their own; everything else shares a keep-alive pool.
   */
  async requestOptions(
    method: string,
    path: string,
    headers: http.OutgoingHttpHeaders,
    options: { upgrade?: boolean } = {},
  ): Promise<https.RequestOptions> {
    const applied: https.RequestOptions = { headers: {} };
    await this.kubeConfig.applyToHTTPSOptions(applied);
    const tls: Pick<https.AgentOptions, (typeof TLS_FIELDS)[number]> = {};
    for (const field of TLS_FIELDS) {
      if (applied[field] !== undefined) {
        Object.assign(tls, { [field]: applied[field] });
      }
    }
    if (!this.#pool) {
      this.#pool =
        this.#base.protocol === 'https:'
          ? new https.Agent({ keepAlive: true, ...tls })
          : new http.Agent({ keepAlive: true });
    }
    const basePath = this.#base.pathname.replace(/\/+$/, '');
    return {
      ...(options.upgrade ? tls : {}),
      protocol: this.#base.protocol,
      hostname: this.#base.hostname,
      port: this.#base.port,
      method,
      path: basePath + path,
      auth: applied.auth,
      headers: { ...headers, ...applied.headers },
      agent: options.upgrade ? false : this.#pool,
    };
  }

  request(options: https.RequestOptions): http.ClientRequest {
    return this.#base.protocol === 'https:'
      ? https.request(options)
      : http.request(options);
  }

  /** A JSON request against the API server (for the agent's own reads and its Secret). */
  async json<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const payload =
      body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const opts = await this.requestOptions(method, path, {
      accept: 'application/json',
      ...(payload ? { 'content-type': 'application/json' } : {}),
    });
    return new Promise((resolve, reject) => {
      const req = this.request(opts);
      req.on('error', reject);
      req.on('response', res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({
              status: res.statusCode ?? 0,
              body: (text ? JSON.parse(text) : {}) as T,
            });
          } catch {
            reject(
              new Error(
                `${method} ${path}: answered ${res.statusCode} with non-JSON`,
              ),
            );
          }
        });
      });
      req.end(payload);
    });
  }

  close(): void {
    this.#pool?.destroy();
  }
}

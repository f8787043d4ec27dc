import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { verifyTokenHash } from '@kubedeck/plugin-secrets-node';
import type { AgentConnection } from './AgentConnection';
import { statusFailure } from './HubExchange';
import { loopbackCertificate } from './loopbackCertificate';
import {
  forwardToReplica,
  forwardUpgradeToReplica,
  type RemoteEndpoint,
} from './replicaForward';

/** Finds the live connection serving a cluster. */
export type ConnectionLookup = (
  clusterName: string,
) => AgentConnection | undefined;

/** Finds another replica holding the cluster's agent, when this one does not. */
export type OwnerLookup = (
  clusterName: string,
) => Promise<RemoteEndpoint | undefined>;

/** Says why no replica holds a cluster's agent stream (not connected, push-only, ...). */
export type UnavailableReason = (clusterName: string) => Promise<string>;

/** Set on requests one replica forwards to another, so they are never forwarded again. */
const FORWARDED = 'x-kubedeck-agent-hub-forwarded';

type Route =
  | { connection: AgentConnection; path: string }
  | { remote: RemoteEndpoint }
  | { code: number; message: string };

const unroutable = (error: Error): Route => ({
  code: 503,
  message: `cannot route the request: ${error.message}`,
});

/**
 * Serves every agent cluster as a Kubernetes API endpoint (HTTPS with a certificate made at
 * startup; loopback unless replicas must reach each other). A request names its cluster by its
 * path prefix `/clusters/<name>` and proves itself with that cluster's bearer token; the rest of
 * the path goes to the agent unchanged, or to the replica holding the agent's stream.
 */
export class ClusterEndpoint {
  readonly #tokenHashes = new Map<string, string>();
  #owners?: OwnerLookup;
  #unavailable?: UnavailableReason;

  private constructor(
    private readonly server: Server,
    readonly caCertificate: string,
    private readonly lookup: ConnectionLookup,
  ) {}

  static async start(
    lookup: ConnectionLookup,
    host = '127.0.0.1',
  ): Promise<ClusterEndpoint> {
    const { cert, key } = loopbackCertificate();
    const server = createServer({ cert, key });
    const endpoint = new ClusterEndpoint(server, cert, lookup);
    server.on('request', (req, res) => void endpoint.#request(req, res));
    server.on(
      'upgrade',
      (req, socket, head) => void endpoint.#upgrade(req, socket, head),
    );
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve());
    });
    return endpoint;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The base URL of a cluster's endpoint. */
  urlFor(clusterName: string): string {
    return `https://127.0.0.1:${this.port}/clusters/${encodeURIComponent(
      clusterName,
    )}`;
  }

  /** Accepts `tokenHash` (SHA-256) as the bearer token of the cluster. */
  setToken(clusterName: string, tokenHash: string): void {
    this.#tokenHashes.set(clusterName, tokenHash);
  }

  removeToken(clusterName: string): void {
    this.#tokenHashes.delete(clusterName);
  }

  /**
   * Where to send requests for clusters whose agent another replica holds, and why a cluster
   * whose agent no replica holds is unavailable.
   */
  setLookups(owners: OwnerLookup, unavailable: UnavailableReason): void {
    this.#owners = owners;
    this.#unavailable = unavailable;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  async #route(req: IncomingMessage): Promise<Route> {
    const match = /^\/clusters\/([^/?]+)([/?][^]*)?$/.exec(req.url ?? '');
    const clusterName = match ? decodeURIComponent(match[1]) : undefined;
    const expected = clusterName && this.#tokenHashes.get(clusterName);
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!expected || !token || !verifyTokenHash(token, expected)) {
      return { code: 401, message: 'Unauthorized' };
    }
    const connection = this.lookup(clusterName!);
    if (connection) {
      const rest = match![2] ?? '/';
      return { connection, path: rest.startsWith('?') ? `/${rest}` : rest };
    }
    const remote = req.headers[FORWARDED]
      ? undefined
      : await this.#owners?.(clusterName!);
    if (remote) {
      req.headers[FORWARDED] = '1';
      return { remote };
    }
    return {
      code: 503,
      message:
        (await this.#unavailable?.(clusterName!)) ??
        `the agent of cluster ${clusterName} is not connected`,
    };
  }

  async #request(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = await this.#route(req).catch(unroutable);
    if ('remote' in route) {
      forwardToReplica(route.remote, req, res);
    } else if ('connection' in route) {
      route.connection.forward(req, res, route.path);
    } else {
      res.writeHead(route.code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(statusFailure(route.code, route.message)));
    }
  }

  async #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const route = await this.#route(req).catch(unroutable);
    if ('remote' in route) {
      forwardUpgradeToReplica(route.remote, req, socket, head);
    } else if ('connection' in route) {
      route.connection.forwardUpgrade(req, socket, head, route.path);
    } else {
      const body = JSON.stringify(statusFailure(route.code, route.message));
      socket.end(
        `HTTP/1.1 ${route.code} Refused\r\ncontent-type: application/json\r\n` +
          `content-length: ${Buffer.byteLength(
            body,
          )}\r\nconnection: close\r\n\r\n${body}`,
      );
    }
  }
}

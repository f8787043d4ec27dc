import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { Authenticator } from './auth/authenticate';
import { MASTERS, RbacAuthorizer } from './auth/rbac';
import { InMemoryObjectStore } from './store/ObjectStore';
import type { Scenario, ScenarioUser } from './scenario/types';
import type { Simulation } from './sim/types';
import { startSimulation } from './sim';
import { Chaos, type ChaosSettings } from './api/chaos';
import type { ApiServices } from './api/context';
import { sendError } from './api/http';
import { ResourceRegistry } from './api/resources';
import { attributesOf, authorize, handleRequest, identify, resolveResource } from './api/router';
import { parseRequestInfo } from './api/requestInfo';
import { ApiError, badRequest, statusObject, toApiError } from './api/status';
import { loadScenarioObjects, watchClusterState } from './bootstrap';
import { renderKubeconfig } from './kubeconfig';
import { generateServerCertificate } from './tls';

export interface KubeSimOptions {
  scenario: Scenario;
  port?: number;
  host?: string;
  /** HTTPS with a fresh self-signed certificate (default). kubectl sends tokens only over TLS. */
  tls?: boolean;
  /** Run the simulation (controllers, kubelet, logs, exec, metrics). Default true. */
  simulation?: boolean;
  /** Time scale handed to the simulation. */
  timeScale?: number;
  chaos?: Partial<ChaosSettings>;
  /** Store tuning, e.g. a small watch history in tests. */
  historySize?: number;
  /** How often watches that allow bookmarks get one (default 60 s). */
  bookmarkIntervalMs?: number;
  /**
   * How long a superseded resourceVersion stays readable (default 5 minutes, like etcd
   * compaction by the API server): older list `continue` tokens answer 410 Expired.
   */
  compactionWindowMs?: number;
}

export interface KubeSim {
  url: string;
  port: number;
  /** PEM of the server certificate (undefined over plain HTTP). */
  caCertificate?: string;
  store: InMemoryObjectStore;
  chaos: Chaos;
  /** The admin user (system:masters) tests and the CLI use when no user is named. */
  adminUser: ScenarioUser;
  /** A kubeconfig for the named scenario user (default: the admin user). */
  kubeconfig(user?: string): string;
  close(): Promise<void>;
}

function adminOf(scenario: Scenario): ScenarioUser {
  return scenario.users.find(u => u.groups.includes(MASTERS)) ?? { name: 'kube-sim-admin', token: randomBytes(24).toString('base64url'), groups: [MASTERS] };
}

function rejectUpgrade(socket: Duplex, error: unknown): void {
  const e = toApiError(error);
  const body = JSON.stringify(statusObject(e.code, e.reason, e.message, e.details));
  socket.end(`HTTP/1.1 ${e.code} ${e.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function handleUpgrade(services: ApiServices, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  try {
    const url = new URL(req.url ?? '/', 'http://kube-sim');
    const user = identify(services, req);
    const info = { ...parseRequestInfo('POST', url) };
    const sub = info.subresource;
    if (!info.isResourceRequest || info.resource !== 'pods' || !info.name || !sub || !['exec', 'attach', 'portforward'].includes(sub)) {
      throw badRequest('upgrade is only supported for pods/exec, pods/attach and pods/portforward');
    }
    authorize(services, attributesOf(info, user));
    resolveResource(services, info);
    if (!services.simulation) throw new ApiError(503, 'ServiceUnavailable', 'exec, attach and port-forward need the simulation, which is not running');
    services.simulation.upgrade(sub as 'exec' | 'attach' | 'portforward', req, socket, head, {
      namespace: info.namespace ?? 'default',
      name: info.name,
      query: url.searchParams,
    });
  } catch (error) {
    rejectUpgrade(socket, error);
  }
}

/** Starts kube-sim: the store loaded with the scenario, the HTTP API, and (optionally) the simulation. */
export async function startKubeSim(options: KubeSimOptions): Promise<KubeSim> {
  const { scenario } = options;
  const store = new InMemoryObjectStore({
    historySize: options.historySize,
    bookmarkIntervalMs: options.bookmarkIntervalMs,
    compactionWindowMs: options.compactionWindowMs,
    timeScale: options.timeScale,
  });
  const registry = new ResourceRegistry({ metrics: scenario.metrics });
  const admin = adminOf(scenario);
  const users = scenario.users.includes(admin) ? scenario.users : [...scenario.users, admin];
  const authn = new Authenticator(store, users);
  const chaos = new Chaos(options.chaos);
  const services: ApiServices = { store, registry, authn, rbac: new RbacAuthorizer(store), chaos, version: scenario.version || 'v1.32.0' };
  const stopWatching = watchClusterState(services);
  loadScenarioObjects(services, scenario.objects);
  const simulation: Simulation | undefined =
    options.simulation === false ? undefined : startSimulation({ store, scenario, ...(options.timeScale ? { timeScale: options.timeScale } : {}) });
  services.simulation = simulation?.handlers;

  const host = options.host ?? '127.0.0.1';
  const certificate = options.tls === false ? undefined : generateServerCertificate(host);
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handleRequest(services, req, res).catch(error => sendError(res, error));
  };
  const server: Server = certificate ? createHttpsServer({ cert: certificate.cert, key: certificate.key }, listener) : createHttpServer(listener);
  server.on('upgrade', (req, socket, head) => handleUpgrade(services, req, socket, head));
  server.keepAliveTimeout = 65_000;
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolveListen());
    });
  } catch (error) {
    stopWatching();
    await simulation?.stop();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `${certificate ? 'https' : 'http'}://${host}:${port}`;
  return {
    url,
    port,
    caCertificate: certificate?.cert,
    store,
    chaos,
    adminUser: admin,
    kubeconfig: (user?: string) => {
      const chosen = user ? users.find(u => u.name === user) : admin;
      if (!chosen) throw new Error(`scenario "${scenario.name}" has no user "${user}"`);
      return renderKubeconfig({ url, clusterName: `kube-sim-${scenario.name}`, user: chosen, caCertificate: certificate?.cert });
    },
    close: async () => {
      stopWatching();
      await simulation?.stop();
      store.close();
      server.closeAllConnections();
      await new Promise<void>(resolveClose => server.close(() => resolveClose()));
    },
  };
}


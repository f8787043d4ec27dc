import type { Server } from 'node:http';
import net from 'node:net';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { eventsServiceRef, EventsService } from '@backstage/plugin-events-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ClusterDefinition,
  clustersDiagnosisExtensionPoint,
  ClusterSupplier,
  clustersSupplierExtensionPoint,
  DiagnosisFinding,
  DiagnosisFindingSource,
} from '@kubedeck/plugin-clusters-node';
import type { Knex } from 'knex';
import { agentHubPlugin } from '../plugin';
import { clustersModuleAgentHub } from '../module';

export const ADMIN = 'user:default/admin';
export const VIEWER = 'user:default/viewer';

/** Like the Kubedeck policy: the admin holds `kubedeck.*`; the viewer only `kubedeck.agents.read`. */
const rolePermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () =>
    mockServices.permissions.mock({
      authorize: async (requests, options) => {
        const principal = options?.credentials.principal as {
          userEntityRef?: string;
        };
        return requests.map(r => ({
          result:
            principal?.userEntityRef === ADMIN ||
            r.permission.name === 'kubedeck.agents.read'
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        })) as any;
      },
    }),
});

/** A stand-in for the clusters plugin: owns its extension points and keeps what is added. */
function clustersProbe(
  suppliers: ClusterSupplier[],
  findingSources: DiagnosisFindingSource[],
) {
  return createBackendPlugin({
    pluginId: 'clusters',
    register(env) {
      env.registerExtensionPoint(clustersSupplierExtensionPoint, {
        add: supplier => suppliers.push(supplier),
      });
      env.registerExtensionPoint(clustersDiagnosisExtensionPoint, {
        addFindingSource: source => findingSources.push(source),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

/** Below Linux's ephemeral range (32768-60999), which outgoing connections draw from. */
const PORTS = { from: 20_000, to: 32_000 };

async function canListen(port: number): Promise<boolean> {
  const server = net.createServer();
  return new Promise(resolve => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free TCP port on loopback for a hub that a test stops and starts again on the same port.
 * An ephemeral port handed out by the OS can be taken by any outgoing connection (to the
 * database, to kube-sim) between our check and the hub's bind; these ports cannot.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port =
      PORTS.from + Math.floor(Math.random() * (PORTS.to - PORTS.from));
    if (await canListen(port)) return port;
  }
}

/** A running test hub. */
export type TestHub = {
  server: Server;
  /** The clusters the hub supplies to the clusters plugin. */
  clusters(): Promise<ClusterDefinition[]>;
  /** What the hub's finding source reports to the clusters plugin for a cluster. */
  findings(cluster: string): Promise<DiagnosisFinding[]>;
  stop(): Promise<void>;
};

/**
 * The agent-hub plugin with its clusters module in a test backend: gRPC in plaintext on
 * `grpcPort`, heartbeats every second, the given database so a restarted hub sees the same data.
 */
export async function startHub(options: {
  knex: Knex;
  grpcPort: number;
  config?: Record<string, unknown>;
  /** The events service the hub publishes on (a plugin-local one otherwise). */
  events?: EventsService;
}): Promise<TestHub> {
  const suppliers: ClusterSupplier[] = [];
  const findingSources: DiagnosisFindingSource[] = [];
  const backend = await startTestBackend({
    features: [
      agentHubPlugin,
      clustersModuleAgentHub,
      clustersProbe(suppliers, findingSources),
      rolePermissions,
      ...(options.events
        ? [
            createServiceFactory({
              service: eventsServiceRef,
              deps: {},
              factory: () => options.events!,
            }),
          ]
        : []),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost:7007' },
          kubedeck: {
            agentHub: {
              grpc: {
                host: '127.0.0.1',
                port: options.grpcPort,
                insecure: true,
              },
              heartbeatIntervalSeconds: 1,
              offlineAfterSeconds: 5,
              ...options.config,
            },
          },
        },
      }),
    ],
  });
  return {
    server: backend.server,
    clusters: async () =>
      (await Promise.all(suppliers.map(s => s.getClusters()))).flat(),
    findings: async cluster =>
      (
        await Promise.all(findingSources.map(s => s.getFindings(cluster)))
      ).flat(),
    stop: () => backend.stop(),
  };
}

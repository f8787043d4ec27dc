/**
 * A bare agent hub for the benchmarks: store on SQLite, tunnels, agent service and the gRPC
 * server in plaintext, without a Backstage backend around them, logging nothing.
 */
import knexFactory from 'knex';
import { KnexAgentHubStore } from '../src/database/KnexAgentHubStore';
import { HubGrpcServer } from '../src/grpc/HubGrpcServer';
import { AgentService } from '../src/service/AgentService';
import { TokenService } from '../src/service/TokenService';
import { AgentTunnels, readReplicaSettings } from '../src/tunnel/AgentTunnels';

const quietLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return quietLogger;
  },
};
const noAudit: any = {
  createEvent: async () => ({ success: async () => {}, fail: async () => {} }),
};

/** Starts the hub on `port` (0: any) with its database in `filename` (or `:memory:`). */
export async function startBenchHub(options: {
  filename: string;
  port: number;
}) {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: options.filename },
    useNullAsDefault: true,
  });
  if (options.filename !== ':memory:') {
    await knex.raw('PRAGMA journal_mode = WAL');
  }
  const store = await KnexAgentHubStore.create({
    database: { getClient: async () => knex } as any,
  });
  const tunnels = await AgentTunnels.create(
    readReplicaSettings({ getOptionalConfig: () => undefined } as any),
  );
  const tokens = new TokenService(store);
  const agents = new AgentService({
    store,
    tunnels,
    logger: quietLogger,
    heartbeatIntervalSeconds: 10,
    offlineAfterSeconds: 120,
  });
  tunnels.connect({
    owners: async () => undefined,
    refresh: () => agents.refreshClusters(),
    openFailures: clusterName => agents.openFailures(clusterName),
  });
  await agents.refreshClusters();
  const grpc = await HubGrpcServer.start({
    host: '127.0.0.1',
    port: options.port,
    security: { insecure: true },
    logger: quietLogger,
    deps: {
      tokens,
      agents,
      tunnels,
      auditor: noAudit,
      logger: quietLogger,
      heartbeatIntervalSeconds: 10,
      initialWindowBytes: 256 * 1024,
    },
  });
  return { knex, store, tokens, agents, tunnels, grpc };
}

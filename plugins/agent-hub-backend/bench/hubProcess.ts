/**
 * A bare agent hub (store, tunnels, agent service, gRPC server) run as a child process by the
 * capacity and reconnect benchmarks, so its heap is measured apart from the simulated agents.
 * Driven over IPC: `register` pre-creates agents and returns their credentials, `heap` forces
 * a gc and returns the heap in use, `count` says how many agents this hub holds.
 */
import { startBenchHub } from './benchHub';

export type HubRequest =
  | { id: number; op: 'register'; count: number }
  | { id: number; op: 'heap' }
  | { id: number; op: 'count' };

async function main() {
  const startedAt = Date.now();
  const { store, tokens, agents, tunnels, grpc } = await startBenchHub({
    filename: process.env.HUB_DB!,
    port: Number(process.env.HUB_PORT ?? 0),
  });

  const handle = async (request: HubRequest): Promise<unknown> => {
    switch (request.op) {
      case 'register': {
        const credentials: string[] = [];
        for (let i = 0; i < request.count; i++) {
          const { token } = await tokens.create({
            clusterName: `sim-${String(i).padStart(5, '0')}`,
            preset: 'read-only',
            expiresInHours: 1,
            createdBy: 'bench',
          });
          credentials.push((await tokens.redeem({ token })).credential);
        }
        // One refresh for all, as `registered()` would refresh once per agent.
        await agents.refreshClusters();
        return credentials;
      }
      case 'heap':
        for (let i = 0; i < 3; i++) global.gc!();
        return process.memoryUsage().heapUsed;
      case 'count': {
        // Held: a live stream here; recorded: the store says it connected since this start.
        const recorded = (await store.listAgents()).filter(
          a => (a.lastConnectedAt ?? 0) >= startedAt,
        ).length;
        return { held: tunnels.connectedAgentIds().length, recorded };
      }
      default:
        throw new Error('unknown request');
    }
  };
  process.on('message', (request: HubRequest) => {
    handle(request).then(
      result => process.send!({ id: request.id, result }),
      error => process.send!({ id: request.id, error: String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ ready: true, port: grpc.port });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

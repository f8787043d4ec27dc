import net from 'node:net';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { CoreV1Api, Exec } from '@kubernetes/client-node';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { startTestAgent } from '../__testUtils__/agent';
import { ADMIN, freePort, startHub, TestHub } from '../__testUtils__/hub';
import { startSim, waitFor } from '../__testUtils__/sim';

jest.setTimeout(60_000);

/** A TCP load balancer in front of the replicas' gRPC ports; the target can be switched. */
async function startBalancer(target: number) {
  const state = { target };
  const sockets = new Set<net.Socket>();
  const server = net.createServer(client => {
    const upstream = net.connect(state.target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>(resolve =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  return {
    port: (server.address() as net.AddressInfo).port,
    state,
    close: () => {
      sockets.forEach(socket => socket.destroy());
      return new Promise(resolve => server.close(resolve));
    },
  };
}

const replicas = {
  replicas: { sharedSecret: 'replicas-share-this', leaseSeconds: 3 },
};

async function execEcho(hub: TestHub, text: string) {
  const cluster = (await hub.clusters()).find(c => c.name === 'shared')!;
  const pods = await cluster.kubeConfig
    .makeApiClient(CoreV1Api)
    .listNamespacedPod({ namespace: 'team-a' });
  const pod = pods.items.find(p => p.status?.phase === 'Running')!;
  const out = new PassThrough();
  let stdout = '';
  out.on('data', chunk => (stdout += chunk));
  await new Promise((resolve, reject) => {
    new Exec(cluster.kubeConfig)
      .exec(
        'team-a',
        pod.metadata!.name!,
        pod.spec!.containers[0].name,
        ['echo', text],
        out,
        null,
        null,
        false,
        resolve,
      )
      .then(ws => ws.on('close', () => resolve(undefined)), reject);
  });
  return stdout;
}

describe('two hub replicas sharing one database', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('reach the agent through its owner replica, and take over when the owner dies', async () => {
    const sim = await startSim();
    const knex = await databases.init('SQLITE_3');
    const [portA, portB] = [await freePort(), await freePort()];
    let hubA: TestHub | undefined = await startHub({
      knex,
      grpcPort: portA,
      config: replicas,
    });
    const hubB = await startHub({ knex, grpcPort: portB, config: replicas });
    const balancer = await startBalancer(portA);
    const created = await request(hubA.server)
      .post('/api/agent-hub/v1/tokens')
      .set('Authorization', mockCredentials.user.header(ADMIN))
      .send({ clusterName: 'shared', preset: 'admin' });
    const agent = await startTestAgent({
      grpcPort: balancer.port,
      kubeconfigPath: sim.kubeconfigPath,
      clusterName: 'shared',
      token: created.body.token,
    });
    try {
      await waitFor(
        () => agent.agent.state === 'connected',
        'the agent on replica A',
      );
      expect(await execEcho(hubB, 'through replica A')).toBe(
        'through replica A\n',
      );
      const seenFromB = await request(hubB.server)
        .get('/api/agent-hub/v1/agents')
        .set('Authorization', mockCredentials.user.header(ADMIN));
      expect(seenFromB.body.items).toEqual([
        expect.objectContaining({ clusterName: 'shared', status: 'connected' }),
      ]);

      balancer.state.target = portB;
      await hubA.stop();
      hubA = undefined;
      await waitFor(
        async () => (await execEcho(hubB, 'on B').catch(() => '')) === 'on B\n',
        'replica B to take over',
      );
      const agents = await request(hubB.server)
        .get('/api/agent-hub/v1/agents')
        .set('Authorization', mockCredentials.user.header(ADMIN));
      expect(agents.body.items).toEqual([
        expect.objectContaining({ clusterName: 'shared', status: 'connected' }),
      ]);
    } finally {
      await agent.stop();
      await hubA?.stop();
      await hubB.stop();
      await balancer.close();
      await sim.close();
    }
  });
});

import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startTestAgent } from '../__testUtils__/agent';
import { ADMIN, freePort, startHub } from '../__testUtils__/hub';
import { startSim, waitFor } from '../__testUtils__/sim';
import { loopbackCertificate } from '../tunnel/loopbackCertificate';

jest.setTimeout(60_000);

describe('the agents gRPC port over TLS', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('registers and connects an agent that trusts the hub CA', async () => {
    const sim = await startSim();
    const { cert, key } = loopbackCertificate();
    const grpcPort = await freePort();
    const hub = await startHub({
      knex: await databases.init('SQLITE_3'),
      grpcPort,
      config: {
        grpc: { host: '127.0.0.1', port: grpcPort, tls: { cert, key } },
      },
    });
    try {
      const created = await request(hub.server)
        .post('/api/agent-hub/v1/tokens')
        .set('Authorization', mockCredentials.user.header(ADMIN))
        .send({ clusterName: 'secure', preset: 'read-only' });
      expect(created.body.install.helm).not.toContain('hub.insecure');

      const plaintext = await startTestAgent({
        grpcPort,
        kubeconfigPath: sim.kubeconfigPath,
        clusterName: 'secure',
        token: created.body.token,
      });
      await waitFor(
        () => plaintext.agent.lastError,
        'the plaintext attempt to fail',
      );
      expect(plaintext.agent.state).not.toBe('connected');
      await plaintext.stop();

      const agent = await startTestAgent({
        grpcPort,
        kubeconfigPath: sim.kubeconfigPath,
        clusterName: 'secure',
        token: created.body.token,
        hubCa: cert,
      });
      await waitFor(
        () => agent.agent.state === 'connected',
        'a TLS connection',
      );
      expect(agent.agent.agentId).toBeDefined();
      await agent.stop();
    } finally {
      await hub.stop();
      await sim.close();
    }
  });
});

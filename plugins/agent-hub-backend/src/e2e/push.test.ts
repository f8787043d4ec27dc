import type { AddressInfo } from 'node:net';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AppsV1Api } from '@kubernetes/client-node';
import request from 'supertest';
import { startTestAgent } from '../__testUtils__/agent';
import { ADMIN, freePort, startHub } from '../__testUtils__/hub';
import { startSim, waitFor } from '../__testUtils__/sim';

jest.setTimeout(90_000);

const admin = mockCredentials.user.header(ADMIN);

describe('a push-only agent (real agent, kube-sim)', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('posts its failures to the hub, which feeds them to the diagnoses and resolves what it stops listing', async () => {
    const sim = await startSim();
    const grpcPort = await freePort();
    const hub = await startHub({
      knex: await databases.init('SQLITE_3'),
      grpcPort,
    });
    const pushUrl = `http://127.0.0.1:${
      (hub.server.address() as AddressInfo).port
    }`;
    const created = await request(hub.server)
      .post('/api/agent-hub/v1/tokens')
      .set('Authorization', admin)
      .send({ clusterName: 'pushy', preset: 'read-only' });
    const agents: Awaited<ReturnType<typeof startTestAgent>>[] = [];
    try {
      const pusher = await startTestAgent({
        grpcPort,
        kubeconfigPath: sim.kubeconfigPath,
        clusterName: 'pushy',
        token: created.body.token,
        pushUrl,
        pushIntervalMs: 500,
      });
      agents.push(pusher);
      await waitFor(() => pusher.agent.state === 'connected', 'a push');
      expect(pusher.agent.session).toBeUndefined();

      const crash = await waitFor(
        async () =>
          (
            await hub.findings('pushy')
          ).find(f => f.type === 'CrashLoopBackOff'),
        'the pushed crash loop among the findings',
        30_000,
      );
      expect(crash).toMatchObject({
        kind: 'Pod',
        namespace: 'team-a',
        name: expect.stringMatching(/^recommender-/),
      });
      const listed = await request(hub.server)
        .get('/api/agent-hub/v1/agents')
        .set('Authorization', admin);
      expect(listed.body.items).toContainEqual(
        expect.objectContaining({
          clusterName: 'pushy',
          agentVersion: expect.any(String),
          clusterInfo: expect.objectContaining({
            kubernetesVersion: 'v1.32.0',
          }),
        }),
      );

      await sim.kubeConfig.makeApiClient(AppsV1Api).patchNamespacedDeployment({
        name: 'recommender',
        namespace: 'team-a',
        body: [{ op: 'replace', path: '/spec/replicas', value: 0 }],
      });
      await waitFor(
        async () =>
          !(await hub.findings('pushy')).some(f => f.name === crash.name),
        'the crash loop to resolve once the agent stops listing it',
        30_000,
      );

      // An agent given only the credential (X-API-Key) pushes without registering; the old,
      // rotated credential is refused with 401 and the agent says so.
      const rotated = await request(hub.server)
        .post(`/api/agent-hub/v1/agents/${pusher.agent.agentId}/rotate`)
        .set('Authorization', admin);
      const keyOnly = await startTestAgent({
        grpcPort: 1,
        kubeconfigPath: sim.kubeconfigPath,
        clusterName: 'pushy',
        pushUrl,
        apiKey: rotated.body.credential,
        pushIntervalMs: 500,
      });
      agents.push(keyOnly);
      await waitFor(() => keyOnly.agent.state === 'connected', 'a key push');
      expect(keyOnly.agent.agentId).toBe(pusher.agent.agentId);
      await waitFor(
        () => pusher.agent.lastError?.includes('(401)'),
        'the rotated-out credential to be refused',
      );
      expect(pusher.agent.lastError).toMatch(/X-API-Key/);
    } finally {
      await Promise.all(agents.map(a => a.stop()));
      await hub.stop();
      await sim.close();
    }
  });
});

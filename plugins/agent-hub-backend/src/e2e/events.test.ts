import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { EventParams, EventsService } from '@backstage/plugin-events-node';
import {
  AGENT_LIFECYCLE_TOPIC,
  AgentLifecycleEvent,
} from '@kubedeck/plugin-agent-hub-common';
import request from 'supertest';
import { startTestAgent } from '../__testUtils__/agent';
import { ADMIN, freePort, startHub, TestHub } from '../__testUtils__/hub';
import { startSim, waitFor } from '../__testUtils__/sim';

jest.setTimeout(90_000);

/** Records what both replicas publish, as one shared events bus would see it. */
function recordingEvents() {
  const published: EventParams[] = [];
  const events: EventsService = {
    publish: async params => {
      published.push(params);
    },
    subscribe: async () => {},
  };
  return { events, published };
}

describe('agent lifecycle events with two replicas', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('announces registered, offline after the grace, online again and revoked, each once', async () => {
    const sim = await startSim();
    const knex = await databases.init('SQLITE_3');
    const { events, published } = recordingEvents();
    const config = {
      offlineAfterSeconds: 2,
      replicas: { sharedSecret: 'replicas-share-this', leaseSeconds: 3 },
    };
    const [portA, portB] = [await freePort(), await freePort()];
    const hubA: TestHub = await startHub({
      knex,
      grpcPort: portA,
      config,
      events,
    });
    const hubB: TestHub = await startHub({
      knex,
      grpcPort: portB,
      config,
      events,
    });
    const admin = mockCredentials.user.header(ADMIN);
    const lifecycle = () =>
      published
        .filter(p => p.topic === AGENT_LIFECYCLE_TOPIC)
        .map(p => p.eventPayload as AgentLifecycleEvent);
    const types = () => lifecycle().map(e => e.type);
    const run = (token?: string) =>
      startTestAgent({
        grpcPort: portA,
        kubeconfigPath: sim.kubeconfigPath,
        clusterName: 'flaky',
        token,
      });
    let agent: Awaited<ReturnType<typeof run>> | undefined;
    try {
      const created = await request(hubA.server)
        .post('/api/agent-hub/v1/tokens')
        .set('Authorization', admin)
        .send({ clusterName: 'flaky', preset: 'read-only' });
      agent = await run(created.body.token);
      await waitFor(() => agent!.agent.state === 'connected', 'the agent');
      const agentId = agent.agent.agentId;

      await agent.stop();
      agent = undefined;
      await waitFor(
        () => types().includes('agent.offline'),
        'the offline announcement',
      );
      agent = await run();
      await waitFor(
        () => types().includes('agent.online'),
        'the online announcement',
      );
      const revoked = await request(hubB.server)
        .delete(`/api/agent-hub/v1/agents/${agentId}`)
        .set('Authorization', admin);
      expect(revoked.status).toBe(204);
      // Both replicas keep checking; nothing is announced twice, and a revoked agent never
      // goes "offline".
      await new Promise(resolve => setTimeout(resolve, 3_500));

      expect(types()).toEqual([
        'agent.registered',
        'agent.offline',
        'agent.online',
        'agent.revoked',
      ]);
      for (const event of lifecycle()) {
        expect(event).toMatchObject({ agentId, cluster: 'flaky' });
        expect(Date.parse(event.at)).not.toBeNaN();
      }
      expect(lifecycle()[1].lastHeartbeat).toEqual(expect.any(String));
    } finally {
      await agent?.stop();
      await hubA.stop();
      await hubB.stop();
      await sim.close();
    }
  });
});

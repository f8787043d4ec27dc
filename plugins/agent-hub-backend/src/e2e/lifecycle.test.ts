import * as grpc from '@grpc/grpc-js';
import { loadAgentProto } from '@kubedeck/agent-proto';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { CoreV1Api } from '@kubernetes/client-node';
import type { Knex } from 'knex';
import request from 'supertest';
import { startTestAgent } from '../__testUtils__/agent';
import { ADMIN, freePort, startHub, VIEWER } from '../__testUtils__/hub';
import { startSim, waitFor } from '../__testUtils__/sim';

jest.setTimeout(60_000);

const admin = mockCredentials.user.header(ADMIN);
const viewer = mockCredentials.user.header(VIEWER);

describe('agent lifecycle (real agent, kube-sim, restarted hub)', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sim: Awaited<ReturnType<typeof startSim>>;
  let hub: Awaited<ReturnType<typeof startHub>>;
  let knex: Knex;
  let grpcPort: number;
  const agents: Awaited<ReturnType<typeof startTestAgent>>[] = [];

  async function createToken(clusterName: string, extra: object = {}) {
    const res = await request(hub.server)
      .post('/api/agent-hub/v1/tokens')
      .set('Authorization', admin)
      .send({ clusterName, preset: 'read-only', ...extra });
    expect(res.status).toBe(201);
    return res.body as { token: string; registration: { id: string } };
  }

  async function runAgent(clusterName: string, token?: string) {
    const running = await startTestAgent({
      grpcPort,
      kubeconfigPath: sim.kubeconfigPath,
      clusterName,
      token,
    });
    agents.push(running);
    return running;
  }

  const listAgents = async () =>
    (
      await request(hub.server)
        .get('/api/agent-hub/v1/agents')
        .set('Authorization', admin)
    ).body.items as any[];

  beforeAll(async () => {
    sim = await startSim();
    knex = await databases.init('SQLITE_3');
    grpcPort = await freePort();
    hub = await startHub({
      knex,
      grpcPort,
      config: { report: { requestsPerMinute: 2 } },
    });
  });

  afterAll(async () => {
    await Promise.all(agents.map(a => a.stop()));
    await hub?.stop();
    await sim?.close();
  });

  it('lets only admins create tokens and revoke agents, naming the missing permission', async () => {
    const create = await request(hub.server)
      .post('/api/agent-hub/v1/tokens')
      .set('Authorization', viewer)
      .send({ clusterName: 'nope', preset: 'read-only' });
    expect(create.status).toBe(403);
    expect(create.body.error.message).toContain(
      'kubedeck.agents.tokens.create',
    );

    const revoke = await request(hub.server)
      .delete('/api/agent-hub/v1/agents/some-id')
      .set('Authorization', viewer);
    expect(revoke.status).toBe(403);
    expect(revoke.body.error.message).toContain('kubedeck.agents.revoke');

    const bad = await request(hub.server)
      .post('/api/agent-hub/v1/tokens')
      .set('Authorization', admin)
      .send({ clusterName: 'Not A Label', preset: 'custom' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/clusterName/);
  });

  it('refuses reused, expired and revoked tokens, saying which', async () => {
    const used = await createToken('reuse');
    const first = await runAgent('reuse', used.token);
    await waitFor(() => first.agent.state === 'connected', 'the first agent');
    const second = await startTestAgent({
      grpcPort,
      kubeconfigPath: sim.kubeconfigPath,
      clusterName: 'reuse',
      token: used.token,
      secretName: 'another-secret',
    });
    agents.push(second);
    await waitFor(
      () => second.agent.lastError?.includes('already used'),
      'reuse refusal',
    );

    const expiring = await createToken('expiry', { expiresInHours: 0.0001 });
    await new Promise(r => setTimeout(r, 500));
    const late = await runAgent('expiry', expiring.token);
    await waitFor(
      () => late.agent.lastError?.includes('has expired'),
      'expiry refusal',
    );

    const revoked = await createToken('revoked');
    const del = await request(hub.server)
      .delete(`/api/agent-hub/v1/tokens/${revoked.registration.id}`)
      .set('Authorization', admin);
    expect(del.status).toBe(204);
    const refused = await runAgent('revoked', revoked.token);
    await waitFor(
      () => refused.agent.lastError?.includes('was revoked'),
      'revocation refusal',
    );

    const tokens = (
      await request(hub.server)
        .get('/api/agent-hub/v1/tokens')
        .set('Authorization', admin)
    ).body.items;
    expect(tokens.map((t: any) => [t.clusterName, t.state]).sort()).toEqual([
      ['expiry', 'expired'],
      ['reuse', 'used'],
      ['revoked', 'revoked'],
    ]);
    expect(JSON.stringify(tokens)).not.toContain(used.token);
  });

  it('restarts from its Secret without a token, and reconnects after the hub restarts', async () => {
    const { token } = await createToken('restart');
    const first = await runAgent('restart', token);
    await waitFor(() => first.agent.state === 'connected', 'registration');
    await first.stop();

    const again = await runAgent('restart');
    await waitFor(
      () => again.agent.state === 'connected',
      'reconnect from the Secret',
    );

    const rotated = await request(hub.server)
      .post(`/api/agent-hub/v1/agents/${again.agent.agentId}/rotate`)
      .set('Authorization', admin);
    expect(rotated.status).toBe(200);

    await hub.stop();
    await waitFor(
      () => again.agent.state !== 'connected',
      'the agent to notice',
    );
    hub = await startHub({
      knex,
      grpcPort,
      config: { report: { requestsPerMinute: 2 } },
    });
    await waitFor(
      () => again.agent.state === 'connected',
      'reconnect to the new hub with the rotated credential',
    );
    const cluster = (await hub.clusters()).find(c => c.name === 'restart')!;
    const ns = await cluster.kubeConfig
      .makeApiClient(CoreV1Api)
      .listNamespace();
    expect(ns.items.length).toBeGreaterThan(0);
    const status = await waitFor(
      async () =>
        (
          await listAgents()
        ).find(a => a.clusterName === 'restart' && a.status === 'connected'),
      'connected status',
    );
    expect(status.clusterInfo.namespaces.length).toBeGreaterThan(0);
  });

  it('accepts push-only reports with X-API-Key: 401, 400 with the reason, 429', async () => {
    const { token } = await createToken('push');
    const { credential } = await grpcRegister(token, 'push');
    const post = (key: string, body: unknown) =>
      request(hub.server)
        .post('/api/agent-hub/v1/report')
        .set('X-API-Key', key)
        .send(body as object);

    expect((await post('wrong', { failures: [] })).status).toBe(401);
    const malformed = await post(credential, {
      failures: [{ reason: 'OOMKilled' }],
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/failures\.0\.namespace/);
    const ok = await post(credential, {
      failures: [
        {
          reason: 'OOMKilled',
          namespace: 'shop',
          pod: 'cart-1',
          container: 'cart',
        },
      ],
    });
    expect(ok.status).toBe(202);
    expect((await post(credential, { failures: [] })).status).toBe(429);
  });

  it('drops the stream at once when an agent is revoked', async () => {
    const { token } = await createToken('doomed');
    const doomed = await runAgent('doomed', token);
    await waitFor(() => doomed.agent.state === 'connected', 'connect');
    const res = await request(hub.server)
      .delete(`/api/agent-hub/v1/agents/${doomed.agent.agentId}`)
      .set('Authorization', admin);
    expect(res.status).toBe(204);
    await waitFor(
      () => doomed.agent.lastError?.includes('revoked'),
      'the stream to drop',
    );
    expect((await listAgents()).map(a => a.clusterName)).not.toContain(
      'doomed',
    );
    expect((await hub.clusters()).map(c => c.name)).not.toContain('doomed');
    await new Promise(r => setTimeout(r, 500));
    expect(doomed.agent.state).not.toBe('connected');
  });

  async function grpcRegister(token: string, clusterName: string) {
    const { AgentHub } = loadAgentProto().kubedeck.agent.v1;
    const client = new AgentHub(
      `127.0.0.1:${grpcPort}`,
      grpc.credentials.createInsecure(),
    );
    try {
      return await new Promise<{ credential: string }>((resolve, reject) =>
        client.Register({ token, clusterName }, (e, v) =>
          e ? reject(e) : resolve(v!),
        ),
      );
    } finally {
      client.close();
    }
  }
});

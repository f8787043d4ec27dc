import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { hashToken } from '@kubedeck/plugin-secrets-node';
import { KnexAgentHubStore } from './KnexAgentHubStore';
import type { AgentRecord, TokenRecord } from './AgentHubStore';

jest.setTimeout(60_000);

const token = (id: string, expiresAt = 10_000): TokenRecord => ({
  id,
  clusterName: `cluster-${id}`,
  preset: 'read-only',
  rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['get'] }],
  createdBy: 'user:default/admin',
  createdAt: 1_000,
  expiresAt,
});

const agentFor = (t: TokenRecord, id: string): AgentRecord => ({
  id,
  clusterName: t.clusterName,
  preset: t.preset,
  rules: t.rules,
  registeredAt: 2_000,
});

/** Agent `id` of cluster `cluster-t`, registered at 2000 with `credential`. */
async function registerAgent(
  store: KnexAgentHubStore,
  id: string,
  credential: string,
) {
  await store.insertToken(token('t'), hashToken('t'));
  await store.redeemToken({
    tokenHash: hashToken('t'),
    now: 2_000,
    agent: t => ({
      record: agentFor(t, id),
      credentialHash: hashToken(credential),
    }),
  });
}

describe('KnexAgentHubStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await KnexAgentHubStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'migrates down and up again on %p',
    async databaseId => {
      const { knex } = await createStore(databaseId);
      const directory = resolvePackagePath(
        '@kubedeck/plugin-agent-hub-backend',
        'migrations',
      );
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('agent_hub_agents')).toBe(false);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('agent_hub_owners')).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'redeems a token once, storing only hashes, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.insertToken(token('t1'), hashToken('secret-token'));
      const redeem = (id: string, now = 2_000) =>
        store.redeemToken({
          tokenHash: hashToken('secret-token'),
          now,
          agent: t => ({
            record: agentFor(t, id),
            credentialHash: hashToken(`cred-${id}`),
          }),
        });

      expect(await redeem('a1')).toMatchObject({ ok: true });
      expect(await redeem('a2')).toEqual({ ok: false, reason: 'used' });
      expect(
        await store.findAgentByCredential(hashToken('cred-a1')),
      ).toMatchObject({
        id: 'a1',
        clusterName: 'cluster-t1',
        rules: token('t1').rules,
      });
      const rows = JSON.stringify([
        await knex('agent_hub_tokens').select(),
        await knex('agent_hub_agents').select(),
      ]);
      expect(rows).not.toContain('secret-token');
      expect(rows).not.toContain('cred-a1');
    },
  );

  it.each(databases.eachSupportedId())(
    'says why a token is refused: unknown, expired, revoked, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.insertToken(token('old', 1_500), hashToken('old'));
      await store.insertToken(token('gone'), hashToken('gone'));
      expect(await store.revokeToken('gone', 1_200)).toBe(true);
      const attempt = (value: string) =>
        store.redeemToken({
          tokenHash: hashToken(value),
          now: 2_000,
          agent: t => ({
            record: agentFor(t, value),
            credentialHash: hashToken(value),
          }),
        });
      expect(await attempt('nope')).toEqual({ ok: false, reason: 'unknown' });
      expect(await attempt('old')).toEqual({ ok: false, reason: 'expired' });
      expect(await attempt('gone')).toEqual({ ok: false, reason: 'revoked' });
    },
  );

  it.each(databases.eachSupportedId())(
    'records when push reports were accepted, never moving backwards, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await registerAgent(store, 'a', 'c');
      expect((await store.getAgent('a'))!.lastReportAt).toBeUndefined();

      await store.recordReport('a', 1_700_000_000_000);
      expect((await store.getAgent('a'))!.lastReportAt).toBe(1_700_000_000_000);
      await store.recordReport('a', 1_700_000_060_000);
      // A slower replica finishing an older report does not turn the clock back.
      await store.recordReport('a', 1_700_000_030_000);
      expect(await store.listAgents()).toEqual([
        expect.objectContaining({ id: 'a', lastReportAt: 1_700_000_060_000 }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'rotates and revokes credentials, keeps status and failures, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await registerAgent(store, 'a', 'c1');
      expect(await store.rotateCredential('a', hashToken('c2'), 3_000)).toBe(
        true,
      );
      expect(
        await store.findAgentByCredential(hashToken('c1')),
      ).toBeUndefined();
      await store.updateAgent('a', {
        lastHeartbeatAt: 4_000,
        clusterInfo: {
          kubernetesVersion: 'v1.32.0',
          nodeCount: 3,
          namespaces: ['x'],
          crds: [],
        },
      });
      const agent = (await store.getAgent('a'))!;
      expect(agent).toMatchObject({
        lastHeartbeatAt: 4_000,
        credentialRotatedAt: 3_000,
      });
      expect(agent.clusterInfo?.nodeCount).toBe(3);

      const oom = { reason: 'OOMKilled', namespace: 'n', pod: 'p' };
      const crash = {
        reason: 'CrashLoopBackOff',
        namespace: 'n',
        pod: 'q',
        container: 'app',
      };
      expect(
        await store.recordFailures(agent, [oom], {
          receivedAt: 5_000,
          complete: false,
        }),
      ).toEqual({ opened: [oom], resolved: [] });
      expect(
        await store.recordFailures(agent, [oom, crash], {
          receivedAt: 5_500,
          complete: true,
        }),
      ).toEqual({ opened: [crash], resolved: [] });
      const { resolved } = await store.recordFailures(agent, [crash], {
        receivedAt: 6_000,
        complete: true,
      });
      expect(resolved).toEqual([
        expect.objectContaining({ reason: 'OOMKilled', resolvedAt: 6_000 }),
      ]);
      expect(await store.listOpenFailures('a')).toEqual([
        expect.objectContaining({ ...crash, receivedAt: 5_500 }),
      ]);
      expect(
        (await store.listFailures('a', 10)).map(f => [f.reason, f.resolvedAt]),
      ).toEqual([
        ['CrashLoopBackOff', undefined],
        ['OOMKilled', 6_000],
      ]);

      expect(await store.revokeAgent('a', 6_000)).toBe(true);
      expect(
        await store.findAgentByCredential(hashToken('c2')),
      ).toBeUndefined();
      expect(await store.findActiveAgentByCluster('cluster-t')).toBeUndefined();
    },
  );
});

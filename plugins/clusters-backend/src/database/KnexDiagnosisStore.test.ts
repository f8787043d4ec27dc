import type { DiagnosisFinding } from '@kubedeck/plugin-clusters-node';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { KnexDiagnosisStore } from './KnexDiagnosisStore';

jest.setTimeout(60_000);

const crash: DiagnosisFinding = {
  kind: 'Pod',
  namespace: 'shop',
  name: 'api-1',
  type: 'CrashLoopBackOff',
  severity: 'critical',
  title: 'Container api keeps crashing',
  evidence: ['exit code 1'],
  fix: 'Fix it',
};
const pvc: DiagnosisFinding = {
  kind: 'PersistentVolumeClaim',
  namespace: 'shop',
  name: 'data',
  type: 'PvcPending',
  severity: 'warning',
  title: 'Volume claim is not bound',
  evidence: [],
  fix: 'Create the class',
};

describe('KnexDiagnosisStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'opens, refreshes, resolves and reopens diagnoses on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await KnexDiagnosisStore.create({
        database: mockServices.database({ knex }),
      });
      const t1 = new Date('2026-11-26T10:00:00Z');
      const t2 = new Date('2026-11-26T10:01:00Z');
      const t3 = new Date('2026-11-26T10:02:00Z');

      const first = await store.reconcile('demo', [crash, pvc], t1);
      expect(first.opened.map(d => d.type).sort()).toEqual([
        'CrashLoopBackOff',
        'PvcPending',
      ]);

      const second = await store.reconcile(
        'demo',
        [{ ...crash, evidence: ['exit code 2'] }],
        t2,
      );
      expect(second.opened).toEqual([]);
      expect(second.resolved.map(d => d.type)).toEqual(['PvcPending']);

      const open = await store.list({ state: 'open' });
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({
        firstSeen: t1.toISOString(),
        lastSeen: t2.toISOString(),
        evidence: ['exit code 2'],
      });
      expect(await store.list({ state: 'resolved', cluster: 'demo' })).toEqual([
        expect.objectContaining({
          type: 'PvcPending',
          resolvedAt: t2.toISOString(),
        }),
      ]);

      const third = await store.reconcile('demo', [crash, pvc], t3);
      expect(third.opened).toEqual([
        expect.objectContaining({
          type: 'PvcPending',
          firstSeen: t3.toISOString(),
        }),
      ]);
      expect(await store.list({ state: 'open', cluster: 'other' })).toEqual([]);

      await store.reconcile(
        'demo',
        [crash, { ...pvc, sources: ['agent-hub'] }],
        t3,
      );
      expect(
        (await store.openFindings('demo')).sort((a, b) =>
          a.type.localeCompare(b.type),
        ),
      ).toEqual([
        { ...crash, sources: [] },
        { ...pvc, sources: ['agent-hub'] },
      ]);
      expect(
        (await store.list({ state: 'all', kind: 'Pod', name: 'api-1' })).map(
          d => d.type,
        ),
      ).toEqual(['CrashLoopBackOff']);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a diagnosis that comes back within the resolve delay as one, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await KnexDiagnosisStore.create({
        database: mockServices.database({ knex }),
      });
      const at = (seconds: number) =>
        new Date(Date.parse('2026-11-26T10:00:00Z') + seconds * 1000);
      const hold = { resolveAfterMs: 120_000 };

      const first = await store.reconcile('demo', [crash], at(0), hold);
      expect(first.opened).toHaveLength(1);
      // Gone for a minute, then back: still the first diagnosis, nothing announced.
      expect(await store.reconcile('demo', [], at(60), hold)).toEqual({
        opened: [],
        resolved: [],
      });
      expect(await store.reconcile('demo', [crash], at(90), hold)).toEqual({
        opened: [],
        resolved: [],
      });
      // Gone for the whole delay: resolved once.
      expect(
        (await store.reconcile('demo', [], at(180), hold)).resolved,
      ).toEqual([]);
      const later = await store.reconcile('demo', [], at(210), hold);
      expect(later.resolved).toEqual([
        expect.objectContaining({
          type: 'CrashLoopBackOff',
          firstSeen: at(0).toISOString(),
          lastSeen: at(90).toISOString(),
          resolvedAt: at(210).toISOString(),
        }),
      ]);
      expect(
        (await store.reconcile('demo', [], at(400), hold)).resolved,
      ).toEqual([]);
    },
  );
});

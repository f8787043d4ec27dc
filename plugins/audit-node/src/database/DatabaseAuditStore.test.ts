import { TestDatabases } from '@backstage/backend-test-utils';
import { hashAuditEvent, GENESIS_HASH } from './hash';
import { AUDIT_TABLE } from './rows';
import { createTestStore, sampleEntry } from './__testUtils__/auditTestData';

jest.setTimeout(60_000);

describe('DatabaseAuditStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('chains appended events from the genesis hash', async () => {
      const store = await createTestStore(await databases.init(databaseId));

      const first = await store.append(sampleEntry(1));
      const second = await store.append(sampleEntry(2));

      expect(first.sequence).toBe(1);
      expect(first.prevHash).toBe(GENESIS_HASH);
      expect(second.sequence).toBe(2);
      expect(second.prevHash).toBe(first.hash);
      expect(second.hash).toBe(hashAuditEvent(second));
      expect(second.time).toBe('2026-11-26T12:00:02.000Z');
      await expect(store.verify()).resolves.toEqual({ ok: true, checked: 2 });
    });

    it('reads back exactly what it wrote', async () => {
      const store = await createTestStore(await databases.init(databaseId));
      const written = await store.append(
        sampleEntry(1, { actor: null, target: null }),
      );

      const { items } = await store.list({ limit: 10 });

      expect(items).toEqual([written]);
    });

    it('never forks the chain under concurrent appends', async () => {
      const store = await createTestStore(await databases.init(databaseId));

      const events = await Promise.all(
        Array.from({ length: 25 }, (_, i) => store.append(sampleEntry(i))),
      );

      expect(events.map(e => e.sequence).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 25 }, (_, i) => i + 1),
      );
      await expect(store.verify()).resolves.toEqual({ ok: true, checked: 25 });
    });

    it('refuses UPDATE and DELETE on the audit table', async () => {
      const knex = await databases.init(databaseId);
      const store = await createTestStore(knex);
      await store.append(sampleEntry(1));

      await expect(
        knex(AUDIT_TABLE).update({ actor: 'user:default/mallory' }),
      ).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(knex(AUDIT_TABLE).delete()).rejects.toThrow(
        /append-only: DELETE refused/,
      );
      await expect(knex(AUDIT_TABLE).count({ n: '*' })).resolves.toEqual([
        { n: expect.anything() },
      ]);
      await expect(store.verify()).resolves.toEqual({ ok: true, checked: 1 });
    });

    it('walks the chain across verification pages', async () => {
      const store = await createTestStore(await databases.init(databaseId));
      for (let i = 0; i < 1100; i += 100) {
        await Promise.all(
          Array.from({ length: 100 }, (_, j) =>
            store.append(sampleEntry(i + j)),
          ),
        );
      }

      await expect(store.verify()).resolves.toEqual({
        ok: true,
        checked: 1100,
      });
    });

    it('lists newest first with filters and cursor pagination', async () => {
      const store = await createTestStore(await databases.init(databaseId));
      for (let n = 1; n <= 6; n++) {
        await store.append(
          sampleEntry(n, { outcome: n === 4 ? 'failed' : 'succeeded' }),
        );
      }

      const firstPage = await store.list({ limit: 2 });
      expect(firstPage.items.map(e => e.sequence)).toEqual([6, 5]);
      const secondPage = await store.list({
        limit: 2,
        beforeSequence: Number(firstPage.nextCursor),
      });
      expect(secondPage.items.map(e => e.sequence)).toEqual([4, 3]);
      const lastPage = await store.list({ limit: 10, beforeSequence: 3 });
      expect(lastPage).toEqual({ items: expect.any(Array) });
      expect(lastPage.items.map(e => e.sequence)).toEqual([2, 1]);

      const seqs = async (options: Parameters<typeof store.list>[0]) =>
        (await store.list(options)).items.map(e => e.sequence);
      expect(await seqs({ limit: 10, actor: 'user:default/bob' })).toEqual([
        6, 4, 2,
      ]);
      expect(await seqs({ limit: 10, plugin: 'kubedeck-terminal' })).toEqual([
        6, 3,
      ]);
      expect(await seqs({ limit: 10, outcome: 'failed' })).toEqual([4]);
      expect(await seqs({ limit: 10, target: 'pods/web-5' })).toEqual([5]);
      expect(await seqs({ limit: 10, target: '%' })).toEqual([]);
      expect(
        await seqs({
          limit: 10,
          from: new Date('2026-11-26T12:00:02Z'),
          to: new Date('2026-11-26T12:00:04Z'),
        }),
      ).toEqual([4, 3, 2]);
    });
  });

  const itOnPostgres = databases.supports('POSTGRES_15') ? it : it.skip;

  itOnPostgres(
    'keeps two replicas sharing one PostgreSQL database on one chain',
    async () => {
      const knex = await databases.init('POSTGRES_15');
      const replicaA = await createTestStore(knex);
      const replicaB = await createTestStore(knex);

      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? replicaA : replicaB).append(sampleEntry(i)),
        ),
      );

      // eslint-disable-next-line jest/no-standalone-expect -- itOnPostgres is `it` or `it.skip`
      await expect(replicaA.verify()).resolves.toEqual({
        ok: true,
        checked: 20,
      });
    },
  );
});

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { RetainedLogStore } from './RetainedLogStore';

jest.setTimeout(60_000);

describe('RetainedLogStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'keeps, replaces and purges lines on %p',
    async databaseId => {
      const store = await RetainedLogStore.create({
        database: mockServices.database({
          knex: await databases.init(databaseId),
        }),
      });
      const key = {
        cluster: 'demo',
        namespace: 'shop',
        pod: 'job-1',
        container: 'main',
      };
      const lines = Array.from({ length: 1200 }, (_, i) => ({
        time: `2026-11-26T10:00:${String(i % 60).padStart(2, '0')}.000000000Z`,
        text: `line ${i}`,
      }));
      await store.save(key, lines, new Date('2026-11-26T10:00:00Z'));
      expect(await store.lines(key)).toEqual(lines);
      await store.save(
        key,
        lines.slice(0, 2),
        new Date('2026-11-26T10:00:00Z'),
      );
      expect((await store.lines(key)).map(l => l.text)).toEqual([
        'line 0',
        'line 1',
      ]);
      await store.save(
        { ...key, container: 'sidecar' },
        lines.slice(0, 1),
        new Date('2026-11-26T11:00:00Z'),
      );
      expect(
        await store.containers({
          cluster: 'demo',
          namespace: 'shop',
          pod: 'job-1',
        }),
      ).toEqual(['main', 'sidecar']);
      expect(await store.purge(new Date('2026-11-26T10:30:00Z'))).toBe(2);
      expect(await store.lines(key)).toEqual([]);
    },
  );
});

import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { AUDIT_TABLE } from './rows';

jest.setTimeout(60_000);

const migrations = {
  directory: resolvePackagePath('@kubedeck/plugin-audit-node', 'migrations'),
  tableName: 'kubedeck_audit_knex_migrations',
};

describe('audit migrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'create and drop the append-only table on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest(migrations);
      expect(await knex.schema.hasTable(AUDIT_TABLE)).toBe(true);
      await knex(AUDIT_TABLE).insert({
        sequence: 1,
        time: new Date(),
        plugin: 'p',
        event_id: 'e',
        action: 'a',
        severity_level: 'low',
        outcome: 'succeeded',
        metadata: '{}',
        prev_hash: '0'.repeat(64),
        hash: 'f'.repeat(64),
      });
      await expect(knex(AUDIT_TABLE).delete()).rejects.toThrow(/append-only/);

      await knex.migrate.rollback(migrations, true);
      expect(await knex.schema.hasTable(AUDIT_TABLE)).toBe(false);

      await knex.migrate.latest(migrations);
      expect(await knex.schema.hasTable(AUDIT_TABLE)).toBe(true);
    },
  );
});

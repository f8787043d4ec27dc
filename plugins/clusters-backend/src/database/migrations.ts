import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@kubedeck/plugin-clusters-backend',
  'migrations',
);

/** The plugin's database client, migrated to the latest schema unless migrations are skipped. */
export async function migratedClient(
  database: DatabaseService,
  skipMigrations?: boolean,
): Promise<Knex> {
  const client = await database.getClient();
  if (!skipMigrations && !database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

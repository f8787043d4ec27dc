import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@kubedeck/plugin-notifications-backend-module-kubedeck-producers',
  'migrations',
);

/**
 * The notifications plugin's database with the module's tables. The module keeps its own
 * migrations table there, apart from the plugin's.
 */
export async function producersDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({
      directory: migrationsDir,
      tableName: 'kubedeck_producers_knex_migrations',
    });
  }
  return client;
}

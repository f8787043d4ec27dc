import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@kubedeck/plugin-notifications-backend',
  'migrations',
);

/** Runs the plugin's migrations unless the database service says they are handled elsewhere. */
export async function migrate(
  database: DatabaseService,
  client: Knex,
): Promise<void> {
  if (database.migrations?.skip) {
    return;
  }
  await client.migrate.latest({ directory: migrationsDir });
}

/** PostgreSQL returns bigint columns as strings. */
export function toMillis(value: unknown): number;
export function toMillis(value: unknown): number | undefined;
export function toMillis(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

export function parseJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string' || value === '') {
    return fallback;
  }
  return JSON.parse(value) as T;
}

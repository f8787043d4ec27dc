import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const TABLE = 'kubedeck_producers_known_clusters';
/** Rows per statement, under SQLite's bound-parameter limit. */
const CHUNK = 400;

const migrationsDir = resolvePackagePath(
  '@kubedeck/plugin-notifications-backend-module-kubedeck-producers',
  'migrations',
);

/**
 * The clusters seen so far, in the notifications plugin's database. The module keeps its own
 * migrations table there, apart from the plugin's.
 */
export class KnownClusterStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<KnownClusterStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({
        directory: migrationsDir,
        tableName: 'kubedeck_producers_knex_migrations',
      });
    }
    return new KnownClusterStore(client);
  }

  async isEmpty(): Promise<boolean> {
    return !(await this.db(TABLE).first('name'));
  }

  /** The names among `names` not recorded yet. */
  async unknown(names: string[]): Promise<string[]> {
    const known = new Set<string>();
    for (let i = 0; i < names.length; i += CHUNK) {
      const rows: { name: string }[] = await this.db(TABLE)
        .whereIn('name', names.slice(i, i + CHUNK))
        .select('name');
      rows.forEach(row => known.add(row.name));
    }
    return names.filter(name => !known.has(name));
  }

  async add(names: string[], now: Date): Promise<void> {
    for (let i = 0; i < names.length; i += CHUNK) {
      await this.db(TABLE)
        .insert(
          names
            .slice(i, i + CHUNK)
            .map(name => ({ name, first_seen_at: now.getTime() })),
        )
        .onConflict('name')
        .ignore();
    }
  }
}

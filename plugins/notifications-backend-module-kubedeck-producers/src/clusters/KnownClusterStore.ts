import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { producersDatabase } from '../database';

const TABLE = 'kubedeck_producers_known_clusters';
/** Rows per statement, under SQLite's bound-parameter limit. */
const CHUNK = 400;

/** The clusters seen so far, in the notifications plugin's database. */
export class KnownClusterStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<KnownClusterStore> {
    return new KnownClusterStore(await producersDatabase(options.database));
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

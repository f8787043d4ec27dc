import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migratedClient } from './migrations';

const TABLE = 'kubedeck_retained_logs';
const INSERT_BATCH = 500;

/** One container of one pod. */
export type RetainedContainer = {
  cluster: string;
  namespace: string;
  pod: string;
  container: string;
};

/** A retained line: normalized time and text. */
export type RetainedLine = { time: string; text: string };

/** Keeps the last lines of terminated pods' containers for a while, in the plugin's database. */
export class RetainedLogStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }) {
    return new RetainedLogStore(
      await migratedClient(options.database, options.skipMigrations),
    );
  }

  /** Replaces what is kept of a container with these lines. */
  async save(key: RetainedContainer, lines: RetainedLine[], now = new Date()) {
    await this.db.transaction(async tx => {
      await tx(TABLE).where(key).delete();
      const rows = lines.map((line, seq) => ({
        ...key,
        seq,
        ...line,
        captured_at: now,
      }));
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        await tx(TABLE).insert(rows.slice(i, i + INSERT_BATCH));
      }
    });
  }

  /** The kept lines of a container, oldest first. */
  async lines(key: RetainedContainer): Promise<RetainedLine[]> {
    return this.db(TABLE).where(key).orderBy('seq').select('time', 'text');
  }

  /** The containers kept for a pod. */
  async containers(
    key: Omit<RetainedContainer, 'container'>,
  ): Promise<string[]> {
    const rows = await this.db(TABLE)
      .where(key)
      .distinct('container')
      .orderBy('container');
    return rows.map(row => row.container);
  }

  /** Forgets everything captured before `before`. */
  async purge(before: Date): Promise<number> {
    return this.db(TABLE).where('captured_at', '<', before).delete();
  }
}

import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  AuditEvent,
  AuditEventPage,
  AuditVerification,
} from '@kubedeck/plugin-audit-common';
import { Knex } from 'knex';
import { AuditEntry, AuditListOptions, AuditStore } from './AuditStore';
import { CHAIN_START, ChainPosition, checkLink } from './checkLink';
import { GENESIS_HASH, hashAuditEvent } from './hash';
import { AUDIT_TABLE, AuditRow, fromAuditRow, toAuditRow } from './rows';

const migrationsDir = resolvePackagePath(
  '@kubedeck/plugin-audit-node',
  'migrations',
);

/** Key of the PostgreSQL advisory lock that serializes appends across backend replicas. */
const APPEND_LOCK_KEY = 7_140_529_301;

const VERIFY_PAGE_SIZE = 500;

/**
 * Knex implementation of {@link AuditStore} for PostgreSQL and SQLite.
 *
 * @public
 */
export class DatabaseAuditStore implements AuditStore {
  /** Tail of the in-process append queue: appends run one after another. */
  private appendQueue: Promise<unknown> = Promise.resolve();
  /** Highest sequence this process appended: rows up to it must still exist. */
  private lastAppended = 0;

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseAuditStore> {
    const { database } = options;
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({
        directory: migrationsDir,
        tableName: 'kubedeck_audit_knex_migrations',
      });
    }
    return new DatabaseAuditStore(client);
  }

  private constructor(private readonly db: Knex) {}

  append(entry: AuditEntry): Promise<AuditEvent> {
    const appended = this.appendQueue.then(() => this.appendNow(entry));
    this.appendQueue = appended.catch(() => undefined);
    return appended;
  }

  async list(options: AuditListOptions): Promise<AuditEventPage> {
    const query = this.db<AuditRow>(AUDIT_TABLE)
      .orderBy('sequence', 'desc')
      .limit(options.limit + 1);
    if (options.actor !== undefined) query.where('actor', options.actor);
    if (options.plugin !== undefined) query.where('plugin', options.plugin);
    if (options.outcome !== undefined) query.where('outcome', options.outcome);
    if (options.from !== undefined) query.where('time', '>=', options.from);
    if (options.to !== undefined) query.where('time', '<=', options.to);
    if (options.beforeSequence !== undefined) {
      query.where('sequence', '<', options.beforeSequence);
    }
    if (options.target !== undefined) {
      const escaped = options.target.replace(/[\\%_]/g, c => `\\${c}`);
      query.whereRaw(`target LIKE ? ESCAPE '\\'`, [`%${escaped}%`]);
    }
    const rows = await query;
    const items = rows.slice(0, options.limit).map(fromAuditRow);
    const hasMore = rows.length > options.limit;
    return hasMore
      ? { items, nextCursor: String(items[items.length - 1].sequence) }
      : { items };
  }

  async verify(): Promise<AuditVerification> {
    // Taken first: appends that finish during the walk may not be visible to it.
    const mustReach = this.lastAppended;
    let expected: ChainPosition = CHAIN_START;
    let checked = 0;
    for (;;) {
      const rows = await this.db<AuditRow>(AUDIT_TABLE)
        .where('sequence', '>=', expected.sequence)
        .orderBy('sequence', 'asc')
        .limit(VERIFY_PAGE_SIZE);
      for (const row of rows) {
        const link = checkLink(expected, row);
        if (!link.ok) {
          return {
            ok: false,
            checked,
            firstBrokenSequence: link.sequence,
            reason: link.reason,
          };
        }
        expected = link.next;
        checked += 1;
      }
      if (rows.length < VERIFY_PAGE_SIZE) {
        return checkTail(expected.sequence - 1, mustReach, checked);
      }
    }
  }

  private async appendNow(entry: AuditEntry): Promise<AuditEvent> {
    const appended = await this.db.transaction(async tx => {
      if (this.db.client.config.client === 'pg') {
        // Held until commit, so two replicas never read the same tail.
        await tx.raw('SELECT pg_advisory_xact_lock(?)', [APPEND_LOCK_KEY]);
      }
      const tail = await tx<AuditRow>(AUDIT_TABLE)
        .orderBy('sequence', 'desc')
        .first('sequence', 'hash');
      const unhashed: Omit<AuditEvent, 'hash'> = {
        ...entry,
        time: entry.time.toISOString(),
        sequence: tail ? Number(tail.sequence) + 1 : 1,
        prevHash: tail ? tail.hash : GENESIS_HASH,
      };
      const event: AuditEvent = { ...unhashed, hash: hashAuditEvent(unhashed) };
      await tx(AUDIT_TABLE).insert(toAuditRow(event));
      return event;
    });
    this.lastAppended = Math.max(this.lastAppended, appended.sequence);
    return appended;
  }
}

/** Catches the newest rows being deleted, which the chain alone cannot show. */
function checkTail(
  lastRow: number,
  mustReach: number,
  checked: number,
): AuditVerification {
  if (lastRow >= mustReach) {
    return { ok: true, checked };
  }
  return {
    ok: false,
    checked,
    firstBrokenSequence: lastRow + 1,
    reason: `rows after sequence ${lastRow} are missing (this backend wrote up to ${mustReach})`,
  };
}

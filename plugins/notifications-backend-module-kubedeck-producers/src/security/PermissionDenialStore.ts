import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { producersDatabase } from '../database';

const DENIALS = 'kubedeck_producers_permission_denials';
const BURSTS = 'kubedeck_producers_permission_denial_bursts';

/** How often one user was denied one permission within a window. Times are epoch ms. */
export type DenialCount = {
  permission: string;
  count: number;
  first: number;
  last: number;
};

/**
 * Permission denials and announced bursts in the notifications plugin's database, shared by
 * every backend instance. Times are epoch milliseconds.
 */
export class PermissionDenialStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<PermissionDenialStore> {
    return new PermissionDenialStore(await producersDatabase(options.database));
  }

  /** When the user's last burst was announced, if one was and it is still recorded. */
  async announcedAt(userEntityRef: string): Promise<number | undefined> {
    const row = await this.db(BURSTS)
      .where({ user_entity_ref: userEntityRef })
      .first('announced_at');
    return row?.announced_at === null || row?.announced_at === undefined
      ? undefined
      : Number(row.announced_at);
  }

  async record(denial: {
    userEntityRef: string;
    permission: string;
    at: number;
  }): Promise<void> {
    await this.db(DENIALS).insert({
      user_entity_ref: denial.userEntityRef,
      permission: denial.permission,
      denied_at: denial.at,
    });
  }

  /** The user's denials after `after` up to `until`, by permission, most denied first. */
  async countByPermission(
    userEntityRef: string,
    after: number,
    until: number,
  ): Promise<DenialCount[]> {
    const rows = await this.db(DENIALS)
      .where('user_entity_ref', userEntityRef)
      .where('denied_at', '>', after)
      .where('denied_at', '<=', until)
      .groupBy('permission')
      .select<Record<keyof DenialCount, string | number>[]>(
        'permission',
        this.db.raw('count(*) as ??', ['count']),
        this.db.raw('min(denied_at) as ??', ['first']),
        this.db.raw('max(denied_at) as ??', ['last']),
      )
      .orderBy([
        { column: 'count', order: 'desc' },
        { column: 'permission', order: 'asc' },
      ]);
    // PostgreSQL answers counts and big integers as strings.
    return rows.map(row => ({
      permission: String(row.permission),
      count: Number(row.count),
      first: Number(row.first),
      last: Number(row.last),
    }));
  }

  /**
   * Records a burst of the user's as announced at `at`, unless one was announced after
   * `quietAfter`. True for exactly one of the instances that try at the same time.
   */
  async claimAnnouncement(
    userEntityRef: string,
    at: number,
    quietAfter: number,
  ): Promise<boolean> {
    await this.db(BURSTS)
      .insert({ user_entity_ref: userEntityRef, announced_at: null })
      .onConflict('user_entity_ref')
      .ignore();
    const updated = await this.db(BURSTS)
      .where('user_entity_ref', userEntityRef)
      .where(q =>
        q.whereNull('announced_at').orWhere('announced_at', '<=', quietAfter),
      )
      .update({ announced_at: at });
    return updated === 1;
  }

  /** Forgets denials and announcements at or before `before`. */
  async prune(before: number): Promise<void> {
    await this.db(DENIALS).where('denied_at', '<=', before).delete();
    await this.db(BURSTS).where('announced_at', '<=', before).delete();
  }
}

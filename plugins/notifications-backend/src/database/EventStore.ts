import {
  EventSeverity,
  KubedeckEvent,
} from '@kubedeck/plugin-notifications-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { toMillis } from './migrations';

/** Repeats of one problem (same fingerprint) within a window. */
export interface NotificationGroup {
  id: string;
  fingerprint: string;
  status: 'open' | 'resolved';
  category: string;
  severity: EventSeverity;
  cluster: string;
  namespace?: string;
  object?: { kind: string; name: string };
  entityRef?: string;
  title: string;
  description?: string;
  link?: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  resolvedAt?: number;
}

/**
 * What an event did to its group: opened one, repeated an open one, resolved it, or nothing
 * (a resolution with no open group, or an event already processed).
 */
export type GroupOutcome =
  | { kind: 'new' | 'repeat' | 'resolved'; group: NotificationGroup }
  | { kind: 'ignored' | 'duplicate' };

function fromRow(row: any): NotificationGroup {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    status: row.status,
    category: row.category,
    severity: row.severity,
    cluster: row.cluster,
    namespace: row.namespace ?? undefined,
    object: row.object_kind
      ? { kind: row.object_kind, name: row.object_name }
      : undefined,
    entityRef: row.entity_ref ?? undefined,
    title: row.title,
    description: row.description ?? undefined,
    link: row.link ?? undefined,
    count: Number(row.count),
    firstSeen: toMillis(row.first_seen),
    lastSeen: toMillis(row.last_seen),
    resolvedAt: toMillis(row.resolved_at),
  };
}

function eventColumns(event: KubedeckEvent) {
  return {
    category: event.category,
    severity: event.severity,
    cluster: event.cluster,
    namespace: event.namespace ?? null,
    object_kind: event.object?.kind ?? null,
    object_name: event.object?.name ?? null,
    entity_ref: event.entityRef ?? null,
    title: event.title,
    description: event.description ?? null,
    link: event.link ?? null,
  };
}

export class KnexEventStore {
  constructor(private readonly db: Knex) {}

  transaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /**
   * Records an event in its group inside the caller's transaction. An event id seen before is
   * a redelivery and changes nothing.
   */
  async record(
    tx: Knex.Transaction,
    event: KubedeckEvent & { id: string },
    now: number,
    windowMs: number,
  ): Promise<GroupOutcome> {
    const inserted = await tx('received_events')
      .insert({ event_id: event.id, received_at: now })
      .onConflict('event_id')
      .ignore()
      .returning('event_id');
    if (inserted.length === 0) {
      return { kind: 'duplicate' };
    }
    const open = await tx('notification_groups')
      .where({ fingerprint: event.fingerprint, status: 'open' })
      .orderBy('first_seen', 'desc')
      .first();
    if (event.resolved) {
      if (!open) {
        return { kind: 'ignored' };
      }
      const [resolved] = await tx('notification_groups')
        .where({ id: open.id })
        .update({ status: 'resolved', resolved_at: now, last_seen: now })
        .returning('*');
      return { kind: 'resolved', group: fromRow(resolved) };
    }
    if (open && toMillis(open.first_seen) + windowMs > now) {
      const [repeated] = await tx('notification_groups')
        .where({ id: open.id })
        .update({
          ...eventColumns(event),
          last_seen: now,
          count: tx.raw('count + 1'),
        })
        .returning('*');
      return { kind: 'repeat', group: fromRow(repeated) };
    }
    const [created] = await tx('notification_groups')
      .insert({
        id: randomUUID(),
        fingerprint: event.fingerprint,
        status: 'open',
        ...eventColumns(event),
        count: 1,
        first_seen: now,
        last_seen: now,
      })
      .returning('*');
    return { kind: 'new', group: fromRow(created) };
  }

  async getGroups(ids: string[]): Promise<Map<string, NotificationGroup>> {
    const rows = ids.length
      ? await this.db('notification_groups').whereIn('id', ids)
      : [];
    return new Map(rows.map(r => [r.id, fromRow(r)]));
  }

  /** Forgets processed event ids older than a cutoff. */
  async pruneReceived(before: number): Promise<number> {
    return this.db('received_events')
      .where('received_at', '<', before)
      .delete();
  }

  /** Forgets groups last seen before a cutoff that no delivery or digest refers to. */
  async pruneGroups(before: number): Promise<number> {
    return this.db('notification_groups')
      .where('last_seen', '<', before)
      .whereNotIn(
        'id',
        this.db('deliveries').whereNotNull('group_id').select('group_id'),
      )
      .whereNotIn('id', this.db('digest_items').select('group_id'))
      .delete();
  }
}

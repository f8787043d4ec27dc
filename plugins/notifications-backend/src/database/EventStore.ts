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

/** An existing group changed by a batch: its new state and how many repeats it gained. */
type GroupChange = {
  group: NotificationGroup;
  added: number;
  /** The latest repeat, whose details the group takes. */
  event?: KubedeckEvent;
};

/** The fields of a group that the latest event of its fingerprint sets. */
function groupFields(event: KubedeckEvent) {
  return {
    category: event.category,
    severity: event.severity,
    cluster: event.cluster,
    namespace: event.namespace,
    object: event.object
      ? { kind: event.object.kind, name: event.object.name }
      : undefined,
    entityRef: event.entityRef,
    title: event.title,
    description: event.description,
    link: event.link,
  };
}

function toRow(group: NotificationGroup) {
  return {
    id: group.id,
    fingerprint: group.fingerprint,
    status: group.status,
    category: group.category,
    severity: group.severity,
    cluster: group.cluster,
    namespace: group.namespace ?? null,
    object_kind: group.object?.kind ?? null,
    object_name: group.object?.name ?? null,
    entity_ref: group.entityRef ?? null,
    title: group.title,
    description: group.description ?? null,
    link: group.link ?? null,
    count: group.count,
    first_seen: group.firstSeen,
    last_seen: group.lastSeen,
    resolved_at: group.resolvedAt ?? null,
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
    const [outcome] = await this.recordBatch(tx, [event], now, windowMs);
    return outcome;
  }

  /**
   * Records events in their groups, in order, inside the caller's transaction, with a fixed
   * number of statements for the batch plus one per existing group it changes. The outcome of
   * each event is what `record` would have returned had the events been recorded one by one.
   */
  async recordBatch(
    tx: Knex.Transaction,
    batch: (KubedeckEvent & { id: string })[],
    now: number,
    windowMs: number,
  ): Promise<GroupOutcome[]> {
    const fresh = await this.#claimIds(
      tx,
      batch.map(e => e.id),
      now,
    );
    const fingerprints = [
      ...new Set(batch.filter(e => fresh.has(e.id)).map(e => e.fingerprint)),
    ];
    const open = new Map<string, NotificationGroup>();
    for (let i = 0; i < fingerprints.length; i += 500) {
      const rows = await tx('notification_groups')
        .whereIn('fingerprint', fingerprints.slice(i, i + 500))
        .andWhere({ status: 'open' })
        .orderBy('first_seen', 'asc');
      // Ascending, so the newest open group of a fingerprint wins.
      rows.forEach(row => open.set(row.fingerprint, fromRow(row)));
    }

    const created = new Map<string, NotificationGroup>();
    const changed = new Map<string, GroupChange>();
    const outcomes: GroupOutcome[] = [];
    for (const event of batch) {
      if (!fresh.delete(event.id)) {
        outcomes.push({ kind: 'duplicate' });
        continue;
      }
      const current = open.get(event.fingerprint);
      if (event.resolved) {
        if (!current) {
          outcomes.push({ kind: 'ignored' });
          continue;
        }
        const group = {
          ...current,
          status: 'resolved' as const,
          resolvedAt: now,
          lastSeen: now,
        };
        open.delete(event.fingerprint);
        this.#remember(created, changed, group, 0);
        outcomes.push({ kind: 'resolved', group });
        continue;
      }
      if (current && current.firstSeen + windowMs > now) {
        const group = {
          ...current,
          ...groupFields(event),
          lastSeen: now,
          count: current.count + 1,
        };
        open.set(event.fingerprint, group);
        this.#remember(created, changed, group, 1, event);
        outcomes.push({ kind: 'repeat', group });
        continue;
      }
      const group: NotificationGroup = {
        id: randomUUID(),
        fingerprint: event.fingerprint,
        status: 'open',
        ...groupFields(event),
        count: 1,
        firstSeen: now,
        lastSeen: now,
      };
      open.set(event.fingerprint, group);
      created.set(group.id, group);
      outcomes.push({ kind: 'new', group });
    }
    await this.#write(tx, created, changed);
    return outcomes;
  }

  /** Inserts the event ids; returns those not seen before. */
  async #claimIds(tx: Knex.Transaction, ids: string[], now: number) {
    const unique = [...new Set(ids)];
    const fresh = new Set<string>();
    for (let i = 0; i < unique.length; i += 500) {
      const inserted = await tx('received_events')
        .insert(
          unique
            .slice(i, i + 500)
            .map(id => ({ event_id: id, received_at: now })),
        )
        .onConflict('event_id')
        .ignore()
        .returning('event_id');
      inserted.forEach((row: { event_id: string }) => fresh.add(row.event_id));
    }
    return fresh;
  }

  /** Notes a change to a group: new groups are inserted whole, existing ones updated. */
  #remember(
    created: Map<string, NotificationGroup>,
    changed: Map<string, GroupChange>,
    group: NotificationGroup,
    added: number,
    event?: KubedeckEvent,
  ) {
    if (created.has(group.id)) {
      created.set(group.id, group);
      return;
    }
    const previous = changed.get(group.id);
    changed.set(group.id, {
      group,
      added: (previous?.added ?? 0) + added,
      event: event ?? previous?.event,
    });
  }

  async #write(
    tx: Knex.Transaction,
    created: Map<string, NotificationGroup>,
    changed: Map<string, GroupChange>,
  ) {
    const rows = [...created.values()].map(toRow);
    for (let i = 0; i < rows.length; i += 200) {
      await tx('notification_groups').insert(rows.slice(i, i + 200));
    }
    for (const { group, added, event } of changed.values()) {
      await tx('notification_groups')
        .where({ id: group.id })
        .update({
          ...(event ? eventColumns(event) : {}),
          status: group.status,
          resolved_at: group.resolvedAt ?? null,
          last_seen: group.lastSeen,
          // Relative, like the count of a concurrent writer's repeat would be.
          ...(added ? { count: tx.raw('count + ?', [added]) } : {}),
        });
    }
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

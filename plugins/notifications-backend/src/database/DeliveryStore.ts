import {
  deliveriesQuerySchema,
  Delivery,
  DeliveryStatus,
  EventSeverity,
} from '@kubedeck/plugin-notifications-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { parseJson, toMillis } from './migrations';

/** A delivery to be made; its idempotency key makes enqueueing it twice harmless. */
export interface DeliveryDraft {
  idempotencyKey: string;
  kind: Delivery['kind'];
  groupId?: string;
  category: string;
  severity: EventSeverity;
  title: string;
  cluster?: string;
  recipient?: string;
  channel: string;
  channelType: string;
  payload?: unknown;
}

/** The result of one attempt to send a delivery. */
export interface DeliveryOutcome {
  status: DeliveryStatus;
  attempts: number;
  error?: string;
  nextAttemptAt?: number;
}

export interface DeliveryRecord extends Delivery {
  idempotencyKey: string;
  payload?: unknown;
  nextAttemptAt: number;
}

export interface DigestItemDraft {
  userRef: string;
  channel: string;
  frequency: 'daily' | 'weekly';
  groupId: string;
}

const iso = (ms: unknown) =>
  ms === null || ms === undefined
    ? undefined
    : new Date(Number(ms)).toISOString();

function fromRow(row: any): DeliveryRecord {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    kind: row.kind,
    groupId: row.group_id ?? undefined,
    category: row.category,
    severity: row.severity,
    title: row.title,
    cluster: row.cluster ?? undefined,
    recipient: row.recipient ?? undefined,
    channel: row.channel,
    channelType: row.channel_type,
    status: row.status,
    attempts: Number(row.attempts),
    lastError: row.last_error ?? undefined,
    payload: parseJson(row.payload, undefined),
    nextAttemptAt: toMillis(row.next_attempt_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    deliveredAt: iso(row.delivered_at),
  };
}

export class KnexDeliveryStore {
  constructor(private readonly db: Knex) {}

  /** Adds deliveries to the outbox in one statement; returns how many were new. */
  async enqueue(
    drafts: DeliveryDraft[],
    now: number,
    tx: Knex = this.db,
  ): Promise<number> {
    if (drafts.length === 0) {
      return 0;
    }
    const rows = drafts.map(d => ({
      id: randomUUID(),
      idempotency_key: d.idempotencyKey,
      kind: d.kind,
      group_id: d.groupId ?? null,
      category: d.category,
      severity: d.severity,
      title: d.title.slice(0, 1000),
      cluster: d.cluster ?? null,
      recipient: d.recipient ?? null,
      channel: d.channel,
      channel_type: d.channelType,
      status: 'pending',
      attempts: 0,
      payload: d.payload === undefined ? null : JSON.stringify(d.payload),
      next_attempt_at: now,
      created_at: now,
      updated_at: now,
    }));
    let added = 0;
    for (let i = 0; i < rows.length; i += 200) {
      const inserted = await tx('deliveries')
        .insert(rows.slice(i, i + 200))
        .onConflict('idempotency_key')
        .ignore()
        .returning('id');
      added += inserted.length;
    }
    return added;
  }

  /**
   * Leases due deliveries to this worker. A worker that dies keeps its lease until it expires;
   * then another worker sends again with the same idempotency key.
   */
  async claimDue(now: number, leaseMs: number, limit: number) {
    const unlocked = (q: Knex.QueryBuilder) =>
      q.whereNull('locked_until').orWhere('locked_until', '<', now);
    const candidates = await this.db('deliveries')
      .select('id')
      .whereIn('status', ['pending', 'retrying'])
      .andWhere('next_attempt_at', '<=', now)
      .andWhere(unlocked)
      .orderBy('next_attempt_at')
      .limit(limit);
    if (candidates.length === 0) {
      return [];
    }
    // Another worker may have claimed some in between: only rows still unlocked come back.
    const claimed = await this.db('deliveries')
      .whereIn(
        'id',
        candidates.map(c => c.id),
      )
      .andWhere(unlocked)
      .update({ locked_until: now + leaseMs })
      .returning('*');
    return (claimed as any[]).map(fromRow);
  }

  async complete(id: string, outcome: DeliveryOutcome, now: number) {
    await this.completeMany([{ id, outcome }], now);
  }

  /**
   * Records the outcomes of attempts and releases their leases, with one statement per
   * distinct outcome (a batch of successful first attempts is one statement).
   */
  async completeMany(
    results: { id: string; outcome: DeliveryOutcome }[],
    now: number,
  ): Promise<void> {
    const byChange = new Map<string, { change: object; ids: string[] }>();
    for (const { id, outcome } of results) {
      const change = {
        status: outcome.status,
        attempts: outcome.attempts,
        last_error: outcome.error ?? null,
        next_attempt_at: outcome.nextAttemptAt ?? now,
        locked_until: null,
        updated_at: now,
        delivered_at: outcome.status === 'delivered' ? now : null,
      };
      const key = JSON.stringify(change);
      const entry = byChange.get(key) ?? { change, ids: [] };
      entry.ids.push(id);
      byChange.set(key, entry);
    }
    for (const { change, ids } of byChange.values()) {
      for (let i = 0; i < ids.length; i += 500) {
        await this.db('deliveries')
          .whereIn('id', ids.slice(i, i + 500))
          .update(change);
      }
    }
  }

  async getByKey(idempotencyKey: string): Promise<DeliveryRecord | undefined> {
    const row = await this.db('deliveries')
      .where({ idempotency_key: idempotencyKey })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async list(
    query: z.output<typeof deliveriesQuerySchema>,
  ): Promise<{ items: DeliveryRecord[]; totalCount: number }> {
    const base = this.db('deliveries').where(q => {
      if (query.status) q.where('status', query.status);
      if (query.channel) q.where('channel', query.channel);
      if (query.category) q.where('category', query.category);
      if (query.cluster) q.where('cluster', query.cluster);
      if (query.recipient) q.where('recipient', query.recipient);
      if (query.kind) q.where('kind', query.kind);
      if (query.since) q.where('created_at', '>=', Date.parse(query.since));
      if (query.until) q.where('created_at', '<', Date.parse(query.until));
    });
    const [{ count }] = await base.clone().count({ count: '*' });
    const rows = await base
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(query.limit)
      .offset(query.offset);
    return { items: rows.map(fromRow), totalCount: Number(count) };
  }

  /** Forgets finished deliveries and digested items older than a cutoff. */
  async prune(before: number): Promise<void> {
    await this.db('deliveries')
      .whereIn('status', ['delivered', 'failed', 'skipped'])
      .andWhere('updated_at', '<', before)
      .delete();
    await this.db('digest_items')
      .whereNotNull('digest_key')
      .andWhere('created_at', '<', before)
      .delete();
  }

  /** Remembers groups for a user's next digest; a group already waiting is not added twice. */
  async addDigestItems(
    items: DigestItemDraft[],
    now: number,
    tx: Knex = this.db,
  ) {
    for (const item of items) {
      const match = {
        user_ref: item.userRef,
        channel: item.channel,
        frequency: item.frequency,
        group_id: item.groupId,
      };
      const waiting = await tx('digest_items')
        .where(match)
        .whereNull('digest_key')
        .first();
      if (!waiting) {
        await tx('digest_items').insert({ ...match, created_at: now });
      }
    }
  }

  /**
   * Assigns every waiting item of a frequency to the digest `digestKey` and returns the items
   * of that digest. Running it again for the same key returns the same items.
   */
  async takeDigestItems(frequency: 'daily' | 'weekly', digestKey: string) {
    await this.db('digest_items')
      .where({ frequency })
      .whereNull('digest_key')
      .update({ digest_key: digestKey });
    const rows = await this.db('digest_items').where({ digest_key: digestKey });
    return rows.map(r => ({
      userRef: r.user_ref as string,
      channel: r.channel as string,
      groupId: r.group_id as string,
    }));
  }
}

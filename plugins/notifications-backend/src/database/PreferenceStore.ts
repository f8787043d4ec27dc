import {
  Frequency,
  Preference,
  Subscription,
} from '@kubedeck/plugin-notifications-common';
import { Knex } from 'knex';

export interface PreferenceStore {
  getPreferences(userRef: string): Promise<Preference[]>;
  /** Frequencies chosen by many users at once: user → `category|channel` → frequency. */
  getPreferencesFor(
    userRefs: string[],
  ): Promise<Map<string, Map<string, Frequency>>>;
  setPreferences(userRef: string, preferences: Preference[]): Promise<void>;
  getSubscriptions(userRef: string): Promise<Subscription[]>;
  setSubscriptions(
    userRef: string,
    subscriptions: Subscription[],
  ): Promise<void>;
  /** Users with a subscription matching the event's cluster, namespace and category. */
  findSubscribers(event: {
    cluster: string;
    namespace?: string;
    category: string;
  }): Promise<string[]>;
}

export const preferenceKey = (category: string, channel: string) =>
  `${category}|${channel}`;

export class KnexPreferenceStore implements PreferenceStore {
  constructor(private readonly db: Knex) {}

  async getPreferences(userRef: string): Promise<Preference[]> {
    const rows = await this.db('preferences').where({ user_ref: userRef });
    return rows.map(r => ({
      category: r.category,
      channel: r.channel,
      frequency: r.frequency,
    }));
  }

  async getPreferencesFor(userRefs: string[]) {
    const result = new Map<string, Map<string, Frequency>>();
    for (let i = 0; i < userRefs.length; i += 500) {
      const rows = await this.db('preferences').whereIn(
        'user_ref',
        userRefs.slice(i, i + 500),
      );
      for (const row of rows) {
        const forUser = result.get(row.user_ref) ?? new Map();
        forUser.set(preferenceKey(row.category, row.channel), row.frequency);
        result.set(row.user_ref, forUser);
      }
    }
    return result;
  }

  async setPreferences(userRef: string, preferences: Preference[]) {
    if (preferences.length === 0) {
      return;
    }
    await this.db('preferences')
      .insert(
        preferences.map(p => ({
          user_ref: userRef,
          category: p.category,
          channel: p.channel,
          frequency: p.frequency,
        })),
      )
      .onConflict(['user_ref', 'category', 'channel'])
      .merge(['frequency']);
  }

  async getSubscriptions(userRef: string): Promise<Subscription[]> {
    const rows = await this.db('subscriptions')
      .where({ user_ref: userRef })
      .orderBy('id');
    return rows.map(r => ({
      ...(r.cluster ? { cluster: r.cluster } : {}),
      ...(r.namespace ? { namespace: r.namespace } : {}),
      ...(r.category ? { category: r.category } : {}),
    }));
  }

  async setSubscriptions(userRef: string, subscriptions: Subscription[]) {
    await this.db.transaction(async tx => {
      await tx('subscriptions').where({ user_ref: userRef }).delete();
      if (subscriptions.length > 0) {
        await tx('subscriptions').insert(
          subscriptions.map(s => ({
            user_ref: userRef,
            cluster: s.cluster ?? null,
            namespace: s.namespace ?? null,
            category: s.category ?? null,
          })),
        );
      }
    });
  }

  async findSubscribers(event: {
    cluster: string;
    namespace?: string;
    category: string;
  }): Promise<string[]> {
    const matches = (column: string, value: string | undefined) =>
      function match(this: Knex.QueryBuilder) {
        this.whereNull(column);
        if (value !== undefined) {
          this.orWhere(column, value);
        }
      };
    const rows = await this.db('subscriptions')
      .distinct('user_ref')
      .where(matches('cluster', event.cluster))
      .andWhere(matches('namespace', event.namespace))
      .andWhere(matches('category', event.category));
    return rows.map(r => r.user_ref);
  }
}

import { LoggerService } from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import {
  KubedeckEvent,
  kubedeckEventSchema,
} from '@kubedeck/plugin-notifications-common';
import { BrokerMessage } from '@kubedeck/plugin-notifications-node';
import {
  KnexDeliveryStore,
  KnexEventStore,
  PreferenceStore,
} from '../database';
import { ChannelService } from '../service/ChannelService';
import { Audience, planDeliveries } from './plan';
import { RecipientResolver } from './RecipientResolver';

type RoutedEvent = KubedeckEvent & { id: string };

/** The most events routed in one transaction. */
const MAX_BATCH = 100;

export interface EventRouterOptions {
  events: KnexEventStore;
  deliveries: KnexDeliveryStore;
  preferences: PreferenceStore;
  channels: ChannelService;
  recipients: RecipientResolver;
  logger: LoggerService;
  groupWindowMs: number;
  /** Events that occurred longer ago are dropped (a replayed topic must not alert anyone). */
  maxEventAgeMs: number;
  now?: () => number;
  /** Called after new deliveries were committed, to send them without waiting. */
  onEnqueued?: () => void;
}

/**
 * Consumes Kubedeck events: groups them by fingerprint, decides who hears about them through
 * which channel and how often, and writes the resulting deliveries to the outbox in the same
 * transaction that records the event as processed. A redelivered event changes nothing.
 */
export class EventRouter {
  #pending: {
    event: RoutedEvent;
    resolve: () => void;
    reject: (error: unknown) => void;
  }[] = [];
  #flushing = false;

  constructor(private readonly options: EventRouterOptions) {}

  /**
   * Broker handler: resolves only once the outcome is committed (then the broker acks). An
   * event published without an id gets one derived from its content, so a redelivery of it
   * is still recognised.
   */
  handleMessage = async (message: BrokerMessage): Promise<void> => {
    const parsed = kubedeckEventSchema.safeParse(message.value);
    if (!parsed.success) {
      this.options.logger.warn(
        `Dropping an invalid event from ${message.topic}: ${parsed.error.issues
          .map(i => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      );
      return;
    }
    const occurredAt = Date.parse(parsed.data.occurredAt ?? '');
    const now = (this.options.now ?? Date.now)();
    if (occurredAt && now - occurredAt > this.options.maxEventAgeMs) {
      this.options.logger.debug(
        `Dropping an event from ${parsed.data.occurredAt}: older than the maximum age`,
      );
      return;
    }
    const id =
      parsed.data.id ??
      createHash('sha256').update(JSON.stringify(message.value)).digest('hex');
    await this.route({ ...parsed.data, id });
  };

  /** Routes one event; resolves once its outcome is committed. */
  route(event: RoutedEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ event, resolve, reject });
      if (!this.#flushing) {
        this.#flushing = true;
        setImmediate(() => void this.#flush());
      }
    });
  }

  /**
   * Events that arrive while a batch is being committed (from other partitions) form the next
   * batch: one transaction and a fixed number of statements for all of them. A failed batch is
   * retried one event at a time, so one bad event rejects only its own message.
   */
  async #flush(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0, MAX_BATCH);
      try {
        await this.#routeBatch(batch.map(p => p.event));
        batch.forEach(p => p.resolve());
      } catch (error) {
        if (batch.length === 1) {
          batch[0].reject(error);
          continue;
        }
        for (const item of batch) {
          await this.#routeBatch([item.event]).then(item.resolve, item.reject);
        }
      }
    }
    this.#flushing = false;
  }

  async #routeBatch(batch: RoutedEvent[]): Promise<void> {
    const { events, deliveries, groupWindowMs } = this.options;
    const now = (this.options.now ?? Date.now)();
    const audiences = await this.#audiences(batch);
    const added = await events.transaction(async tx => {
      const outcomes = await events.recordBatch(tx, batch, now, groupWindowMs);
      const plans = outcomes.map((outcome, i) =>
        planDeliveries(outcome, audiences[i]),
      );
      await deliveries.addDigestItems(
        plans.flatMap(p => p.digestItems),
        now,
        tx,
      );
      return deliveries.enqueue(
        plans.flatMap(p => p.deliveries),
        now,
        tx,
      );
    });
    if (added > 0) {
      this.options.onEnqueued?.();
    }
  }

  /** The audience of each event; events with the same recipients share the lookups. */
  async #audiences(batch: RoutedEvent[]): Promise<Audience[]> {
    const byKey = new Map<string, Promise<string[]>>();
    const recipients = await Promise.all(
      batch.map(event => {
        const key = JSON.stringify([
          event.cluster,
          event.namespace,
          event.category,
          event.entityRef,
        ]);
        let users = byKey.get(key);
        if (!users) {
          users = this.options.recipients
            .resolve(event)
            .then(list => list.map(r => r.userRef));
          byKey.set(key, users);
        }
        return users;
      }),
    );
    const everyone = [...new Set(recipients.flat())];
    const preferences = await this.options.preferences.getPreferencesFor(
      everyone,
    );
    const enabled = (await this.options.channels.listForRouting()).filter(
      c => c.enabled,
    );
    const personalChannels = enabled.filter(c =>
      this.options.channels.isPersonal(c),
    );
    const sharedChannels = enabled.filter(
      c => !this.options.channels.isPersonal(c),
    );
    return recipients.map(userRefs => ({
      recipients: userRefs,
      preferences,
      personalChannels,
      sharedChannels,
    }));
  }
}

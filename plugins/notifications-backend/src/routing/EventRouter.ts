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

  async route(event: KubedeckEvent & { id: string }): Promise<void> {
    const { events, deliveries, groupWindowMs } = this.options;
    const now = (this.options.now ?? Date.now)();
    const audience = await this.#audience(event);
    const added = await events.transaction(async tx => {
      const outcome = await events.record(tx, event, now, groupWindowMs);
      const plan = planDeliveries(outcome, audience);
      await deliveries.addDigestItems(plan.digestItems, now, tx);
      return deliveries.enqueue(plan.deliveries, now, tx);
    });
    if (added > 0) {
      this.options.onEnqueued?.();
    }
  }

  async #audience(event: KubedeckEvent): Promise<Audience> {
    const recipients = await this.options.recipients.resolve(event);
    const userRefs = recipients.map(r => r.userRef);
    const enabled = (await this.options.channels.listForRouting()).filter(
      c => c.enabled,
    );
    return {
      recipients: userRefs,
      preferences: await this.options.preferences.getPreferencesFor(userRefs),
      personalChannels: enabled.filter(c =>
        this.options.channels.isPersonal(c),
      ),
      sharedChannels: enabled.filter(c => !this.options.channels.isPersonal(c)),
    };
  }
}

import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NOTIFICATION_TOPICS } from '@kubedeck/plugin-notifications-common';
import {
  BrokerSubscription,
  MessageBroker,
  NotificationChannelType,
  SafeHttpClient,
} from '@kubedeck/plugin-notifications-node';
import { SecretsCipher } from '@kubedeck/plugin-secrets-node';
import { NotificationsConfig } from '../config';
import { NotificationsStores } from '../database';
import { DeliveryWorker } from '../delivery/DeliveryWorker';
import { DigestService } from '../delivery/DigestService';
import { EventRouter } from '../routing/EventRouter';
import { RecipientResolver } from '../routing/RecipientResolver';
import { ChannelService } from './ChannelService';

/** The consumer group every replica of the plugin joins. */
export const CONSUMER_GROUP = 'kubedeck-notifications';

/**
 * Messages of one partition handed to the router at once. The router routes the events that
 * arrive together in one transaction, so a Kafka fetch becomes a few transactions, not one per
 * event.
 */
const ROUTER_MAX_IN_FLIGHT = 100;

export interface NotificationsServiceOptions {
  stores: NotificationsStores;
  config: NotificationsConfig;
  channelTypes: NotificationChannelType[];
  cipher: SecretsCipher;
  catalog: CatalogService;
  auth: AuthService;
  notifications: NotificationService;
  logger: LoggerService;
  now?: () => number;
}

/** Builds the plugin's collaborators and runs its consumer and background tasks. */
export class NotificationsService {
  readonly channels: ChannelService;
  readonly router: EventRouter;
  readonly worker: DeliveryWorker;
  readonly digests: DigestService;
  #subscription?: BrokerSubscription;

  static create(options: NotificationsServiceOptions): NotificationsService {
    return new NotificationsService(options);
  }

  private constructor(private readonly o: NotificationsServiceOptions) {
    const { stores, config, logger, now } = o;
    this.channels = ChannelService.create({
      store: stores.channels,
      cipher: o.cipher,
      types: o.channelTypes,
      now,
    });
    const recipients = new RecipientResolver({
      preferences: stores.preferences,
      catalog: o.catalog,
      auth: o.auth,
      logger,
      admins: config.admins,
    });
    this.worker = new DeliveryWorker({
      deliveries: stores.deliveries,
      events: stores.events,
      channels: this.channels,
      recipients,
      notifications: o.notifications,
      http: new SafeHttpClient({
        allowPrivateNetworks: config.allowPrivateNetworks,
      }),
      logger,
      appBaseUrl: config.appBaseUrl,
      maxAttempts: config.maxAttempts,
      now,
    });
    const onEnqueued = () => this.worker.kick();
    this.router = new EventRouter({
      ...stores,
      channels: this.channels,
      recipients,
      logger,
      groupWindowMs: config.groupWindowMs,
      maxEventAgeMs: config.maxEventAgeMs,
      now,
      onEnqueued,
    });
    this.digests = new DigestService({
      ...stores,
      channels: this.channels,
      logger,
      onEnqueued,
      now,
    });
  }

  /** Starts consuming every Kubedeck topic; acknowledges only committed events. */
  async start(broker: MessageBroker): Promise<void> {
    this.#subscription = await broker.subscribe(
      [...NOTIFICATION_TOPICS],
      CONSUMER_GROUP,
      this.router.handleMessage,
      { maxInFlight: ROUTER_MAX_IN_FLIGHT },
    );
  }

  async stop(): Promise<void> {
    await this.#subscription?.close();
    this.#subscription = undefined;
    this.worker.close();
    await this.worker.idle();
  }

  async scheduleTasks(scheduler: SchedulerService): Promise<void> {
    const { config } = this.o;
    await scheduler.scheduleTask({
      id: 'kubedeck-notifications-deliveries',
      scope: 'local',
      frequency: { seconds: 5 },
      timeout: { minutes: 5 },
      fn: async () => {
        while ((await this.worker.runOnce(100)) === 100);
      },
    });
    for (const [frequency, cron] of [
      ['daily', config.dailyDigestCron],
      ['weekly', config.weeklyDigestCron],
    ] as const) {
      await scheduler.scheduleTask({
        id: `kubedeck-notifications-${frequency}-digest`,
        frequency: { cron },
        timeout: { minutes: 15 },
        fn: async () => {
          await this.digests.run(frequency);
        },
      });
    }
    await scheduler.scheduleTask({
      id: 'kubedeck-notifications-cleanup',
      frequency: { hours: 6 },
      timeout: { minutes: 5 },
      fn: async () => {
        const { events, deliveries } = this.o.stores;
        await events.pruneReceived(Date.now() - 7 * 24 * 3_600_000);
        await deliveries.prune(Date.now() - config.retentionMs);
        await events.pruneGroups(Date.now() - config.retentionMs);
        const reencrypted = await this.channels.reencryptSecrets();
        if (reencrypted > 0) {
          this.o.logger.info(
            `Re-encrypted the secrets of ${reencrypted} channels with the primary key`,
          );
        }
      },
    });
  }
}

import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  AesGcmSecretsCipher,
  readSecretsKeys,
} from '@kubedeck/plugin-secrets-node';
import { ConfigReader } from '@backstage/config';
import { Knex } from 'knex';
import { builtInChannelTypes } from '../channels';
import { createStores } from '../database';
import { NotificationsService } from '../service/NotificationsService';
import { entities, testSecretsKey } from './backend';

/**
 * An inbox with the behaviour of Backstage's notifications backend that matters here: a
 * notification with the scope of an existing one for the same user updates it.
 */
export class ScopedInbox implements NotificationService {
  readonly entries = new Map<
    string,
    { user: string; payload: NotificationPayload; updates: number }
  >();
  sends = 0;
  failNext?: Error;
  /** Called for every send that reached the inbox (benchmarks time it). */
  onSend?: (payload: NotificationPayload) => void;

  async send(options: NotificationSendOptions): Promise<void> {
    this.sends += 1;
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    if (options.recipients.type !== 'entity')
      throw new Error('unexpected broadcast');
    this.onSend?.(options.payload);
    for (const user of [options.recipients.entityRef].flat()) {
      const key = `${user}|${options.payload.scope ?? Math.random()}`;
      const existing = this.entries.get(key);
      this.entries.set(key, {
        user,
        payload: options.payload,
        updates: existing ? existing.updates + 1 : 0,
      });
    }
  }

  of(user: string) {
    return [...this.entries.values()].filter(e => e.user === user);
  }
}

const created: NotificationsService[] = [];

/**
 * Stops the workers of every harness created so far from waking up for rate-limited
 * deliveries: one left from an earlier test would send the next test's deliveries on its own
 * clock. For `afterEach`.
 */
export function closeHarnesses(): void {
  created.splice(0).forEach(service => service.worker.close());
}

/** The plugin's collaborators over a test database, with a clock the test moves. */
export async function createHarness(
  knex: Knex,
  options: { admins?: string[]; clock?: { now: number } } = {},
) {
  const clock = options.clock ?? { now: Date.now() };
  const inbox = new ScopedInbox();
  const stores = await createStores({
    database: mockServices.database({ knex }),
  });
  const cipher = AesGcmSecretsCipher.fromKeys(
    readSecretsKeys(
      new ConfigReader({ kubedeck: { secrets: { keys: [testSecretsKey] } } }),
    ),
  );
  const service = NotificationsService.create({
    stores,
    cipher,
    channelTypes: builtInChannelTypes,
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    notifications: inbox,
    logger: mockServices.rootLogger({ level: 'none' }),
    now: () => clock.now,
    config: {
      admins: options.admins ?? [],
      groupWindowMs: 3_600_000,
      allowPrivateNetworks: ['127.0.0.1'],
      maxAttempts: 4,
      dailyDigestCron: '0 7 * * *',
      weeklyDigestCron: '0 7 * * 1',
      appBaseUrl: 'http://portal.example.com',
      retentionMs: 90 * 24 * 3_600_000,
      maxEventAgeMs: 24 * 3_600_000,
    },
  });
  created.push(service);
  return { service, stores, inbox, clock };
}

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import {
  PERMISSION_DENIED_TOPIC,
  PermissionDeniedEvent,
} from '@kubedeck/plugin-kubedeck-node';
import { PortalLinks } from '../events';
import { recordingBroker } from '../__testUtils__/events';
import { PermissionDenialBurstProducer } from './PermissionDenialBurstProducer';
import { PermissionDenialStore } from './PermissionDenialStore';

jest.setTimeout(60_000);

// PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set (`make test`).
const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const start = Date.parse('2026-11-26T12:00:00Z');
const minutes = (n: number) => n * 60_000;
const links = new PortalLinks('https://portal.example.com');

/**
 * `instances` backend instances sharing one database, each with its own events service, and
 * everything they announce.
 */
async function setup(databaseId: string, instances = 1) {
  const knex = await databases.init(databaseId as any);
  const recording = await recordingBroker();
  const logger = mockServices.logger.mock();
  const eventServices: DefaultEventsService[] = [];
  // One after the other, as replicas start: each migrates the database first.
  for (let i = 0; i < instances; i++) {
    const events = DefaultEventsService.create({ logger });
    await new PermissionDenialBurstProducer({
      store: await PermissionDenialStore.create({
        database: mockServices.database({ knex }),
      }),
      broker: recording.broker,
      links,
      logger,
      threshold: 3,
      windowMs: minutes(5),
    }).start(events);
    eventServices.push(events);
  }
  /** A route refused `permission` to the user, as seen by one instance. */
  const deny = async (
    userEntityRef: string,
    offsetMs: number,
    options: { permission?: string; instance?: number } = {},
  ) => {
    const eventPayload: PermissionDeniedEvent = {
      userEntityRef,
      permission: options.permission ?? 'kubedeck.clusters.exec',
      at: new Date(start + offsetMs).toISOString(),
    };
    await eventServices[options.instance ?? 0].publish({
      topic: PERMISSION_DENIED_TOPIC,
      eventPayload,
    });
  };
  return { ...recording, deny, logger };
}

describe('PermissionDenialBurstProducer', () => {
  it.each(databases.eachSupportedId())(
    "raises one security event when a user's denials reach the threshold within the window, on %p",
    async databaseId => {
      const { deny, next, events } = await setup(databaseId);

      await deny('user:default/mallory', 0, {
        permission: 'kubedeck.clusters.secret.read',
      });
      await deny('user:default/mallory', minutes(1));
      await deny('user:default/mallory', minutes(2));
      // More of the same burst: already announced.
      await deny('user:default/mallory', minutes(3));
      await deny('user:default/mallory', minutes(4));

      expect(await next(() => true)).toMatchObject({
        topic: 'alerts.security',
        severity: 'high',
        object: { kind: 'User', name: 'user:default/mallory' },
        title:
          'user:default/mallory was denied 3 permissions within 5 minute(s)',
        description: [
          'Since 2026-11-26T12:00:00.000Z. Most denied:',
          'kubedeck.clusters.exec: 2',
          'kubedeck.clusters.secret.read: 1',
        ].join('\n'),
        fingerprint:
          '-/-/User/user:default/mallory/PermissionDenialBurst/2026-11-26T12:00:00.000Z',
        link: 'https://portal.example.com/catalog/default/user/mallory',
      });
      expect(events).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'counts the denials every instance sees and announces the burst once, on %p',
    async databaseId => {
      const { deny, next, events } = await setup(databaseId, 2);

      await deny('user:default/mallory', 0, { instance: 0 });
      await deny('user:default/mallory', minutes(1), { instance: 1 });
      // Both instances reach the threshold at once.
      await Promise.all([
        deny('user:default/mallory', minutes(2), { instance: 0 }),
        deny('user:default/mallory', minutes(2), { instance: 1 }),
      ]);
      await deny('user:default/mallory', minutes(3), { instance: 1 });

      expect(await next(() => true)).toMatchObject({
        object: { kind: 'User', name: 'user:default/mallory' },
        fingerprint:
          '-/-/User/user:default/mallory/PermissionDenialBurst/2026-11-26T12:00:00.000Z',
      });
      expect(events).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'does not count denials spread wider than the window, nor other users, on %p',
    async databaseId => {
      const { deny, events } = await setup(databaseId, 2);

      await deny('user:default/vic', 0);
      await deny('user:default/vic', minutes(3), { instance: 1 });
      await deny('user:default/ann', minutes(4));
      await deny('user:default/vic', minutes(6), { instance: 1 });
      await deny('user:default/vic', minutes(9));

      expect(events).toHaveLength(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'announces a new burst once a window has passed after the last one, on %p',
    async databaseId => {
      const { deny, events } = await setup(databaseId, 2);

      for (const offset of [0, 1, 2]) {
        await deny('user:default/mallory', minutes(offset), {
          instance: offset % 2,
        });
      }
      // Within the quiet window after the announcement.
      for (const offset of [3, 4, 5]) {
        await deny('user:default/mallory', minutes(offset), { instance: 1 });
      }
      for (const offset of [10, 11, 12]) {
        await deny('user:default/mallory', minutes(offset), {
          instance: offset % 2,
        });
      }

      expect(events).toHaveLength(2);
      expect(events[0].fingerprint).not.toBe(events[1].fingerprint);
      expect(events[0].id).not.toBe(events[1].id);
      expect(events[1].description).toMatch(/^Since 2026-11-26T12:10:00.000Z/);
    },
  );

  it('ignores malformed payloads', async () => {
    const { broker, events } = await recordingBroker();
    const logger = mockServices.logger.mock();
    const producer = new PermissionDenialBurstProducer({
      store: undefined as never,
      broker,
      links,
      logger,
      threshold: 1,
      windowMs: minutes(1),
    });

    await producer.handle({ permission: 'kubedeck.clusters.exec' });

    expect(events).toHaveLength(0);
    expect(logger.warn).toHaveBeenCalledWith(
      `Ignoring a malformed event on ${PERMISSION_DENIED_TOPIC}`,
    );
  });

  it('refuses a threshold that is not a positive integer', () => {
    expect(
      () =>
        new PermissionDenialBurstProducer({
          store: undefined as never,
          broker: undefined as never,
          links,
          logger: mockServices.logger.mock(),
          threshold: 0,
          windowMs: minutes(5),
        }),
    ).toThrow(/permissionDenials.threshold must be a positive integer, got 0/);
  });
});

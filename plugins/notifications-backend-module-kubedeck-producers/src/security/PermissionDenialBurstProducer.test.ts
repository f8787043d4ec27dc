import { mockServices } from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import {
  PERMISSION_DENIED_TOPIC,
  PermissionDeniedEvent,
} from '@kubedeck/plugin-kubedeck-node';
import { PortalLinks } from '../events';
import { recordingBroker } from '../__testUtils__/events';
import { PermissionDenialBurstProducer } from './PermissionDenialBurstProducer';

const start = Date.parse('2026-11-26T12:00:00Z');
const minutes = (n: number) => n * 60_000;

async function setup() {
  const recording = await recordingBroker();
  const logger = mockServices.logger.mock();
  const events = DefaultEventsService.create({ logger });
  await new PermissionDenialBurstProducer({
    broker: recording.broker,
    links: new PortalLinks('https://portal.example.com'),
    logger,
    threshold: 3,
    windowMs: minutes(5),
  }).start(events);
  const deny = async (
    userEntityRef: string,
    offsetMs: number,
    permission = 'kubedeck.clusters.exec',
  ) => {
    const eventPayload: PermissionDeniedEvent = {
      userEntityRef,
      permission,
      at: new Date(start + offsetMs).toISOString(),
    };
    await events.publish({ topic: PERMISSION_DENIED_TOPIC, eventPayload });
  };
  return { ...recording, deny, logger };
}

describe('PermissionDenialBurstProducer', () => {
  it("raises one security event when a user's denials reach the threshold within the window", async () => {
    const { deny, next, events } = await setup();

    await deny('user:default/mallory', 0, 'kubedeck.clusters.secret.read');
    await deny('user:default/mallory', minutes(1));
    await deny('user:default/mallory', minutes(2));
    // More of the same burst: already announced.
    await deny('user:default/mallory', minutes(3));
    await deny('user:default/mallory', minutes(4));

    expect(await next(() => true)).toMatchObject({
      topic: 'alerts.security',
      severity: 'high',
      object: { kind: 'User', name: 'user:default/mallory' },
      title: 'user:default/mallory was denied 3 permissions within 5 minute(s)',
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
  });

  it('does not count denials spread wider than the window, nor other users', async () => {
    const { deny, events } = await setup();

    await deny('user:default/vic', 0);
    await deny('user:default/vic', minutes(3));
    await deny('user:default/ann', minutes(4));
    await deny('user:default/vic', minutes(6));
    await deny('user:default/vic', minutes(9));

    expect(events).toHaveLength(0);
  });

  it('announces a new burst once a window has passed after the last one', async () => {
    const { deny, events } = await setup();

    for (const offset of [0, 1, 2]) {
      await deny('user:default/mallory', minutes(offset));
    }
    for (const offset of [10, 11, 12]) {
      await deny('user:default/mallory', minutes(offset));
    }

    expect(events).toHaveLength(2);
    expect(events[0].fingerprint).not.toBe(events[1].fingerprint);
    expect(events[0].id).not.toBe(events[1].id);
  });

  it('ignores malformed payloads', async () => {
    const { events, logger } = await setup();
    const producer = new PermissionDenialBurstProducer({
      broker: (await recordingBroker()).broker,
      links: new PortalLinks('https://portal.example.com'),
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
          broker: undefined as never,
          links: new PortalLinks('https://portal.example.com'),
          logger: mockServices.logger.mock(),
          threshold: 0,
          windowMs: minutes(5),
        }),
    ).toThrow(/permissionDenials.threshold must be a positive integer, got 0/);
  });
});

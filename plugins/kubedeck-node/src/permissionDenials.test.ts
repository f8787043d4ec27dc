import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import {
  EventsPermissionDenials,
  PERMISSION_DENIED_TOPIC,
  PermissionDeniedEvent,
} from './permissionDenials';

describe('EventsPermissionDenials', () => {
  async function setup() {
    const logger = mockServices.logger.mock();
    const events = DefaultEventsService.create({ logger });
    const received: PermissionDeniedEvent[] = [];
    await events.subscribe({
      id: 'test',
      topics: [PERMISSION_DENIED_TOPIC],
      onEvent: async ({ eventPayload }) => {
        received.push(eventPayload as PermissionDeniedEvent);
      },
    });
    const denials = new EventsPermissionDenials({
      events,
      logger,
      now: () => new Date('2026-11-26T12:00:00Z'),
    });
    return { denials, received };
  }

  it('announces the user, the permission and the time', async () => {
    const { denials, received } = await setup();

    denials.announce(mockCredentials.user('user:default/vic'), {
      name: 'kubedeck.clusters.exec',
    });
    await new Promise(resolve => setImmediate(resolve));

    expect(received).toEqual([
      {
        userEntityRef: 'user:default/vic',
        permission: 'kubedeck.clusters.exec',
        at: '2026-11-26T12:00:00.000Z',
      },
    ]);
  });

  it('does not announce refusals to services', async () => {
    const { denials, received } = await setup();

    denials.announce(mockCredentials.service('plugin:catalog'), {
      name: 'kubedeck.clusters.exec',
    });
    await new Promise(resolve => setImmediate(resolve));

    expect(received).toEqual([]);
  });
});

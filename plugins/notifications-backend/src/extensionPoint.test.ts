import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  NotificationChannelType,
  notificationChannelsExtensionPoint,
} from '@kubedeck/plugin-notifications-node';
import request from 'supertest';
import { z } from 'zod';
import { notificationsPlugin } from './plugin';
import {
  ADMIN,
  catalog,
  rolePermissions,
  testSecretsKey,
} from './__testUtils__/backend';

const pager: NotificationChannelType = {
  type: 'pager',
  title: 'Pager',
  configSchema: z.object({ service: z.string() }),
  secretsSchema: z.object({}),
  async send() {},
};

const moduleAdding = (type: NotificationChannelType) =>
  createBackendModule({
    pluginId: 'kubedeck-notifications',
    moduleId: `channel-${type.type}`,
    register(env) {
      env.registerInit({
        deps: { channels: notificationChannelsExtensionPoint },
        async init({ channels }) {
          channels.addChannelType(type);
        },
      });
    },
  });

const features = [
  notificationsPlugin,
  catalog(),
  rolePermissions,
  mockServices.rootConfig.factory({
    data: { kubedeck: { secrets: { keys: [testSecretsKey] } } },
  }),
];

describe('notificationChannelsExtensionPoint', () => {
  it('lets a module add a channel type that admins can then configure', async () => {
    const { server } = await startTestBackend({
      features: [...features, moduleAdding(pager)],
    });
    const auth = { Authorization: mockCredentials.user.header(ADMIN) };
    const types = await request(server)
      .get('/api/kubedeck-notifications/channel-types')
      .set(auth);
    expect(types.body.items).toContainEqual({
      type: 'pager',
      title: 'Pager',
      personal: false,
      fields: [
        {
          name: 'service',
          label: 'Service',
          kind: 'text',
          required: true,
          secret: false,
        },
      ],
    });
    const created = await request(server)
      .post('/api/kubedeck-notifications/channels')
      .set(auth)
      .send({ name: 'On call', type: 'pager', config: { service: 'shop' } });
    expect(created.status).toBe(201);
  });

  it('refuses a second channel type with the same id', async () => {
    await expect(
      startTestBackend({
        features: [...features, moduleAdding({ ...pager, type: 'slack' })],
      }),
    ).rejects.toThrow(/'slack' is already registered/);
  });
});

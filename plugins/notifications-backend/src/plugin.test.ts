import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  MessageBroker,
  publishKubedeckEvent,
} from '@kubedeck/plugin-notifications-node';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import backstageNotificationsPlugin from '@backstage/plugin-notifications-backend';
import {
  deliveriesResponseSchema,
  notificationChannelSchema,
  preferencesResponseSchema,
} from '@kubedeck/plugin-notifications-common';
import request from 'supertest';
import { notificationsPlugin } from './plugin';
import {
  ADMIN,
  ALICE,
  BOB,
  brokerProbe,
  catalog,
  clusters,
  eventually,
  rolePermissions,
  testSecretsKey,
} from './__testUtils__/backend';
import { startHttpReceiver } from './__testUtils__/servers';

jest.setTimeout(30_000);

const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});

const auditEvents: Array<{ eventId: string; meta?: object; outcome?: string }> =
  [];

/** Records audit events as the Kubedeck audit plugin would receive them. */
const recordingAuditor = createServiceFactory({
  service: coreServices.auditor,
  deps: {},
  factory: () => ({
    async createEvent(options) {
      const event: (typeof auditEvents)[number] = {
        eventId: options.eventId,
        meta: options.meta,
      };
      auditEvents.push(event);
      return {
        success: async () => void (event.outcome = 'success'),
        fail: async () => void (event.outcome = 'failure'),
      };
    },
  }),
});

async function start() {
  let broker!: MessageBroker;
  const { server } = await startTestBackend({
    features: [
      notificationsPlugin,
      backstageNotificationsPlugin,
      brokerProbe(b => (broker = b)),
      catalog(),
      clusters,
      rolePermissions,
      recordingAuditor,
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://portal.example.com' },
          kubedeck: {
            secrets: { keys: [testSecretsKey] },
            notifications: { allowPrivateNetworks: ['127.0.0.1'] },
          },
        },
      }),
    ],
  });
  return { server, broker };
}

const crashLoop = {
  cluster: 'demo',
  namespace: 'shop',
  object: { kind: 'Pod', name: 'cart-1' },
  entityRef: 'component:default/shop-cart',
  severity: 'critical' as const,
  category: 'alerts.critical' as const,
  title: 'cart-1 is in CrashLoopBackOff',
  fingerprint: 'demo/shop/Pod/cart-1/CrashLoopBackOff',
  link: '/kubedeck/clusters/demo/namespaces/shop/pods/cart-1',
};

async function inbox(server: any, user: string) {
  const res = await request(server)
    .get('/api/notifications/notifications')
    .set(as(user));
  expect(res.status).toBe(200);
  return res.body.notifications as Array<{ payload: any }>;
}

// One backend for the file: better-sqlite3 aborts the process when many backends are created
// and garbage-collected within one jest worker.
let backend: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  backend = await start();
});

describe('kubedeck-notifications plugin', () => {
  it('lights the Backstage bell once per group for the owners, then marks it resolved', async () => {
    const { server, broker } = backend;
    await publishKubedeckEvent(broker, crashLoop);
    await publishKubedeckEvent(broker, crashLoop);
    const first = await eventually(async () => {
      const items = await inbox(server, ALICE);
      return items.length > 0 && items;
    });
    expect(first).toHaveLength(1);
    expect(first[0].payload).toMatchObject({
      topic: 'alerts.critical',
      severity: 'critical',
      // A path, so the inbox opens the pod page in the same tab.
      link: '/kubedeck/clusters/demo/namespaces/shop/pods/cart-1',
    });
    await publishKubedeckEvent(broker, { ...crashLoop, resolved: true });
    const resolved = await eventually(async () => {
      const items = await inbox(server, ALICE);
      return items[0]?.payload.title.startsWith('Resolved:') && items;
    });
    expect(resolved).toHaveLength(1);
    // Backstage draws `normal` with a check mark: kept for what is over.
    expect(resolved[0].payload.severity).toBe('normal');
    expect(await inbox(server, BOB)).toHaveLength(0);
  });

  it('lets only admins manage channels and never shows a secret', async () => {
    const { server } = backend;
    const slack = await startHttpReceiver();
    const body = {
      name: 'Ops Slack',
      type: 'slack',
      secrets: { webhookUrl: `${slack.url}/services/T000/B000/SECRETVALUE` },
      routing: { categories: ['alerts.critical'] },
    };
    expect(
      (
        await request(server)
          .post('/api/kubedeck-notifications/channels')
          .set(as(ALICE))
          .send(body)
      ).status,
    ).toBe(403);
    expect(
      (
        await request(server)
          .get('/api/kubedeck-notifications/channels')
          .set(as(ALICE))
      ).status,
    ).toBe(403);
    expect(
      (
        await request(server)
          .post('/api/kubedeck-notifications/channels')
          .set('Authorization', mockCredentials.none.header())
          .send(body)
      ).status,
    ).toBe(401);

    const types = await request(server)
      .get('/api/kubedeck-notifications/channel-types')
      .set(as(ADMIN));
    expect(types.body.items).toContainEqual({
      type: 'slack',
      title: expect.any(String),
      personal: false,
      fields: [
        {
          name: 'webhookUrl',
          label: 'Incoming webhook URL',
          kind: 'text',
          required: true,
          secret: true,
        },
      ],
    });

    const created = await request(server)
      .post('/api/kubedeck-notifications/channels')
      .set(as(ADMIN))
      .send(body);
    expect(created.status).toBe(201);
    expect(created.body.secrets).toEqual({ webhookUrl: { configured: true } });
    expect(() => notificationChannelSchema.parse(created.body)).not.toThrow();
    expect(JSON.stringify(created.body)).not.toContain('SECRETVALUE');

    const listed = await request(server)
      .get('/api/kubedeck-notifications/channels')
      .set(as(ADMIN));
    expect(JSON.stringify(listed.body)).not.toContain('SECRETVALUE');

    const tested = await request(server)
      .post(`/api/kubedeck-notifications/channels/${created.body.id}/test`)
      .set(as(ADMIN));
    expect(tested.body).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(slack.requests[0].url).toBe('/services/T000/B000/SECRETVALUE');

    const history = await request(server)
      .get(
        `/api/kubedeck-notifications/deliveries?kind=test&channel=${created.body.id}&status=delivered`,
      )
      .set(as(ADMIN));
    expect(() => deliveriesResponseSchema.parse(history.body)).not.toThrow();
    expect(history.body).toMatchObject({
      totalCount: 1,
      items: [
        {
          kind: 'test',
          channelType: 'slack',
          status: 'delivered',
          attempts: 1,
        },
      ],
    });
    expect(
      (
        await request(server)
          .get('/api/kubedeck-notifications/deliveries?limit=9999')
          .set(as(ADMIN))
      ).status,
    ).toBe(400);

    const disabled = await request(server)
      .post(`/api/kubedeck-notifications/channels/${created.body.id}/disable`)
      .set(as(ADMIN));
    expect(disabled.body.enabled).toBe(false);
    expect(
      (
        await request(server)
          .delete(`/api/kubedeck-notifications/channels/${created.body.id}`)
          .set(as(ALICE))
      ).status,
    ).toBe(403);
    expect(
      (
        await request(server)
          .delete(`/api/kubedeck-notifications/channels/${created.body.id}`)
          .set(as(ADMIN))
      ).status,
    ).toBe(204);
    expect(auditEvents.map(e => `${e.eventId}:${e.outcome}`)).toEqual(
      expect.arrayContaining([
        'channel-create:success',
        'channel-test:success',
        'channel-disable:success',
        'channel-delete:success',
      ]),
    );
    expect(JSON.stringify(auditEvents)).not.toContain('SECRETVALUE');
    await slack.close();
  });

  it('answers bad input with a 400 that says what is wrong', async () => {
    const { server } = backend;
    const res = await request(server)
      .post('/api/kubedeck-notifications/channels')
      .set(as(ADMIN))
      .send({
        name: 'Hook',
        type: 'webhook',
        config: { url: 'ftp://x' },
        secrets: {},
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /Invalid webhook config: url: must be an http or https URL/,
    );

    const unknown = await request(server)
      .post('/api/kubedeck-notifications/channels')
      .set(as(ADMIN))
      .send({ name: 'X', type: 'pager' });
    expect(unknown.body.error.message).toMatch(/Unknown channel type 'pager'/);

    const prefs = await request(server)
      .put('/api/kubedeck-notifications/preferences')
      .set(as(ALICE))
      .send({
        preferences: [
          { category: 'alerts.info', channel: 'inbox', frequency: 'hourly' },
        ],
      });
    expect(prefs.status).toBe(400);
    expect(prefs.body.error.message).toMatch(/preferences.0.frequency/);

    const unknownCluster = await request(server)
      .put('/api/kubedeck-notifications/preferences')
      .set(as(ALICE))
      .send({ preferences: [], subscriptions: [{ cluster: 'prod-eu' }] });
    expect(unknownCluster.status).toBe(400);
    expect(unknownCluster.body.error.message).toBe(
      "Invalid subscriptions: cluster 'prod-eu' is not a cluster this portal knows",
    );
    const kept = await request(server)
      .get('/api/kubedeck-notifications/preferences')
      .set(as(ALICE));
    expect(kept.body.subscriptions).not.toContainEqual({ cluster: 'prod-eu' });
  });

  it('lets users change only their own preferences', async () => {
    const { server } = backend;
    const put = await request(server)
      .put('/api/kubedeck-notifications/preferences')
      .set(as(ALICE))
      .send({
        preferences: [
          { category: 'alerts.info', channel: 'inbox', frequency: 'weekly' },
        ],
        subscriptions: [{ cluster: 'demo', namespace: 'shop' }],
      });
    expect(put.status).toBe(204);

    const alice = await request(server)
      .get('/api/kubedeck-notifications/preferences')
      .set(as(ALICE));
    expect(alice.body.preferences).toContainEqual({
      category: 'alerts.info',
      channel: 'inbox',
      frequency: 'weekly',
      isDefault: false,
    });
    expect(() => preferencesResponseSchema.parse(alice.body)).not.toThrow();
    expect(alice.body.subscriptions).toEqual([
      { cluster: 'demo', namespace: 'shop' },
    ]);

    const bob = await request(server)
      .get('/api/kubedeck-notifications/preferences')
      .set(as(BOB));
    expect(bob.body.preferences).toContainEqual({
      category: 'alerts.info',
      channel: 'inbox',
      frequency: 'daily',
      isDefault: true,
    });
    expect(bob.body.subscriptions).toEqual([]);
    expect(
      (
        await request(server)
          .get('/api/kubedeck-notifications/deliveries')
          .set(as(BOB))
      ).status,
    ).toBe(403);
  });
});

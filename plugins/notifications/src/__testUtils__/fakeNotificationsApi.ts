import {
  ALERT_CATEGORIES,
  DEFAULT_FREQUENCIES,
  Delivery,
  NotificationChannel,
  PreferencesResponse,
} from '@kubedeck/plugin-notifications-common';
import { KubedeckNotificationsApi } from '../api';
import { channelTypes } from './channelTypes';

/** A secret value the fake backend holds; the UI must never show it. */
export const SLACK_WEBHOOK_SECRET =
  'https://hooks.slack.example/services/T000/B000/super-secret-token';

export function channel(
  overrides: Partial<NotificationChannel> = {},
): NotificationChannel {
  return {
    id: 'ch-slack',
    name: 'Ops Slack',
    type: 'slack',
    enabled: true,
    personal: false,
    config: {},
    secrets: { webhookUrl: { configured: true } },
    routing: { categories: ['alerts.critical', 'alerts.operations'] },
    createdAt: '2026-11-26T10:00:00.000Z',
    updatedAt: '2026-11-26T10:00:00.000Z',
    ...overrides,
  };
}

export function delivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: 'd1',
    kind: 'alert',
    category: 'alerts.critical',
    severity: 'critical',
    title: 'Pod web-1 is in CrashLoopBackOff',
    cluster: 'demo',
    recipient: 'user:default/guest',
    channel: 'ch-slack',
    channelType: 'slack',
    status: 'delivered',
    attempts: 1,
    createdAt: '2026-11-26T12:00:00.000Z',
    updatedAt: '2026-11-26T12:00:01.000Z',
    deliveredAt: '2026-11-26T12:00:01.000Z',
    ...overrides,
  };
}

export function preferences(): PreferencesResponse {
  const channels = [
    { id: 'inbox', name: 'Inbox', type: 'inbox' },
    { id: 'ch-email', name: 'Work email', type: 'email' },
  ];
  return {
    channels,
    subscriptions: [],
    preferences: ALERT_CATEGORIES.flatMap(category =>
      channels.map(c => ({
        category,
        channel: c.id,
        frequency: DEFAULT_FREQUENCIES[category],
        isDefault: true,
      })),
    ),
  };
}

/** A fake of the whole API with jest mocks; pass overrides for what a test cares about. */
export function fakeNotificationsApi(
  overrides: Partial<KubedeckNotificationsApi> = {},
) {
  return {
    getPreferences: jest.fn(async () => preferences()),
    updatePreferences: jest.fn(async () => {}),
    getChannelTypes: jest.fn(async () => channelTypes),
    listChannels: jest.fn(async () => [channel()]),
    getChannel: jest.fn(async () => channel()),
    createChannel: jest.fn(async () => channel()),
    updateChannel: jest.fn(async () => channel()),
    setChannelEnabled: jest.fn(async (_id: string, enabled: boolean) =>
      channel({ enabled }),
    ),
    deleteChannel: jest.fn(async () => {}),
    testChannel: jest.fn(async () => ({
      status: 'delivered' as const,
      attempts: 1,
    })),
    listClusters: jest.fn(async () => ['demo']),
    listNamespaces: jest.fn(async () => ['default']),
    listDeliveries: jest.fn(async () => ({
      items: [
        delivery(),
        delivery({
          id: 'd2',
          status: 'failed',
          attempts: 5,
          lastError: 'Slack answered 404: no_service',
          title: 'Node worker-2 is NotReady',
        }),
      ],
      totalCount: 2,
    })),
    ...overrides,
  } satisfies KubedeckNotificationsApi;
}

import {
  createChannelRequestSchema,
  subscriptionSchema,
  updatePreferencesRequestSchema,
} from './api';
import { kubedeckEventSchema } from './types';

describe('notification API schemas', () => {
  it('fills channel defaults and rejects a bad type', () => {
    const parsed = createChannelRequestSchema.parse({
      name: 'Ops Slack',
      type: 'slack',
      secrets: { webhookUrl: 'https://hooks.slack.test/x' },
    });
    expect(parsed.enabled).toBe(true);
    expect(parsed.config).toEqual({});
    expect(
      createChannelRequestSchema.safeParse({ name: 'x', type: 'Bad Type' })
        .success,
    ).toBe(false);
  });

  it('refuses an empty subscription and unknown frequencies', () => {
    expect(subscriptionSchema.safeParse({}).success).toBe(false);
    expect(
      updatePreferencesRequestSchema.safeParse({
        preferences: [
          { category: 'alerts.info', channel: 'inbox', frequency: 'hourly' },
        ],
      }).success,
    ).toBe(false);
  });

  it('accepts a typed event and rejects an unknown category', () => {
    const event = {
      cluster: 'demo',
      namespace: 'shop',
      object: { kind: 'Pod', name: 'cart-1' },
      severity: 'critical',
      category: 'alerts.critical',
      title: 'CrashLoopBackOff',
      fingerprint: 'demo/shop/Pod/cart-1/CrashLoopBackOff',
    };
    expect(kubedeckEventSchema.parse(event)).toEqual(event);
    expect(
      kubedeckEventSchema.safeParse({ ...event, category: 'alerts.other' })
        .success,
    ).toBe(false);
  });
});

import { ChannelMessage } from '@kubedeck/plugin-notifications-node';
import { DeliveryRecord } from '../database';
import { inboxPayload } from './messages';

const delivery = {
  groupId: 'group-1',
  idempotencyKey: 'key-1',
} as DeliveryRecord;

const alert = (over: Partial<ChannelMessage>): ChannelMessage => ({
  kind: 'alert',
  title: 'Job migrate failed',
  severity: 'medium',
  category: 'alerts.operations',
  link: 'https://portal.example.com/clusters/demo/namespaces/shop/jobs/migrate',
  cluster: 'demo',
  namespace: 'shop',
  count: 1,
  resolved: false,
  idempotencyKey: 'key-1',
  ...over,
});

describe('inboxPayload', () => {
  it("shows open problems with a warning sign and keeps Backstage's check mark for resolutions", () => {
    const base = 'https://portal.example.com';
    const severity = (over: Partial<ChannelMessage>) =>
      inboxPayload(delivery, alert(over), base).severity;
    expect(severity({ severity: 'critical' })).toBe('critical');
    expect(severity({ severity: 'high' })).toBe('high');
    expect(severity({ severity: 'medium' })).toBe('high');
    expect(severity({ severity: 'info' })).toBe('low');
    expect(severity({ severity: 'critical', resolved: true })).toBe('normal');
  });

  it('counts repeats in the title and links to the object inside the portal', () => {
    const payload = inboxPayload(
      delivery,
      alert({ count: 3, description: 'Failed pods: 3\nFix: read the logs' }),
      'https://portal.example.com',
    );
    expect(payload).toMatchObject({
      title: 'Job migrate failed (×3)',
      description: 'Failed pods: 3 · Fix: read the logs · demo/shop',
      link: '/clusters/demo/namespaces/shop/jobs/migrate',
      topic: 'alerts.operations',
      scope: 'kubedeck:group-1',
    });
  });
});

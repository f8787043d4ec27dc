import { InMemoryMessageBroker } from './broker/InMemoryMessageBroker';
import { recorder } from './broker/contractTests';
import { publishKubedeckEvent } from './publish';

describe('publishKubedeckEvent', () => {
  it('publishes a validated event on its category topic keyed by fingerprint', async () => {
    const broker = new InMemoryMessageBroker();
    const rec = recorder();
    await broker.subscribe('alerts.critical', 'test', rec.handler);
    const sent = await publishKubedeckEvent(broker, {
      cluster: 'demo',
      namespace: 'shop',
      object: { kind: 'Pod', name: 'cart-1' },
      severity: 'critical',
      category: 'alerts.critical',
      title: 'cart-1 is in CrashLoopBackOff',
      fingerprint: 'demo/shop/Pod/cart-1/CrashLoopBackOff',
    });
    await rec.waitFor(1);
    expect(sent.id).toBeDefined();
    expect(rec.received[0].key).toBe('demo/shop/Pod/cart-1/CrashLoopBackOff');
    expect(rec.received[0].value).toMatchObject({
      id: sent.id,
      cluster: 'demo',
    });
    await expect(
      publishKubedeckEvent(broker, { cluster: 'demo' } as any),
    ).rejects.toThrow();
    await broker.close();
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import { generate } from 'selfsigned';
import { PortalLinks } from '../events';
import { recordingBroker } from '../__testUtils__/events';
import { startSimCluster } from '../__testUtils__/simCluster';
import { CertificateExpiryProducer } from './CertificateExpiryProducer';

jest.setTimeout(60_000);

function tlsSecret(name: string, days: number) {
  const pems = generate(
    [{ name: 'commonName', value: `${name}.example.com` }],
    {
      days,
      keySize: 2048,
    },
  );
  return {
    pems,
    secret: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, namespace: 'default' },
      type: 'kubernetes.io/tls',
      data: {
        'tls.crt': Buffer.from(pems.cert).toString('base64'),
        'tls.key': Buffer.from(pems.private).toString('base64'),
      },
    },
  };
}

describe('CertificateExpiryProducer', () => {
  it('announces a certificate expiring within the window, not a far-future one', async () => {
    const cluster = await startSimCluster();
    const { broker, events, next } = await recordingBroker();
    try {
      const expiring = tlsSecret('shop-tls', 3);
      const fresh = tlsSecret('api-tls', 365);
      for (const { secret } of [expiring, fresh]) {
        await cluster.kube(
          '/api/v1/namespaces/default/secrets',
          'POST',
          secret,
        );
      }

      await new CertificateExpiryProducer({
        access: cluster.access,
        broker,
        links: new PortalLinks('http://localhost:3000'),
        logger: mockServices.logger.mock(),
        expiryDays: 14,
      }).checkAll(['sim']);

      const event = await next(() => true);
      expect(event).toMatchObject({
        topic: 'alerts.security',
        severity: 'high',
        cluster: 'sim',
        namespace: 'default',
        object: { kind: 'Secret', name: 'shop-tls' },
        fingerprint: 'sim/default/Secret/shop-tls/CertificateExpiring',
        link: 'http://localhost:3000/clusters/sim',
      });
      expect(event.title).toMatch(/expires in [34] day/);
      expect(event.description).toContain('CN=shop-tls.example.com');
      const published = JSON.stringify(events);
      for (const value of Object.values(expiring.secret.data)) {
        expect(published).not.toContain(value);
      }
      expect(published).not.toContain('PRIVATE KEY');
      expect(published).not.toContain('api-tls');
      expect(events).toHaveLength(1);
    } finally {
      await cluster.close();
    }
  });
});

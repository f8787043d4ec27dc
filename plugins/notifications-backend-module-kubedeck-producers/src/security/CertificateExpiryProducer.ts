import { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterAccessService } from '@kubedeck/plugin-clusters-node';
import type { KubedeckEvent } from '@kubedeck/plugin-notifications-common';
import {
  MessageBroker,
  publishKubedeckEvent,
} from '@kubedeck/plugin-notifications-node';
import { eventIdOf, fingerprintOf, PortalLinks } from '../events';
import { CertificateFacts, readLeafCertificate } from './certificates';

const DAY_MS = 24 * 60 * 60 * 1000;

type TlsSecret = {
  metadata: { name: string; namespace: string };
  data?: Record<string, string>;
};

/**
 * Finds `kubernetes.io/tls` secrets whose certificate expires within the configured number of
 * days (or has expired) and publishes one `alerts.security` event per secret and day. Only the
 * certificate's subject, issuer and expiry go into the event, never secret data.
 */
export class CertificateExpiryProducer {
  constructor(
    private readonly options: {
      access: ClusterAccessService;
      broker: MessageBroker;
      links: PortalLinks;
      logger: LoggerService;
      expiryDays: number;
      now?: () => Date;
    },
  ) {}

  async checkAll(clusters: string[]): Promise<void> {
    for (const cluster of clusters) {
      try {
        await this.checkCluster(cluster);
      } catch (error) {
        this.options.logger.warn(
          `Certificate expiry check of ${cluster} failed: ${
            (error as Error).message
          }`,
        );
      }
    }
  }

  async checkCluster(cluster: string): Promise<void> {
    const client = await this.options.access.forPlugin({ cluster });
    const list = await client.requestJson<{ items?: TlsSecret[] }>({
      path: '/api/v1/secrets',
      query: { fieldSelector: 'type=kubernetes.io/tls' },
    });
    const now = this.options.now?.() ?? new Date();
    const deadline = now.getTime() + this.options.expiryDays * DAY_MS;
    for (const secret of list.items ?? []) {
      const certificate = readLeafCertificate(secret.data?.['tls.crt']);
      if (
        !certificate ||
        certificate.notAfter.getTime() > deadline ||
        !(await client.namespaces.allows(secret.metadata.namespace))
      ) {
        continue;
      }
      await publishKubedeckEvent(
        this.options.broker,
        this.#event(cluster, secret, certificate, now),
      );
    }
  }

  #event(
    cluster: string,
    secret: TlsSecret,
    certificate: CertificateFacts,
    now: Date,
  ): KubedeckEvent {
    const { name, namespace } = secret.metadata;
    const subject = { cluster, namespace, kind: 'Secret', name };
    const expired = certificate.notAfter.getTime() <= now.getTime();
    const days = Math.ceil(
      (certificate.notAfter.getTime() - now.getTime()) / DAY_MS,
    );
    const notAfter = certificate.notAfter.toISOString();
    return {
      id: eventIdOf(
        'certificate-expiry',
        cluster,
        namespace,
        name,
        notAfter,
        now.toISOString().slice(0, 10),
      ),
      cluster,
      namespace,
      object: { kind: 'Secret', name, apiVersion: 'v1' },
      severity: expired ? 'critical' : 'high',
      category: 'alerts.security',
      title: (expired
        ? `The certificate in TLS secret ${namespace}/${name} on ${cluster} has expired`
        : `The certificate in TLS secret ${namespace}/${name} on ${cluster} expires in ${days} day(s)`
      ).slice(0, 500),
      description: [
        `Subject: ${certificate.subject}`,
        `Issuer: ${certificate.issuer}`,
        `Not after: ${notAfter}`,
      ].join('\n'),
      fingerprint: fingerprintOf(subject, 'CertificateExpiring'),
      link: this.options.links.objectPage(subject),
      source: 'clusters.certificate-expiry',
    };
  }
}

import { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterDefinition } from '@kubedeck/plugin-clusters-node';
import type { KubedeckEvent } from '@kubedeck/plugin-notifications-common';
import {
  MessageBroker,
  publishKubedeckEvent,
} from '@kubedeck/plugin-notifications-node';
import { eventIdOf, fingerprintOf, PortalLinks } from '../events';
import { KnownClusterStore } from './KnownClusterStore';

/**
 * Announces a cluster on `alerts.info` the first time it appears in the cluster list. The
 * clusters present while the store is still empty (the module was just installed) are recorded
 * without an announcement. A cluster is recorded only after its event was published; the
 * event id is derived from the cluster name, so a repeat after a crash is recognised.
 */
export class ClusterAddedProducer {
  constructor(
    private readonly options: {
      store: KnownClusterStore;
      broker: MessageBroker;
      links: PortalLinks;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async check(clusters: ClusterDefinition[]): Promise<void> {
    const { store, broker, logger } = this.options;
    const now = this.options.now?.() ?? new Date();
    const baseline = await store.isEmpty();
    const unknown = await store.unknown(clusters.map(c => c.name));
    if (baseline) {
      await store.add(unknown, now);
      logger.info(`Recorded ${unknown.length} existing cluster(s)`);
      return;
    }
    for (const cluster of clusters.filter(c => unknown.includes(c.name))) {
      await publishKubedeckEvent(broker, this.#event(cluster));
      await store.add([cluster.name], now);
    }
  }

  #event(cluster: ClusterDefinition): KubedeckEvent {
    const subject = {
      cluster: cluster.name,
      kind: 'Cluster',
      name: cluster.name,
    };
    return {
      id: eventIdOf('cluster-added', cluster.name),
      cluster: cluster.name,
      object: { kind: 'Cluster', name: cluster.name },
      severity: 'info',
      category: 'alerts.info',
      title: `Cluster ${cluster.title ?? cluster.name} was added`.slice(0, 500),
      description: `Connection: ${cluster.connectionType}`,
      fingerprint: fingerprintOf(subject, 'ClusterAdded'),
      link: this.options.links.objectPage(subject),
      source: 'clusters.registry',
    };
  }
}

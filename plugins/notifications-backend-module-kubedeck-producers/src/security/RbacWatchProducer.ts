import { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ClusterAccessService,
  ClusterClient,
} from '@kubedeck/plugin-clusters-node';
import {
  MessageBroker,
  publishKubedeckEvent,
} from '@kubedeck/plugin-notifications-node';
import type { KubernetesObject } from '@kubernetes/client-node';
import { PortalLinks } from '../events';
import { RbacCollectionWatch } from './RbacCollectionWatch';
import {
  RBAC_RESOURCES,
  RbacChange,
  rbacChangeToEvent,
  RbacKind,
} from './rbacEvents';

const RBAC_API = '/apis/rbac.authorization.k8s.io/v1';

/**
 * Watches Roles, ClusterRoles, RoleBindings and ClusterRoleBindings in every cluster with the
 * plugin's own cluster credentials and publishes each change (not the initial list) to
 * `alerts.security`. Changes in namespaces hidden by the cluster's filters are not announced.
 */
export class RbacWatchProducer {
  readonly #clusters = new Map<
    string,
    { client: ClusterClient; watches: RbacCollectionWatch[] }
  >();
  /** Publications run one after another, in the order the watches saw the changes. */
  #published: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      access: ClusterAccessService;
      broker: MessageBroker;
      links: PortalLinks;
      logger: LoggerService;
    },
  ) {}

  /**
   * Watches the given clusters: starts new watches, restarts failed ones and stops the watches
   * of clusters no longer listed. Resolves once every watch has been (re)started.
   */
  async sync(clusters: string[]): Promise<void> {
    for (const [cluster, { watches }] of this.#clusters) {
      if (!clusters.includes(cluster)) {
        this.#clusters.delete(cluster);
        await Promise.all(watches.map(w => w.stop()));
      }
    }
    await Promise.all(clusters.map(cluster => this.#syncCluster(cluster)));
  }

  async stop(): Promise<void> {
    const all = [...this.#clusters.values()].flatMap(c => c.watches);
    this.#clusters.clear();
    await Promise.all(all.map(w => w.stop()));
  }

  async #syncCluster(cluster: string): Promise<void> {
    let client: ClusterClient;
    try {
      client = await this.options.access.forPlugin({ cluster });
    } catch (error) {
      this.#warn(cluster, error);
      return;
    }
    let entry = this.#clusters.get(cluster);
    if (entry) {
      entry.client = client;
    } else {
      const created = {
        client,
        watches: RBAC_RESOURCES.map(
          ({ kind, plural }) =>
            new RbacCollectionWatch(
              `${RBAC_API}/${plural}`,
              (change, object) => {
                this.#published = this.#published.then(() =>
                  this.#publish(created.client, kind, change, object),
                );
              },
              error => this.#warn(cluster, error, plural),
            ),
        ),
      };
      entry = created;
      this.#clusters.set(cluster, entry);
    }
    await Promise.all(entry.watches.map(w => w.ensure(client)));
  }

  async #publish(
    client: ClusterClient,
    kind: RbacKind,
    change: RbacChange,
    object: KubernetesObject,
  ): Promise<void> {
    const namespace = object.metadata?.namespace;
    try {
      if (namespace && !(await client.namespaces.allows(namespace))) {
        return;
      }
      await publishKubedeckEvent(
        this.options.broker,
        rbacChangeToEvent(
          { cluster: client.name, kind, change, object },
          this.options.links,
        ),
      );
    } catch (error) {
      this.options.logger.warn(
        `Could not publish the ${change} ${kind} ${object.metadata?.name} on ${client.name}: ${error}`,
      );
    }
  }

  #warn(cluster: string, error: unknown, plural?: string) {
    const what = plural ? `${plural} ` : '';
    this.options.logger.warn(
      `RBAC watch ${what}on ${cluster} failed, retrying on the next sync: ${
        (error as Error)?.message ?? error
      }`,
    );
  }
}

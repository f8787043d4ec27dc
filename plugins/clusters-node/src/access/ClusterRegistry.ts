import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { ClusterDefinition } from '../cluster';
import type { ClusterSupplier } from '../extensions';

/**
 * The backend-wide list of clusters. The clusters plugin registers its suppliers (config,
 * kubeconfig, in-cluster, demo and any added through `clustersSupplierExtensionPoint`); every
 * plugin reads clusters from here, usually through `clusterAccessServiceRef`.
 *
 * @public
 */
export interface ClusterRegistryService {
  addSuppliers(suppliers: ClusterSupplier[]): void;
  listClusters(): Promise<ClusterDefinition[]>;
  getCluster(name: string): Promise<ClusterDefinition | undefined>;
}

const DEFAULT_REFRESH_MS = 15_000;

/**
 * Collects the clusters of every supplier, at most once per refresh interval. A failing
 * supplier is logged and contributes nothing; it never hides the other clusters.
 *
 * @public
 */
export class DefaultClusterRegistry implements ClusterRegistryService {
  readonly #suppliers: ClusterSupplier[] = [];
  readonly #logger: LoggerService;
  readonly #refreshMs: number;
  #cached?: { at: number; clusters: Promise<ClusterDefinition[]> };

  constructor(options: { logger: LoggerService; refreshMs?: number }) {
    this.#logger = options.logger;
    this.#refreshMs = options.refreshMs ?? DEFAULT_REFRESH_MS;
  }

  addSuppliers(suppliers: ClusterSupplier[]): void {
    this.#suppliers.push(...suppliers);
    this.#cached = undefined;
  }

  async listClusters(): Promise<ClusterDefinition[]> {
    const now = Date.now();
    if (!this.#cached || now - this.#cached.at > this.#refreshMs) {
      this.#cached = { at: now, clusters: this.#collect() };
    }
    return this.#cached.clusters;
  }

  async getCluster(name: string): Promise<ClusterDefinition | undefined> {
    return (await this.listClusters()).find(cluster => cluster.name === name);
  }

  async #collect(): Promise<ClusterDefinition[]> {
    const results = await Promise.all(
      this.#suppliers.map(async supplier => {
        try {
          return await supplier.getClusters();
        } catch (error) {
          this.#logger.error(
            `Cluster supplier ${supplier.id} failed: ${
              (error as Error).message
            }`,
          );
          return [];
        }
      }),
    );
    const byName = new Map<string, ClusterDefinition>();
    for (const cluster of results.flat()) {
      if (byName.has(cluster.name)) {
        this.#logger.warn(
          `Cluster ${cluster.name} is supplied twice; keeping the first`,
        );
        continue;
      }
      byName.set(cluster.name, cluster);
    }
    return [...byName.values()];
  }
}

/**
 * The backend-wide {@link ClusterRegistryService}.
 *
 * @public
 */
export const clusterRegistryServiceRef =
  createServiceRef<ClusterRegistryService>({
    id: 'kubedeck.clusters.registry',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { logger: coreServices.rootLogger },
        factory: ({ logger }) =>
          new DefaultClusterRegistry({
            logger: logger.child({ service: 'kubedeck-cluster-registry' }),
          }),
      }),
  });

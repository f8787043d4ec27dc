import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ClusterDefinition } from './cluster';

/**
 * Supplies clusters to Kubedeck. Called again whenever the cluster list is refreshed, so a
 * supplier may add and remove clusters over time (agents connecting, kubeconfig edits).
 *
 * @public
 */
export interface ClusterSupplier {
  /** A short name for logs, such as `config` or `agent-hub`. */
  readonly id: string;
  getClusters(): Promise<ClusterDefinition[]>;
}

/**
 * The interface of {@link clustersSupplierExtensionPoint}.
 *
 * @public
 */
export interface ClustersSupplierExtensionPoint {
  /** Adds a supplier; every supplier's clusters are listed (names must be unique). */
  add(supplier: ClusterSupplier): void;
}

/**
 * Lets modules of the `clusters` plugin supply clusters, such as agent-connected clusters.
 *
 * @public
 */
export const clustersSupplierExtensionPoint =
  createExtensionPoint<ClustersSupplierExtensionPoint>({
    id: 'clusters.suppliers',
  });

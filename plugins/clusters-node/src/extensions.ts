import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ClusterDiagnosis } from '@kubedeck/plugin-clusters-common';
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

/**
 * A problem found outside the clusters plugin's own analyzers, such as by an in-cluster agent:
 * a diagnosis before the plugin has given it an id, a cluster and its times.
 *
 * @public
 */
export type DiagnosisFinding = Omit<
  ClusterDiagnosis,
  'id' | 'cluster' | 'firstSeen' | 'lastSeen' | 'resolvedAt'
>;

/**
 * Reports problems of clusters to the clusters plugin's diagnosis, next to its analyzers.
 *
 * @public
 */
export interface DiagnosisFindingSource {
  /** A short name for logs and evidence, such as `agent-hub`. */
  readonly id: string;
  /** Current findings for one cluster; an empty list resolves what this source reported before. */
  getFindings(cluster: string): Promise<DiagnosisFinding[]>;
}

/**
 * The interface of {@link clustersDiagnosisExtensionPoint}.
 *
 * @public
 */
export interface ClustersDiagnosisExtensionPoint {
  addFindingSource(source: DiagnosisFindingSource): void;
}

/**
 * Lets modules of the `clusters` plugin feed findings into its diagnoses.
 *
 * @public
 */
export const clustersDiagnosisExtensionPoint =
  createExtensionPoint<ClustersDiagnosisExtensionPoint>({
    id: 'clusters.diagnosis',
  });

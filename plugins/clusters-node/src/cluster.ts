import type {
  ClusterConnectionKind,
  ClusterInfo,
} from '@kubedeck/plugin-clusters-common';
import type { KubeConfig } from '@kubernetes/client-node';

/**
 * How Kubedeck reaches a cluster: its own API server (`direct`), an agent-hub endpoint that
 * forwards over an agent's stream (`agent`), or the kube-sim demo cluster (`demo`).
 *
 * @public
 */
export type ClusterConnectionType = ClusterConnectionKind;

/**
 * Which namespaces of a cluster Kubedeck shows. A namespace is visible when it passes every
 * configured filter; a filtered-out namespace answers 404 everywhere.
 *
 * @public
 */
export type ClusterNamespaceFilters = {
  /** Only these namespaces (exact names). */
  allow?: string[];
  /** Only namespaces whose name matches one of these regular expressions. */
  include?: string[];
  /** Never namespaces whose name matches one of these regular expressions. */
  exclude?: string[];
  /** Never namespaces carrying one of these labels (`key` or `key=value`). */
  excludeLabels?: string[];
};

/**
 * A cluster as a supplier hands it over: identity plus the base connection. The KubeConfig
 * holds exactly one context (the plugin's own credentials for the cluster); per-user access
 * derives from it.
 *
 * @public
 */
export type ClusterDefinition = {
  name: string;
  title?: string;
  connectionType: ClusterConnectionType;
  kubeConfig: KubeConfig;
  /** Send the caller's identity as `Impersonate-User` / `Impersonate-Group`. */
  impersonateUsers?: boolean;
  namespaceFilters?: ClusterNamespaceFilters;
  /** Free-form labels shown in the UI (region, environment, ...). */
  labels?: Record<string, string>;
};

/**
 * What Kubedeck observed of a cluster when it last probed it; `lastError` never carries
 * credentials.
 *
 * @public
 */
export type ClusterStatus = ClusterInfo['status'];

/**
 * Optional APIs a cluster serves: metrics.k8s.io (`metrics`) and CRDs (`crds`).
 *
 * @public
 */
export type ClusterCapabilities = ClusterInfo['capabilities'];

/**
 * The public record of a cluster, as listed at `GET /api/clusters/v1/clusters`.
 *
 * @public
 */
export type Cluster = ClusterInfo;

import type { ClusterConnectionKind } from '@kubedeck/plugin-clusters-common';
import type { KubeConfig } from '@kubernetes/client-node';

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
  /** How Kubedeck reaches it: its own API server, an agent, or the demo cluster. */
  connectionType: ClusterConnectionKind;
  kubeConfig: KubeConfig;
  /** Send the caller's identity as `Impersonate-User` / `Impersonate-Group`. */
  impersonateUsers?: boolean;
  namespaceFilters?: ClusterNamespaceFilters;
  /** Free-form labels shown in the UI (region, environment, ...). */
  labels?: Record<string, string>;
};

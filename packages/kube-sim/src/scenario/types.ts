import type { KubeObject } from '../store/types';

/** A user the simulated API server authenticates by bearer token. */
export interface ScenarioUser {
  name: string;
  token: string;
  groups: string[];
}

/** A loaded scenario: what the cluster starts with. */
export interface Scenario {
  name: string;
  /** Objects created in order at start-up (nodes, namespaces, RBAC, workloads, ...). */
  objects: KubeObject[];
  users: ScenarioUser[];
  /** Whether metrics.k8s.io is served (false acts as a cluster without metrics-server). */
  metrics: boolean;
  /** Kubernetes version reported at /version, e.g. "v1.32.0". */
  version: string;
}

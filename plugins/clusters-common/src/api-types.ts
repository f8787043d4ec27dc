/**
 * Isomorphic request and response types of the clusters HTTP API
 * (`/api/clusters/v1`), shared by the backend and the frontend.
 */

/**
 * How Kubedeck reaches a cluster.
 *
 * @public
 */
export type ClusterConnectionKind = 'direct' | 'agent' | 'demo';

/**
 * A cluster as listed at `GET /clusters` and `GET /clusters/{cluster}`.
 *
 * @public
 */
export type ClusterInfo = {
  name: string;
  title: string;
  connectionType: ClusterConnectionKind;
  status: {
    reachable: boolean;
    checkedAt?: string;
    lastError?: string;
    lastSeenAt?: string;
  };
  version?: string;
  nodeCount?: number;
  podCount?: number;
  capabilities: { metrics: boolean; crds: boolean };
  labels?: Record<string, string>;
};

/**
 * One kind a cluster serves, from `GET /clusters/{cluster}/resources`.
 *
 * @public
 */
export type ApiResourceInfo = {
  /** API group; `core` for the legacy group. */
  group: string;
  version: string;
  /** Plural name used in paths, such as `deployments`. */
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  preferred: boolean;
};

/**
 * Object metadata as the API server returns it (the fields Kubedeck reads).
 *
 * @public
 */
export type KubeObjectMeta = {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: {
    apiVersion: string;
    kind: string;
    name: string;
    uid?: string;
    controller?: boolean;
  }[];
};

/**
 * Any Kubernetes object.
 *
 * @public
 */
export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata: KubeObjectMeta;
  spec?: any;
  status?: any;
  [field: string]: unknown;
};

/**
 * A page of a list, from `GET /clusters/{c}[/namespaces/{ns}]/{group}/{version}/{resource}`.
 *
 * @public
 */
export type KubeObjectList<T extends KubeObject = KubeObject> = {
  kind: string;
  items: T[];
  resourceVersion?: string;
  /** Pass back as `continue` for the next page. */
  continue?: string;
  remainingItemCount?: number;
};

/**
 * The data of the `reset` event of `GET /clusters/{c}/watch`: the whole current list (sent
 * first, and again whenever the stream cannot resume where the client left off).
 *
 * @public
 */
export type WatchResetData = {
  kind: string;
  items: KubeObject[];
  resourceVersion?: string;
};

/**
 * The data of a change event of `GET /clusters/{c}/watch`.
 *
 * @public
 */
export type WatchChangeData = {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
};

/**
 * The data of one log line event of the logs SSE routes.
 *
 * @public
 */
export type LogLineEvent = {
  /** Kubelet timestamp, nanosecond precision. */
  time: string;
  line: string;
  /** Set in merged (workload or selector) streams. */
  pod?: string;
  container?: string;
  /** Characters cut from an over-long line. */
  truncated?: number;
};

/**
 * One env variable on the pod page; values from secrets are masked unless the caller holds
 * `kubedeck.clusters.secret.read`.
 *
 * @public
 */
export type PodEnvVar = {
  name: string;
  value?: string;
  source?: {
    kind: 'secret' | 'configMap' | 'field' | 'resource';
    name?: string;
    key?: string;
  };
  masked?: boolean;
};

/**
 * A container's terminal state or last termination.
 *
 * @public
 */
export type ContainerTermination = {
  reason?: string;
  exitCode?: number;
  signal?: number;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
};

/**
 * One container (or init container) of the pod page.
 *
 * @public
 */
export type PodContainerDetails = {
  name: string;
  init: boolean;
  image: string;
  imageID?: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  /** `running`, `waiting`, `terminated` or `unknown`. */
  state: string;
  reason?: string;
  message?: string;
  exitCode?: number;
  startedAt?: string;
  finishedAt?: string;
  lastTermination?: ContainerTermination;
  ports: { name?: string; containerPort: number; protocol?: string }[];
  probes: { liveness?: any; readiness?: any; startup?: any };
  resources: {
    requests?: Record<string, string>;
    limits?: Record<string, string>;
  };
  env: PodEnvVar[];
  envFrom: any[];
  volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[];
};

/**
 * One link of a pod's owner chain, from the pod up.
 *
 * @public
 */
export type OwnerLinkInfo = {
  kind: string;
  name: string;
  apiVersion: string;
  uid?: string;
};

/**
 * `GET /clusters/{c}/namespaces/{ns}/pods/{pod}/details`.
 *
 * @public
 */
export type PodDetailsInfo = {
  name: string;
  namespace: string;
  uid?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  createdAt?: string;
  phase?: string;
  reason?: string;
  message?: string;
  qosClass?: string;
  node?: string;
  podIP?: string;
  podIPs: string[];
  hostIP?: string;
  serviceAccount?: string;
  startTime?: string;
  conditions: {
    type: string;
    status: string;
    reason?: string;
    message?: string;
    lastTransitionTime?: string;
  }[];
  volumes: ({ name: string } & Record<string, unknown>)[];
  ownerChain: OwnerLinkInfo[];
  containers: PodContainerDetails[];
};

/**
 * CPU and memory of one pod (sum of its containers) or node.
 *
 * @public
 */
export type ResourceUsage = {
  name: string;
  namespace?: string;
  timestamp?: string;
  cpuMillicores?: number;
  memoryBytes?: number;
  containers?: { name: string; cpuMillicores?: number; memoryBytes?: number }[];
};

/**
 * Metrics, or the reason there are none (a cluster without metrics.k8s.io): never zeros.
 *
 * @public
 */
export type MetricsResult =
  | { available: true; timestamp?: string; items: ResourceUsage[] }
  | { available: false; reason: string };

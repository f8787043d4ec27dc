import { ApiResourceInfo } from '@kubedeck/plugin-clusters-common';
import { ResourceType } from '../api';

/** A kind the explorer shows, with where it is served and how it is grouped. */
export type KindDefinition = {
  /** Stable id used in URLs: the plural resource name, group-qualified for CRDs. */
  id: string;
  title: string;
  kind: string;
  type: ResourceType;
  namespaced: boolean;
  section:
    | 'Workloads'
    | 'Network'
    | 'Config'
    | 'Storage'
    | 'Cluster'
    | 'Custom resources';
};

function builtIn(
  section: KindDefinition['section'],
  title: string,
  kind: string,
  group: string,
  version: string,
  resource: string,
  namespaced = true,
): KindDefinition {
  return {
    id: resource,
    title,
    kind,
    type: { group, version, resource },
    namespaced,
    section,
  };
}

/** The kinds every cluster serves, in menu order. */
export const BUILT_IN_KINDS: KindDefinition[] = [
  builtIn('Workloads', 'Pods', 'Pod', 'core', 'v1', 'pods'),
  builtIn(
    'Workloads',
    'Deployments',
    'Deployment',
    'apps',
    'v1',
    'deployments',
  ),
  builtIn(
    'Workloads',
    'StatefulSets',
    'StatefulSet',
    'apps',
    'v1',
    'statefulsets',
  ),
  builtIn('Workloads', 'DaemonSets', 'DaemonSet', 'apps', 'v1', 'daemonsets'),
  builtIn('Workloads', 'Jobs', 'Job', 'batch', 'v1', 'jobs'),
  builtIn('Workloads', 'CronJobs', 'CronJob', 'batch', 'v1', 'cronjobs'),
  builtIn('Network', 'Services', 'Service', 'core', 'v1', 'services'),
  builtIn(
    'Network',
    'Ingresses',
    'Ingress',
    'networking.k8s.io',
    'v1',
    'ingresses',
  ),
  builtIn('Config', 'ConfigMaps', 'ConfigMap', 'core', 'v1', 'configmaps'),
  builtIn('Config', 'Secrets', 'Secret', 'core', 'v1', 'secrets'),
  builtIn(
    'Storage',
    'Volume claims',
    'PersistentVolumeClaim',
    'core',
    'v1',
    'persistentvolumeclaims',
  ),
  builtIn('Cluster', 'Nodes', 'Node', 'core', 'v1', 'nodes', false),
  builtIn(
    'Cluster',
    'Namespaces',
    'Namespace',
    'core',
    'v1',
    'namespaces',
    false,
  ),
  builtIn('Cluster', 'Events', 'Event', 'core', 'v1', 'events'),
  builtIn(
    'Cluster',
    'CRDs',
    'CustomResourceDefinition',
    'apiextensions.k8s.io',
    'v1',
    'customresourcedefinitions',
    false,
  ),
];

/** Workload kinds with a scale subresource. */
export const SCALABLE_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet'];
/** Workload kinds that support rollout restart. */
export const RESTARTABLE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

/** API groups of Kubernetes itself; what other groups serve are custom resources. */
const KUBERNETES_GROUPS = ['core', 'apps', 'batch', 'autoscaling', 'policy'];

/**
 * A kind from the cluster's discovery as an explorer kind, when it is a custom resource
 * (a CRD's or an aggregated API's, in its preferred version) that can be listed.
 */
export function kindOfResource(
  api: ApiResourceInfo,
): KindDefinition | undefined {
  const builtInGroup =
    KUBERNETES_GROUPS.includes(api.group) || api.group.endsWith('.k8s.io');
  if (builtInGroup || !api.preferred || !api.verbs.includes('list')) {
    return undefined;
  }
  return {
    id: `${api.resource}.${api.group}`,
    title: api.kind,
    kind: api.kind,
    type: { group: api.group, version: api.version, resource: api.resource },
    namespaced: api.namespaced,
    section: 'Custom resources',
  };
}

/** The resource type of an owner reference's kind, for built-in kinds. */
export function kindByName(kind: string): KindDefinition | undefined {
  return BUILT_IN_KINDS.find(k => k.kind === kind);
}

/** The resource type of an owner reference (`apps/v1` + `ReplicaSet` → apps/v1/replicasets). */
export function typeOfOwner(owner: {
  apiVersion: string;
  kind: string;
}): ResourceType {
  const [group, version] = owner.apiVersion.includes('/')
    ? owner.apiVersion.split('/')
    : ['core', owner.apiVersion];
  const known = kindByName(owner.kind);
  const resource = known?.type.resource ?? `${owner.kind.toLowerCase()}s`;
  return { group, version, resource };
}

import type { KubeObject, ResourceKey } from '../store/types';
import { formatTimestamp } from '../store/ObjectStore';

const core = (resource: string): ResourceKey => ({ group: '', version: 'v1', resource });
const apps = (resource: string): ResourceKey => ({ group: 'apps', version: 'v1', resource });
const batch = (resource: string): ResourceKey => ({ group: 'batch', version: 'v1', resource });

/** The resource types the simulation reads and writes. */
export const R = {
  pods: core('pods'),
  nodes: core('nodes'),
  namespaces: core('namespaces'),
  events: core('events'),
  services: core('services'),
  endpoints: core('endpoints'),
  configmaps: core('configmaps'),
  secrets: core('secrets'),
  serviceaccounts: core('serviceaccounts'),
  pvcs: core('persistentvolumeclaims'),
  pvs: core('persistentvolumes'),
  deployments: apps('deployments'),
  replicasets: apps('replicasets'),
  statefulsets: apps('statefulsets'),
  daemonsets: apps('daemonsets'),
  jobs: batch('jobs'),
  cronjobs: batch('cronjobs'),
  endpointslices: { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' },
  storageclasses: { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' },
} satisfies Record<string, ResourceKey>;

/** The value of the controller ownerReference that `owner` gets on objects it manages. */
export function controllerRef(owner: KubeObject) {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Now as a Kubernetes timestamp (second precision). */
export function nowIso(): string {
  return formatTimestamp(new Date());
}

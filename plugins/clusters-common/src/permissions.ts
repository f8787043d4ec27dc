import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of Kubernetes objects (in any cluster) that Kubedeck
 * authorizes access to. Conditions for this type are evaluated against the
 * object's cluster, namespace and kind.
 *
 * @public
 */
export const CLUSTER_RESOURCE_TYPE = 'kubedeck-cluster-resource';

/**
 * List the clusters Kubedeck knows about and read their status.
 *
 * @public
 */
export const clustersReadPermission = createPermission({
  name: 'kubedeck.clusters.read',
  attributes: { action: 'read' },
});

/**
 * Read (get, list, watch) Kubernetes objects.
 *
 * @public
 */
export const clusterResourceReadPermission = createPermission({
  name: 'kubedeck.clusters.resource.read',
  attributes: { action: 'read' },
  resourceType: CLUSTER_RESOURCE_TYPE,
});

/**
 * Create (or apply) Kubernetes objects.
 *
 * @public
 */
export const clusterResourceCreatePermission = createPermission({
  name: 'kubedeck.clusters.resource.create',
  attributes: { action: 'create' },
  resourceType: CLUSTER_RESOURCE_TYPE,
});

/**
 * Change Kubernetes objects: update, patch, scale and rollout restart.
 *
 * @public
 */
export const clusterResourceUpdatePermission = createPermission({
  name: 'kubedeck.clusters.resource.update',
  attributes: { action: 'update' },
  resourceType: CLUSTER_RESOURCE_TYPE,
});

/**
 * Delete Kubernetes objects.
 *
 * @public
 */
export const clusterResourceDeletePermission = createPermission({
  name: 'kubedeck.clusters.resource.delete',
  attributes: { action: 'delete' },
  resourceType: CLUSTER_RESOURCE_TYPE,
});

/**
 * Read the values of Secrets. Without it, Secrets are listed with their
 * values masked.
 *
 * @public
 */
export const clusterSecretReadPermission = createPermission({
  name: 'kubedeck.clusters.secret.read',
  attributes: { action: 'read' },
  resourceType: CLUSTER_RESOURCE_TYPE,
});

/**
 * Read (and follow) container logs.
 *
 * @public
 */
export const clusterLogsReadPermission = createPermission({
  name: 'kubedeck.clusters.logs.read',
  attributes: { action: 'read' },
  resourceType: CLUSTER_RESOURCE_TYPE,
});

/**
 * Open a shell in (exec into) a container.
 *
 * @public
 */
export const clusterExecPermission = createPermission({
  name: 'kubedeck.clusters.exec',
  attributes: {},
  resourceType: CLUSTER_RESOURCE_TYPE,
});

/**
 * Every permission of the clusters plugin.
 *
 * @public
 */
export const clustersPermissions = [
  clustersReadPermission,
  clusterResourceReadPermission,
  clusterResourceCreatePermission,
  clusterResourceUpdatePermission,
  clusterResourceDeletePermission,
  clusterSecretReadPermission,
  clusterLogsReadPermission,
  clusterExecPermission,
];

import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { CLUSTER_RESOURCE_TYPE } from '@kubedeck/plugin-clusters-common';

/**
 * What the permission rules know about a Kubernetes object. `namespace` is
 * absent for cluster-scoped objects (nodes, namespaces, cluster roles...).
 *
 * @public
 */
export type ClusterResource = {
  cluster: string;
  namespace?: string;
  kind: string;
};

/**
 * A filter produced by the rules' `toQuery`: the object's `property` must be
 * one of `values`. The clusters backend combines these (allOf/anyOf/not) to
 * restrict lists and watches.
 *
 * @public
 */
export type ClusterResourceFilter = {
  property: keyof ClusterResource;
  values: string[];
};

/**
 * The permission resource ref for Kubernetes objects, owned by the `clusters`
 * plugin.
 *
 * @public
 */
export const clusterResourcePermissionResourceRef = createPermissionResourceRef<
  ClusterResource,
  ClusterResourceFilter
>().with({
  pluginId: 'clusters',
  resourceType: CLUSTER_RESOURCE_TYPE,
});

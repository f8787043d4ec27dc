import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import {
  CLUSTER_RESOURCE_TYPE,
  ClusterResource,
} from '@kubedeck/plugin-clusters-common';

// Kept importable from here too, where the permission rules that use it live.
export type { ClusterResource };

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

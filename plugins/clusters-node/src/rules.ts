import { createPermissionRule } from '@backstage/plugin-permission-node';
import {
  CLUSTER_RESOURCE_RULES,
  isInClusterParamsSchema,
  isInNamespaceParamsSchema,
  isKindParamsSchema,
} from '@kubedeck/plugin-clusters-common';
import { clusterResourcePermissionResourceRef } from './resource';

const isInCluster = createPermissionRule({
  name: CLUSTER_RESOURCE_RULES.IS_IN_CLUSTER,
  description: 'Allow Kubernetes objects in the given clusters',
  resourceRef: clusterResourcePermissionResourceRef,
  paramsSchema: isInClusterParamsSchema,
  apply: (resource, { clusters }) => clusters.includes(resource.cluster),
  toQuery: ({ clusters }) => ({ property: 'cluster', values: clusters }),
});

const isInNamespace = createPermissionRule({
  name: CLUSTER_RESOURCE_RULES.IS_IN_NAMESPACE,
  description:
    'Allow Kubernetes objects in the given namespaces (never cluster-scoped objects)',
  resourceRef: clusterResourcePermissionResourceRef,
  paramsSchema: isInNamespaceParamsSchema,
  apply: (resource, { namespaces }) =>
    resource.namespace !== undefined && namespaces.includes(resource.namespace),
  toQuery: ({ namespaces }) => ({ property: 'namespace', values: namespaces }),
});

const isKind = createPermissionRule({
  name: CLUSTER_RESOURCE_RULES.IS_KIND,
  description: 'Allow Kubernetes objects of the given kinds',
  resourceRef: clusterResourcePermissionResourceRef,
  paramsSchema: isKindParamsSchema,
  apply: (resource, { kinds }) => kinds.includes(resource.kind),
  toQuery: ({ kinds }) => ({ property: 'kind', values: kinds }),
});

/**
 * The permission rules for Kubernetes objects, for the clusters backend to
 * register with `permissionsRegistry.addResourceType`.
 *
 * @public
 */
export const clusterResourcePermissionRules = {
  isInCluster,
  isInNamespace,
  isKind,
};

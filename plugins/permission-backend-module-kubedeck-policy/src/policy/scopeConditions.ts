import {
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import { CLUSTER_RESOURCE_TYPE } from '@kubedeck/plugin-clusters-common';
import { clusterResourceConditions } from '@kubedeck/plugin-clusters-node';
import { AssignmentScope } from './readPolicyConfig';

type ClusterResourceCondition = PermissionCondition<
  typeof CLUSTER_RESOURCE_TYPE
>;

function scopeToCriteria(
  scope: AssignmentScope,
): PermissionCriteria<ClusterResourceCondition> {
  const { clusters, namespaces, kinds } = scope;
  const candidates: Array<ClusterResourceCondition | undefined> = [
    clusters && clusterResourceConditions.isInCluster({ clusters }),
    namespaces && clusterResourceConditions.isInNamespace({ namespaces }),
    kinds && clusterResourceConditions.isKind({ kinds }),
  ];
  const [first, ...rest] = candidates.filter(
    (condition): condition is ClusterResourceCondition => !!condition,
  );
  return { allOf: [first, ...rest] };
}

/**
 * The criteria under which any of the given scopes allows access to a
 * Kubernetes object: `anyOf` the scopes, each `allOf` its present conditions.
 *
 * @param scopes - at least one scope, each with at least one restriction
 */
export function scopesToCriteria(
  scopes: AssignmentScope[],
): PermissionCriteria<ClusterResourceCondition> {
  const [first, ...rest] = scopes.map(scopeToCriteria);
  return { anyOf: [first, ...rest] };
}

import { createConditionExports } from '@backstage/plugin-permission-node';
import { clusterResourcePermissionResourceRef } from './resource';
import { clusterResourcePermissionRules } from './rules';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: clusterResourcePermissionResourceRef,
  rules: clusterResourcePermissionRules,
});

/**
 * Condition factories for permission policies, one per rule in
 * {@link clusterResourcePermissionRules}.
 *
 * @public
 */
export const clusterResourceConditions = conditions;

/**
 * Wraps conditions for a Kubernetes object permission into a conditional
 * policy decision.
 *
 * @public
 */
export const createClusterResourceConditionalDecision =
  createConditionalDecision;

import { z } from 'zod';

/**
 * Names of the permission rules for {@link CLUSTER_RESOURCE_TYPE} resources.
 * Policies refer to them in conditional decisions; the clusters backend
 * registers their implementations.
 *
 * @public
 */
export const CLUSTER_RESOURCE_RULES = {
  IS_IN_CLUSTER: 'IS_IN_CLUSTER',
  IS_IN_NAMESPACE: 'IS_IN_NAMESPACE',
  IS_KIND: 'IS_KIND',
} as const;

/**
 * Parameters of the `IS_IN_CLUSTER` rule.
 *
 * @public
 */
export const isInClusterParamsSchema = z.object({
  clusters: z
    .array(z.string())
    .describe('Names of the clusters the resource may be in'),
});

/**
 * Parameters of the `IS_IN_NAMESPACE` rule. Cluster-scoped objects have no
 * namespace and never match.
 *
 * @public
 */
export const isInNamespaceParamsSchema = z.object({
  namespaces: z.array(z.string()).describe('Namespaces the resource may be in'),
});

/**
 * Parameters of the `IS_KIND` rule.
 *
 * @public
 */
export const isKindParamsSchema = z.object({
  kinds: z
    .array(z.string())
    .describe('Kubernetes kinds the resource may have, such as Pod'),
});

/** @public */
export type IsInClusterParams = z.infer<typeof isInClusterParamsSchema>;

/** @public */
export type IsInNamespaceParams = z.infer<typeof isInNamespaceParamsSchema>;

/** @public */
export type IsKindParams = z.infer<typeof isKindParamsSchema>;

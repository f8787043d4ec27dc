/**
 * A Kubernetes object as permission rules see it. `namespace` is absent for cluster-scoped
 * objects (nodes, namespaces, cluster roles...).
 *
 * @public
 */
export type ClusterResource = {
  cluster: string;
  namespace?: string;
  kind: string;
};

/**
 * Encodes a Kubernetes object (cluster, namespace, kind) as a permission resource ref:
 * `cluster/namespace/kind`, each part URI-encoded.
 *
 * @public
 */
export function encodeClusterResourceRef(resource: ClusterResource): string {
  return [resource.cluster, resource.namespace ?? '', resource.kind]
    .map(encodeURIComponent)
    .join('/');
}

/**
 * Decodes {@link encodeClusterResourceRef}; undefined for anything else.
 *
 * @public
 */
export function decodeClusterResourceRef(
  ref: string,
): ClusterResource | undefined {
  const parts = ref.split('/');
  if (parts.length !== 3 || !parts[0] || !parts[2]) {
    return undefined;
  }
  const [cluster, namespace, kind] = parts.map(decodeURIComponent);
  return namespace ? { cluster, namespace, kind } : { cluster, kind };
}

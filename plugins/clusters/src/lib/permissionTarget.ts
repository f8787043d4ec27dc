/**
 * The permission resource ref of a Kubernetes object: `cluster/namespace/kind`, each part
 * URI-encoded, as the clusters backend decodes it (`decodeClusterResourceRef` in
 * clusters-node).
 */
export function clusterResourceRef(target: {
  cluster: string;
  namespace?: string;
  kind: string;
}): string {
  return [target.cluster, target.namespace ?? '', target.kind]
    .map(encodeURIComponent)
    .join('/');
}

import { Entity } from '@backstage/catalog-model';

/** The annotation naming an entity's Kubernetes id (label `backstage.io/kubernetes-id`). */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
/** The annotation holding a label selector for an entity's objects. */
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
/** The annotation restricting an entity's objects to one namespace. */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';

/** Whether an entity names its Kubernetes objects. */
export function isKubernetesEntity(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[KUBERNETES_ID_ANNOTATION] ||
      annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION],
  );
}

/** The label selector (and optional namespace) of an entity's objects. */
export function entityWorkloadSelector(
  entity: Entity,
): { labelSelector: string; namespace?: string } | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const explicit = annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION];
  const id = annotations[KUBERNETES_ID_ANNOTATION];
  const labelSelector =
    explicit || (id ? `${KUBERNETES_ID_ANNOTATION}=${id}` : undefined);
  if (!labelSelector) {
    return undefined;
  }
  const namespace = annotations[KUBERNETES_NAMESPACE_ANNOTATION] || undefined;
  return { labelSelector, namespace };
}

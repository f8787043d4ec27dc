import { clusterSecretReadPermission } from '@kubedeck/plugin-clusters-common';
import { ClusterClient } from '@kubedeck/plugin-clusters-node';
import { permissionTarget } from './visibility';

/** The value shown instead of a secret value the caller may not read. */
export const MASKED_VALUE = '********';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function maskValues(
  data: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (!data) {
    return undefined;
  }
  return Object.fromEntries(Object.keys(data).map(key => [key, MASKED_VALUE]));
}

/**
 * A copy of a Secret with every value masked (keys kept) and the last-applied annotation,
 * which repeats the values, removed.
 */
export function maskSecret<T extends Record<string, any>>(secret: T): T {
  const annotations = { ...(secret.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  return {
    ...secret,
    metadata: secret.metadata && {
      ...secret.metadata,
      annotations: secret.metadata.annotations && annotations,
    },
    data: maskValues(secret.data),
    stringData: maskValues(secret.stringData),
  };
}

/**
 * Presents objects of one kind to the caller: Secrets whose values the caller may not read
 * (`kubedeck.clusters.secret.read`, decided per object's namespace) are masked.
 */
export async function secretPresenter(
  client: ClusterClient,
  kind: string,
): Promise<<T extends Record<string, any>>(object: T) => T> {
  if (kind !== 'Secret') {
    return object => object;
  }
  const mayRead = await client.permissions!.predicate(
    clusterSecretReadPermission,
  );
  return object =>
    mayRead(permissionTarget(client.name, kind, object))
      ? object
      : maskSecret(object);
}

import {
  ClusterClient,
  ClusterResource,
  ClusterResourcePermission,
} from '@kubedeck/plugin-clusters-node';

type KubeObjectLike = {
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
};

/**
 * What permission rules see for an object. A Namespace counts as being in itself, so a user
 * restricted to some namespaces can still list those namespaces.
 */
export function permissionTarget(
  cluster: string,
  kind: string,
  object: KubeObjectLike,
): ClusterResource {
  const namespace =
    kind === 'Namespace' ? object.metadata?.name : object.metadata?.namespace;
  return namespace ? { cluster, kind, namespace } : { cluster, kind };
}

/**
 * A predicate keeping only objects the caller may see: configured namespace filters first,
 * then the (possibly conditional) permission decision. Throws 403 naming the permission when
 * it is denied outright.
 */
export async function createVisibilityFilter(
  client: ClusterClient,
  kind: string,
  permission: ClusterResourcePermission,
): Promise<(object: KubeObjectLike) => Promise<boolean>> {
  const allowed = await client.permissions!.filter(permission);
  const namespaceCache = new Map<string, Promise<boolean>>();
  const namespaceVisible = (name: string) => {
    let visible = namespaceCache.get(name);
    if (!visible) {
      visible = client.namespaces.allows(name);
      namespaceCache.set(name, visible);
    }
    return visible;
  };
  return async object => {
    const target = permissionTarget(client.name, kind, object);
    if (!allowed(target)) {
      return false;
    }
    if (kind === 'Namespace') {
      return client.namespaces.allowsObject(object);
    }
    return target.namespace ? namespaceVisible(target.namespace) : true;
  };
}

/** Keeps the visible objects of a list, in order. */
export async function filterVisible<T extends KubeObjectLike>(
  items: T[],
  visible: (object: T) => Promise<boolean>,
): Promise<T[]> {
  const flags = await Promise.all(items.map(item => visible(item)));
  return items.filter((_, index) => flags[index]);
}

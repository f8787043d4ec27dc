import type { ObjectStore, ResourceKey, Watch, WatchEvent, WatchOptions } from '../store/types';

/**
 * Lists `key` and then watches it from the listed resourceVersion, so the handler sees every
 * existing object as ADDED followed by every later change, with no gap.
 */
export function inform(
  store: ObjectStore,
  key: ResourceKey,
  onEvent: (event: WatchEvent) => void,
  options: Omit<WatchOptions, 'resourceVersion'> = {},
): Watch {
  const listed = store.list(key, options);
  for (const object of listed.items) onEvent({ type: 'ADDED', object });
  return store.watch(key, { ...options, resourceVersion: listed.resourceVersion }, event => {
    if (event.type !== 'BOOKMARK') onEvent(event);
  });
}

/** "namespace/name", or "name" for cluster-scoped objects. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function splitKey(key: string): { namespace?: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

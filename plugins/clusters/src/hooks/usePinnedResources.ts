import { useCallback } from 'react';
import { ResourceType } from '../api';
import { useUserState } from './useUserState';

/** An object the user pinned, enough to find and open it again. */
export type PinnedResource = {
  cluster: string;
  /** The explorer's kind id, such as `deployments`. */
  kindId: string;
  kind: string;
  type: ResourceType;
  namespace?: string;
  name: string;
};

const sameObject = (a: PinnedResource, b: PinnedResource) =>
  a.cluster === b.cluster &&
  a.kindId === b.kindId &&
  (a.namespace ?? '') === (b.namespace ?? '') &&
  a.name === b.name;

/** The user's pinned resources, kept with the rest of their clusters UI state. */
export function usePinnedResources() {
  const [pinned, setPinned] = useUserState<PinnedResource[]>('pinned', []);
  const isPinned = useCallback(
    (resource: PinnedResource) => pinned.some(p => sameObject(p, resource)),
    [pinned],
  );
  const toggle = useCallback(
    (resource: PinnedResource) =>
      setPinned(
        pinned.some(p => sameObject(p, resource))
          ? pinned.filter(p => !sameObject(p, resource))
          : [...pinned, resource],
      ),
    [pinned, setPinned],
  );
  return { pinned, isPinned, toggle };
}

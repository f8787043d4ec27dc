import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useUserState } from '../../hooks/useUserState';
import { BUILT_IN_KINDS, KindDefinition } from '../../lib/kinds';
import { useClusterKinds } from './KindMenu';

/** What the explorer shows: kept in the URL, the namespace also per user and cluster. */
export type ExplorerView = {
  kinds: KindDefinition[];
  kind: KindDefinition;
  /** '' for all namespaces (and for cluster-scoped kinds). */
  namespace: string;
  labelSelector: string;
  setKind(id: string): void;
  setNamespace(namespace: string): void;
  setLabelSelector(selector: string): void;
};

/** The explorer's view of a cluster, from the URL and the user's saved state. */
export function useExplorerView(cluster: string): ExplorerView {
  const [search, setSearch] = useSearchParams();
  const [, setLastCluster] = useUserState<string>('lastCluster', '');
  const [savedNamespace, setSavedNamespace] = useUserState<string>(
    `namespace:${cluster}`,
    '',
  );
  useEffect(() => setLastCluster(cluster), [cluster, setLastCluster]);

  // a namespace opened from a link is remembered as if it had been chosen
  const linkedNamespace = search.get('namespace');
  useEffect(() => {
    if (linkedNamespace !== null && linkedNamespace !== savedNamespace) {
      setSavedNamespace(linkedNamespace);
    }
  }, [linkedNamespace, savedNamespace, setSavedNamespace]);

  const kinds = useClusterKinds(cluster);
  const kindId = search.get('kind') ?? 'pods';
  const kind = kinds.find(k => k.id === kindId) ?? BUILT_IN_KINDS[0];
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  return {
    kinds,
    kind,
    namespace: kind.namespaced ? search.get('namespace') ?? savedNamespace : '',
    labelSelector: search.get('labelSelector') ?? '',
    setKind: id => update('kind', id),
    setNamespace: namespace => {
      setSavedNamespace(namespace);
      update('namespace', namespace);
    },
    setLabelSelector: selector => update('labelSelector', selector),
  };
}

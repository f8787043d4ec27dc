import { useApi } from '@backstage/frontend-plugin-api';
import { KubeObject, matchesSearch } from '@kubedeck/plugin-clusters-common';
import { useEffect, useRef, useState } from 'react';
import { clustersApiRef, CollectionRef, StreamState } from '../../api';
import { labelSelectorMatcher } from '../../lib/labelSelector';

/** `namespace/name`: the order the API server lists objects in. */
export function objectKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

function byKey(a: KubeObject, b: KubeObject) {
  const ka = objectKey(a);
  const kb = objectKey(b);
  if (ka === kb) return 0;
  return ka < kb ? -1 : 1;
}

/** The keys a page covers: after the previous page's last key, up to its own last key. */
type PageRange = { after?: string; upTo?: string };

function inRange(key: string, range: PageRange) {
  return (
    (range.after === undefined || key > range.after) &&
    (range.upTo === undefined || key <= range.upTo)
  );
}

/** What {@link useLiveList} returns. */
export type LiveList = {
  items: KubeObject[];
  loading: boolean;
  error?: Error;
  /** Token of the next page, when there is one. */
  next?: string;
  live: StreamState;
};

/**
 * One server page of a collection (`limit`/`continue`), kept current by the collection's
 * watch stream: changes to objects in the page's key range are applied as they happen, so
 * the page never jumps while being read.
 */
export function useLiveList(
  ref: CollectionRef | undefined,
  query: {
    /** Set on objects that come without one (list items, informer snapshots). */
    kind: string;
    labelSelector?: string;
    /** Text search over the whole list (see `matchesSearch`). */
    search?: string;
    limit: number;
    continueToken?: string;
    after?: string;
  },
): LiveList {
  const api = useApi(clustersApiRef);
  const [state, setState] = useState<LiveList>({
    items: [],
    loading: true,
    live: { state: 'connecting' },
  });
  const range = useRef<PageRange>({});
  const matches = useRef(labelSelectorMatcher(undefined));
  const refKey = ref
    ? `${ref.cluster}|${ref.namespace ?? ''}|${ref.type.group}/${
        ref.type.version
      }/${ref.type.resource}`
    : '';
  const { kind, labelSelector, search, limit, continueToken, after } = query;
  const searched = useRef(search);
  const withKind = (o: KubeObject) => (o.kind ? o : { ...o, kind });

  useEffect(() => {
    if (!ref) return undefined;
    let cancelled = false;
    setState(s => ({ ...s, loading: true, error: undefined }));
    try {
      matches.current = labelSelectorMatcher(labelSelector);
      searched.current = search;
    } catch (e) {
      setState(s => ({ ...s, loading: false, items: [], error: e as Error }));
      return undefined;
    }
    const pageQuery = {
      labelSelector: labelSelector || undefined,
      search: search?.trim() || undefined,
      limit,
      continue: continueToken,
    };
    // the page comes from the same informer cache the watch follows; kinds the cache cannot
    // serve (or a backend without it) fall back to the API server
    api
      .listObjects(ref, { ...pageQuery, source: 'cache' })
      .catch(() => api.listObjects(ref, pageQuery))
      .then(page => {
        if (cancelled) return;
        const last = page.items[page.items.length - 1];
        range.current = {
          after,
          upTo: page.continue && last ? objectKey(last) : undefined,
        };
        setState(s => ({
          ...s,
          loading: false,
          items: page.items.map(withKind).sort(byKey),
          next: page.continue,
        }));
      })
      .catch(error => {
        if (!cancelled)
          setState(s => ({
            ...s,
            loading: false,
            items: [],
            next: undefined,
            error,
          }));
      });
    return () => {
      cancelled = true;
    };
    // the ref is identified by refKey
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, refKey, labelSelector, search, limit, continueToken, after]);

  useEffect(() => {
    if (!ref) return undefined;
    const keep = (o: KubeObject) =>
      matches.current(o.metadata.labels) &&
      matchesSearch(o, searched.current) &&
      inRange(objectKey(o), range.current);
    return api.watch(ref, {
      onReset: all =>
        setState(s => ({
          ...s,
          items: all.filter(keep).map(withKind).sort(byKey),
        })),
      onChange: (type, object) =>
        setState(s => {
          const others = s.items.filter(
            o => objectKey(o) !== objectKey(object),
          );
          if (type === 'DELETED' || !keep(object)) {
            return others.length === s.items.length
              ? s
              : { ...s, items: others };
          }
          return { ...s, items: [...others, withKind(object)].sort(byKey) };
        }),
      onState: live => setState(s => ({ ...s, live })),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, refKey]);

  return state;
}

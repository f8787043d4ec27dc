import { InputError } from '@backstage/errors';
import { matchesSearch } from '@kubedeck/plugin-clusters-common';
import { Informer } from '../watch/Informer';
import { compileLabelSelector } from './labelSelector';

/** A page of a list served from a shared informer's cache. */
export type CachedPage = {
  items: any[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount: number;
};

const FIELDS: Record<string, (object: any) => string | undefined> = {
  'metadata.name': o => o.metadata?.name,
  'metadata.namespace': o => o.metadata?.namespace,
  'spec.nodeName': o => o.spec?.nodeName,
  'status.phase': o => o.status?.phase,
};

function compileFieldSelector(selector: string | undefined) {
  const checks = (selector ?? '')
    .split(',')
    .filter(Boolean)
    .map(part => {
      const match = /^([a-zA-Z.]+)\s*(==|=|!=)\s*(.*)$/.exec(part.trim());
      const field = match && FIELDS[match[1]];
      if (!match || !field) {
        throw new InputError(
          `Field selector "${part}" is not supported from the cache (${Object.keys(
            FIELDS,
          ).join(', ')})`,
        );
      }
      const [, , op, value] = match;
      return (o: any) =>
        op === '!=' ? field(o) !== value : field(o) === value;
    });
  return (o: any) => checks.every(check => check(o));
}

const keyOf = (o: any) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;

function decodeToken(
  token: string | undefined,
  epoch: string,
): string | undefined {
  if (!token) return undefined;
  const [tokenEpoch, key] = Buffer.from(token, 'base64url')
    .toString('utf8')
    .split('\n');
  if (tokenEpoch !== epoch || key === undefined) {
    throw new InputError(
      'The continue token has expired; list again from the start',
    );
  }
  return key;
}

/** An informer's objects in key order, kept until the informer's version moves on. */
type SortedSnapshot = { version: string; keys: string[]; objects: any[] };
const snapshots = new WeakMap<Informer, SortedSnapshot>();

/**
 * The informer's objects sorted by key. Sorting 150,000 objects for every page made a full
 * paged read quadratic; a snapshot is sorted once per informer version and shared by every
 * page and reader until the next change.
 */
function sortedSnapshot(informer: Informer): SortedSnapshot {
  const version = `${informer.epoch}/${informer.resourceVersion}`;
  const cached = snapshots.get(informer);
  if (cached?.version === version) return cached;
  const entries = informer
    .list()
    .map(o => [keyOf(o), o] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const snapshot = {
    version,
    keys: entries.map(e => e[0]),
    objects: entries.map(e => e[1]),
  };
  snapshots.set(informer, snapshot);
  return snapshot;
}

/** The index of the first key after `after` (binary search). */
function indexAfter(keys: string[], after: string | undefined): number {
  if (after === undefined) return 0;
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid] <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * One page of the informer's objects in (namespace, name) order, after the key in the continue
 * token; selectors and the text search are applied before paging and `visible` after
 * (permission filtering).
 */
export async function cachedPage(
  informer: Informer,
  query: {
    labelSelector?: string;
    fieldSelector?: string;
    search?: string;
    limit: number;
    continue?: string;
  },
  visible: (object: any) => Promise<boolean>,
): Promise<CachedPage> {
  const after = decodeToken(query.continue, informer.epoch);
  const labels = compileLabelSelector(query.labelSelector);
  const fields = compileFieldSelector(query.fieldSelector);
  const matches = (o: any) =>
    labels(o.metadata?.labels) && fields(o) && matchesSearch(o, query.search);
  const resourceVersion = informer.resourceVersion;
  const { keys, objects } = sortedSnapshot(informer);
  const items: any[] = [];
  let index = indexAfter(keys, after);
  let lastKey: string | undefined;
  for (; index < objects.length && items.length < query.limit; index++) {
    const object = objects[index];
    if (matches(object)) {
      lastKey = keys[index];
      if (await visible(object)) items.push(object);
    }
  }
  const filtered = Boolean(
    query.labelSelector || query.fieldSelector || query.search?.trim(),
  );
  let remainingItemCount = filtered ? 0 : objects.length - index;
  for (let rest = index; filtered && rest < objects.length; rest++) {
    if (matches(objects[rest])) remainingItemCount++;
  }
  return {
    items,
    resourceVersion,
    continue:
      remainingItemCount > 0 && lastKey !== undefined
        ? Buffer.from(`${informer.epoch}\n${lastKey}`).toString('base64url')
        : undefined,
    remainingItemCount,
  };
}

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
  const resourceVersion = informer.resourceVersion;
  const sorted = informer
    .list()
    .filter(
      o =>
        labels(o.metadata?.labels) &&
        fields(o) &&
        matchesSearch(o, query.search) &&
        (after === undefined || keyOf(o) > after),
    )
    .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  const items: any[] = [];
  let index = 0;
  for (; index < sorted.length && items.length < query.limit; index++) {
    if (await visible(sorted[index])) items.push(sorted[index]);
  }
  const more = index < sorted.length;
  return {
    items,
    resourceVersion,
    continue: more
      ? Buffer.from(`${informer.epoch}\n${keyOf(sorted[index - 1])}`).toString(
          'base64url',
        )
      : undefined,
    remainingItemCount: sorted.length - index,
  };
}

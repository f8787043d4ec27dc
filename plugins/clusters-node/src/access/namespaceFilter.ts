import type { ClusterNamespaceFilters } from '../cluster';

/**
 * A namespace as the filters see it.
 *
 * @public
 */
export type NamespaceCandidate = {
  name: string;
  labels?: Record<string, string>;
};

/**
 * Decides whether a namespace is visible under a cluster's configured filters.
 *
 * @public
 */
export type NamespacePredicate = (namespace: NamespaceCandidate) => boolean;

function compile(patterns: string[] | undefined): RegExp[] {
  return (patterns ?? []).map(pattern => new RegExp(`^(?:${pattern})$`));
}

function labelMatches(
  labels: Record<string, string>,
  selector: string,
): boolean {
  const [key, value] = selector.split('=', 2);
  if (!(key in labels)) {
    return false;
  }
  return value === undefined || labels[key] === value;
}

/**
 * Compiles a cluster's namespace filters: allowlist, include and exclude regular expressions
 * (anchored to the whole name), and label exclusions (`key` or `key=value`).
 *
 * @public
 */
export function createNamespacePredicate(
  filters: ClusterNamespaceFilters | undefined,
): NamespacePredicate {
  const allow = filters?.allow ? new Set(filters.allow) : undefined;
  const include = compile(filters?.include);
  const exclude = compile(filters?.exclude);
  const excludeLabels = filters?.excludeLabels ?? [];
  return ({ name, labels = {} }) => {
    if (allow && !allow.has(name)) {
      return false;
    }
    if (include.length > 0 && !include.some(re => re.test(name))) {
      return false;
    }
    if (exclude.some(re => re.test(name))) {
      return false;
    }
    return !excludeLabels.some(selector => labelMatches(labels, selector));
  };
}

/**
 * Whether the filters depend on namespace labels (then namespaces must be read to decide).
 *
 * @public
 */
export function filtersNeedLabels(
  filters: ClusterNamespaceFilters | undefined,
): boolean {
  return (filters?.excludeLabels?.length ?? 0) > 0;
}

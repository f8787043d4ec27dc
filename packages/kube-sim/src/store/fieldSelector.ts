import { StoreError, type KubeObject } from './types';

export interface FieldRequirement {
  path: string[];
  negate: boolean;
  value: string;
}

export type FieldMatcher = (object: KubeObject) => boolean;

/**
 * Parses `a.b=c,d!=e`. Any dotted path is accepted (metadata.name, metadata.namespace,
 * status.phase, spec.nodeName, involvedObject.kind, type, reason, ...): the store evaluates it
 * against the object, the way the real server's per-kind field sets do.
 */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  return selector
    .split(',')
    .map(t => t.trim())
    .filter(t => t.length > 0)
    .map(term => {
      const m = /^([A-Za-z0-9_.\-]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
      if (!m) {
        throw new StoreError(400, 'BadRequest', `invalid selector: '${selector}'; can't understand '${term}'`);
      }
      return { path: m[1].split('.'), negate: m[2] === '!=', value: m[3].trim() };
    });
}

/** The string value a field selector compares against ('' when the field is missing). */
export function fieldValue(object: KubeObject, path: string[]): string {
  let current: unknown = object;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return '';
    current = (current as Record<string, unknown>)[segment];
  }
  if (current === undefined || current === null) return '';
  return typeof current === 'object' ? JSON.stringify(current) : String(current);
}

/** Compiles a selector string into a matcher; an empty or missing selector matches everything. */
export function compileFieldSelector(selector: string | undefined): FieldMatcher | undefined {
  if (!selector || !selector.trim()) return undefined;
  const requirements = parseFieldSelector(selector);
  return object =>
    requirements.every(r => (fieldValue(object, r.path) === r.value) !== r.negate);
}

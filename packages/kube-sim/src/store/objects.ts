/**
 * Copy, freeze and compare plain JSON values. Stored objects are deep-frozen so readers can
 * share them without defensive copies; strings are shared by reference when copying.
 */

/** A deep copy of a JSON value (undefined members are dropped, like a JSON round trip). */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneJson(value[i]);
    return out as unknown as T;
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(source)) {
    const v = source[k];
    if (v !== undefined) out[k] = cloneJson(v);
  }
  return out as T;
}

/** Freezes a value and everything reachable from it; already frozen subtrees are skipped. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  const source = value as Record<string, unknown>;
  for (const k of Object.keys(source)) deepFreeze(source[k]);
  return value;
}

/** A mutable deep copy of a (possibly frozen) value: what a reader modifies before writing back. */
export function thaw<T>(value: T): T {
  return cloneJson(value);
}

/** Structural equality of JSON values (key order ignored, undefined members ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const aKeys = Object.keys(ao).filter(k => ao[k] !== undefined);
  const bKeys = Object.keys(bo).filter(k => bo[k] !== undefined);
  return aKeys.length === bKeys.length && aKeys.every(k => deepEqual(ao[k], bo[k]));
}

/** Replaces subtrees of `next` that equal the same subtree of `prev` with prev's (frozen) copy. */
export function shareUnchanged<T>(prev: unknown, next: T): T {
  if (deepEqual(prev, next)) return prev as T;
  if (prev === null || next === null || typeof prev !== 'object' || typeof next !== 'object') return next;
  if (Array.isArray(next) || Array.isArray(prev) || Object.isFrozen(next)) return next;
  const p = prev as Record<string, unknown>;
  const out = next as Record<string, unknown>;
  for (const k of Object.keys(out)) {
    if (k in p) out[k] = shareUnchanged(p[k], out[k]);
  }
  return out as T;
}

/** A Kubernetes timestamp (RFC 3339, second precision). */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

import type { KubeObject } from '../store/types';
import { deepEqual } from '../store/objects';
import { mergeKeyOf } from './patch';

/** A field path as managedFields spell it, one segment per step: `f:spec`, `k:{"name":"c"}`, `v:"x"`. */
export type FieldPath = string[];

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

const IGNORED_TOP = new Set(['apiVersion', 'kind', 'status']);
const IGNORED_META = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function walk(value: unknown, prefix: FieldPath, out: FieldPath[], field: string): void {
  if (Array.isArray(value)) {
    const key = mergeKeyOf(field, value);
    if (key === 'set') {
      for (const v of value) out.push([...prefix, `v:${JSON.stringify(v)}`]);
      return;
    }
    if (!key || value.some(v => !isObject(v) || v[key] === undefined)) {
      out.push(prefix);
      return;
    }
    for (const item of value as Array<Record<string, unknown>>) {
      const segment = `k:${JSON.stringify({ [key]: item[key] })}`;
      const before = out.length;
      walk(item, [...prefix, segment], out, '');
      if (out.length === before) out.push([...prefix, segment]);
    }
    return;
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix.length) out.push(prefix);
    for (const [k, v] of entries) walk(v, [...prefix, `f:${k}`], out, k);
    return;
  }
  out.push(prefix);
}

/** Every leaf field path an object sets (server-managed metadata and status left out). */
export function fieldPaths(object: KubeObject, includeStatus = false): FieldPath[] {
  const out: FieldPath[] = [];
  for (const [k, v] of Object.entries(object)) {
    if (IGNORED_TOP.has(k) && !(includeStatus && k === 'status')) continue;
    if (k === 'metadata') {
      for (const [mk, mv] of Object.entries(v as Record<string, unknown>)) {
        if (!IGNORED_META.has(mk)) walk(mv, ['f:metadata', `f:${mk}`], out, mk);
      }
      continue;
    }
    walk(v, [`f:${k}`], out, k);
  }
  return out;
}

export const pathKey = (p: FieldPath) => p.join('\u0000');

/** Nested FieldsV1 from paths. */
export function toFieldsV1(paths: FieldPath[]): Record<string, unknown> {
  const root: Record<string, Record<string, unknown>> = {};
  for (const path of paths) {
    let node: Record<string, unknown> = root;
    for (let i = 0; i < path.length; i++) {
      const child = (node[path[i]] as Record<string, unknown> | undefined) ?? {};
      if (i < path.length - 1 && path[i + 1] && path[i].startsWith('k:') && !('.' in child)) child['.'] = {};
      node[path[i]] = child;
      node = child;
    }
  }
  return root;
}

/** Leaf paths of a FieldsV1 value. */
export function fromFieldsV1(fields: Record<string, unknown>, prefix: FieldPath = []): FieldPath[] {
  const out: FieldPath[] = [];
  const keys = Object.keys(fields).filter(k => k !== '.');
  if (keys.length === 0 && prefix.length) out.push(prefix);
  for (const k of keys) out.push(...fromFieldsV1(fields[k] as Record<string, unknown>, [...prefix, k]));
  return out;
}

/** Resolves a path in an object; `found` is false when some step is missing. */
export function valueAt(object: unknown, path: FieldPath): { found: boolean; value?: unknown } {
  let current: unknown = object;
  for (const segment of path) {
    if (segment.startsWith('f:')) {
      if (!isObject(current) || !(segment.slice(2) in current)) return { found: false };
      current = current[segment.slice(2)];
    } else if (segment.startsWith('k:')) {
      const key = JSON.parse(segment.slice(2)) as Record<string, unknown>;
      if (!Array.isArray(current)) return { found: false };
      current = current.find(item => isObject(item) && Object.entries(key).every(([k, v]) => item[k] === v));
      if (current === undefined) return { found: false };
    } else if (segment.startsWith('v:')) {
      const value = JSON.parse(segment.slice(2));
      if (!Array.isArray(current) || !current.includes(value)) return { found: false };
      current = value;
    }
  }
  return { found: true, value: current };
}

/** Deletes the field at a path (a list element for `k:`/`v:` segments). */
export function deleteAt(object: unknown, path: FieldPath): void {
  const parent = valueAt(object, path.slice(0, -1));
  const last = path[path.length - 1];
  if (!parent.found) return;
  if (last.startsWith('f:') && isObject(parent.value)) delete parent.value[last.slice(2)];
  else if (Array.isArray(parent.value)) {
    const target = valueAt(object, path).value;
    const i = parent.value.indexOf(target);
    if (i >= 0) parent.value.splice(i, 1);
  }
}

/** `.spec.template.spec.containers[name="web"].image`, as conflict messages print paths. */
export function formatPath(path: FieldPath): string {
  return path
    .map(s => {
      if (s.startsWith('f:')) return `.${s.slice(2)}`;
      if (s.startsWith('k:')) {
        const key = JSON.parse(s.slice(2)) as Record<string, unknown>;
        return `[${Object.entries(key).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
      }
      return `[=${s.slice(2)}]`;
    })
    .join('');
}

/** Paths whose value differs between two versions (or exist only in the newer one). */
export function changedPaths(before: KubeObject | undefined, after: KubeObject): FieldPath[] {
  return fieldPaths(after).filter(p => {
    if (!before) return true;
    const old = valueAt(before, p);
    return !old.found || !deepEqual(old.value, valueAt(after, p).value);
  });
}

import type { KubeObject } from '../store/types';
import { cloneJson, deepEqual } from '../store/objects';
import {
  changedPaths, deleteAt, fieldPaths, formatPath, fromFieldsV1, pathKey, toFieldsV1, valueAt,
  type FieldPath, type ManagedFieldsEntry,
} from './managedFields';
import { applyMergePatch, strategicMerge } from './patch';
import { ApiError } from './status';

interface ManagerSet {
  entry: ManagedFieldsEntry;
  paths: Map<string, FieldPath>;
}

function managerSets(object: KubeObject | undefined): ManagerSet[] {
  const entries = (object?.metadata.managedFields as ManagedFieldsEntry[] | undefined) ?? [];
  return entries.map(entry => ({
    entry,
    paths: new Map(fromFieldsV1(entry.fieldsV1 ?? {}).map(p => [pathKey(p), p])),
  }));
}

function serialize(sets: ManagerSet[]): ManagedFieldsEntry[] {
  return sets
    .filter(s => s.paths.size > 0)
    .map(s => ({ ...s.entry, fieldsV1: toFieldsV1([...s.paths.values()]) }));
}

function upsert(sets: ManagerSet[], entry: Omit<ManagedFieldsEntry, 'fieldsV1'>, paths: FieldPath[], replace: boolean): void {
  let set = sets.find(s => s.entry.manager === entry.manager && s.entry.operation === entry.operation && s.entry.subresource === entry.subresource);
  if (!set) sets.push((set = { entry: { ...entry, fieldsV1: {} }, paths: new Map() }));
  set.entry = { ...set.entry, time: entry.time, apiVersion: entry.apiVersion };
  if (replace) set.paths.clear();
  for (const p of paths) set.paths.set(pathKey(p), p);
}

export interface ApplyOptions {
  manager: string;
  force: boolean;
  apiVersion: string;
  now: string;
  /** Built-in kinds merge lists by key; custom resources replace them. */
  strategic: boolean;
}

/** Server-side apply of `applied` over `live` (absent: the object is created). */
export function serverSideApply(live: KubeObject | undefined, applied: KubeObject, options: ApplyOptions): KubeObject {
  const sets = managerSets(live);
  const newPaths = fieldPaths(applied);
  const newKeys = new Set(newPaths.map(pathKey));
  const conflicts: Array<{ manager: string; apiVersion: string; path: FieldPath }> = [];
  for (const set of sets) {
    if (set.entry.manager === options.manager && set.entry.operation === 'Apply') continue;
    for (const [key, path] of set.paths) {
      if (!newKeys.has(key) || !live) continue;
      const a = valueAt(live, path);
      const b = valueAt(applied, path);
      if (a.found && deepEqual(a.value, b.value)) continue;
      if (options.force) set.paths.delete(key);
      else conflicts.push({ manager: set.entry.manager, apiVersion: set.entry.apiVersion, path });
    }
  }
  if (conflicts.length > 0) throw conflictError(conflicts);

  const previous = sets.find(s => s.entry.manager === options.manager && s.entry.operation === 'Apply');
  let base = live ? (cloneJson(live) as KubeObject) : ({ apiVersion: applied.apiVersion, kind: applied.kind, metadata: { name: applied.metadata.name } } as KubeObject);
  for (const [key, path] of previous?.paths ?? []) {
    if (newKeys.has(key)) continue;
    const ownedElsewhere = sets.some(s => s !== previous && s.paths.has(key));
    if (!ownedElsewhere) deleteAt(base, path);
  }
  const merged = (options.strategic ? strategicMerge(base, applied) : applyMergePatch(base, applied)) as unknown as KubeObject;
  base = merged;
  upsert(sets, { manager: options.manager, operation: 'Apply', apiVersion: options.apiVersion, time: options.now, fieldsType: 'FieldsV1' }, newPaths, true);
  base.metadata = { ...base.metadata, managedFields: serialize(sets) };
  return base;
}

function conflictError(conflicts: Array<{ manager: string; apiVersion: string; path: FieldPath }>): ApiError {
  const lines = conflicts.map(c => `conflict with "${c.manager}" using ${c.apiVersion}: ${formatPath(c.path)}`);
  const message =
    conflicts.length === 1
      ? `Apply failed with 1 conflict: ${lines[0]}`
      : `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  return new ApiError(409, 'Conflict', message, {
    causes: conflicts.map(c => ({ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}" using ${c.apiVersion}`, field: formatPath(c.path) })),
  });
}

/** Records a non-apply write: the manager takes ownership of the fields it changed. */
export function recordUpdate(
  before: KubeObject | undefined,
  after: KubeObject,
  manager: string,
  apiVersion: string,
  now: string,
  subresource?: string,
): KubeObject {
  const sets = managerSets(before ?? after);
  const changed = changedPaths(before, after).filter(p => valueAt(after, p).found);
  if (changed.length === 0 && before) return { ...after, metadata: { ...after.metadata, managedFields: before.metadata.managedFields } };
  for (const set of sets) for (const p of changed) set.paths.delete(pathKey(p));
  upsert(sets, { manager, operation: 'Update', apiVersion, time: now, fieldsType: 'FieldsV1', ...(subresource ? { subresource } : {}) }, changed, false);
  return { ...after, metadata: { ...after.metadata, managedFields: serialize(sets) } };
}

/** The manager name when the client gives none: the User-Agent's program name, like the real server. */
export function defaultManager(userAgent: string | undefined): string {
  const name = (userAgent ?? '').split('/')[0].trim();
  return name || 'unknown';
}

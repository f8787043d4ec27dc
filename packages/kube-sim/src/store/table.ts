import { fieldValue } from './fieldSelector';
import type { KubeObject } from './types';

/** Index of the first element >= `key` in a sorted array. */
export function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The key of an object inside its table: `namespace/name`, or `name` when cluster-scoped. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/**
 * The objects of one resource type, kept in key order (the order a real API server lists in).
 * Insertions append and mark the order dirty; the next ordered read sorts once, which keeps
 * bulk loading linear-ish and paging cheap.
 */
export class ResourceTable {
  private readonly objects = new Map<string, KubeObject>();
  private sortedKeys: string[] = [];
  private dirty = false;
  /** Field path → field value → keys, for field selectors that would otherwise scan everything. */
  private readonly indexes = new Map<string, { path: string[]; byValue: Map<string, Set<string>> }>();

  constructor(indexedFields: string[] = []) {
    for (const field of indexedFields) this.indexes.set(field, { path: field.split('.'), byValue: new Map() });
  }

  /** Keys (in order) of the objects whose indexed field equals `value`; undefined if not indexed. */
  indexedKeys(field: string, value: string): string[] | undefined {
    const index = this.indexes.get(field);
    if (!index) return undefined;
    return [...(index.byValue.get(value) ?? [])].sort();
  }

  private reindex(key: string, before: KubeObject | undefined, after: KubeObject | undefined): void {
    for (const { path, byValue } of this.indexes.values()) {
      const old = before ? fieldValue(before, path) : undefined;
      const now = after ? fieldValue(after, path) : undefined;
      if (old === now) continue;
      if (old !== undefined) {
        const set = byValue.get(old);
        set?.delete(key);
        if (set?.size === 0) byValue.delete(old);
      }
      if (now !== undefined) {
        let set = byValue.get(now);
        if (!set) byValue.set(now, (set = new Set()));
        set.add(key);
      }
    }
  }

  get size(): number {
    return this.objects.size;
  }

  get(key: string): KubeObject | undefined {
    return this.objects.get(key);
  }

  set(key: string, object: KubeObject): void {
    if (this.indexes.size) this.reindex(key, this.objects.get(key), object);
    if (!this.objects.has(key)) {
      this.sortedKeys.push(key);
      this.dirty = true;
    }
    this.objects.set(key, object);
  }

  delete(key: string): void {
    if (this.indexes.size) this.reindex(key, this.objects.get(key), undefined);
    if (!this.objects.delete(key)) return;
    if (this.dirty) {
      this.sortedKeys = this.sortedKeys.filter(k => k !== key);
      return;
    }
    const i = this.lowerBound(key);
    if (this.sortedKeys[i] === key) this.sortedKeys.splice(i, 1);
  }

  /** Keys in order; `prefix` restricts to one namespace (`ns/`). */
  keys(): string[] {
    if (this.dirty) {
      this.sortedKeys.sort();
      this.dirty = false;
    }
    return this.sortedKeys;
  }

  /** Index of the first key >= `key` in `keys()`. */
  lowerBound(key: string): number {
    return lowerBound(this.keys(), key);
  }

  /** Every object, unordered: for scans where order does not matter. */
  values(): IterableIterator<KubeObject> {
    return this.objects.values();
  }
}

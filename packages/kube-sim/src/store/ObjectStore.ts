import { randomUUID } from 'node:crypto';
import { compileFieldSelector, parseFieldSelector } from './fieldSelector';
import { compileLabelSelector } from './labelSelector';
import { cloneJson, deepEqual, deepFreeze, formatTimestamp, shareUnchanged } from './objects';
import { ResourceTable, lowerBound, objectKey } from './table';
import {
  StoreError,
  type KubeObject,
  type ListOptions,
  type ListResult,
  type ObjectMeta,
  type ObjectStore,
  type ResourceKey,
  type Watch,
  type WatchEvent,
  type WatchOptions,
} from './types';
import { WatchHub } from './watchHub';
import { decodeContinue, encodeContinue } from './continueToken';
import { GarbageCollector } from './garbageCollector';
import { CompactionWindow } from './compaction';
import { GracefulDeletions } from './gracefulDeletion';

export interface InMemoryObjectStoreOptions {
  /** Changes kept for resuming watches (default 10,000); older versions answer 410. */
  historySize?: number;
  /** Interval of BOOKMARK events for watches that allow them (default 60 s). */
  bookmarkIntervalMs?: number;
  /** Clock for creation and deletion timestamps. */
  now?: () => Date;
  /**
   * How long a superseded resourceVersion stays readable (default 5 minutes, as the API
   * server compacts etcd); a list `continue` token issued at an older version answers 410.
   */
  compactionWindowMs?: number;
  /** Real time per simulated second for deletion grace periods (the simulation's time scale; default 1). */
  timeScale?: number;
}

const INCONSISTENT_CONTINUE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';
/** The resourceVersion of a continue token that continues at the newest version. */
const LATEST = -1;

/** Built-in resources without a status subresource: an update replaces everything. */
const WITHOUT_STATUS = new Set([
  'configmaps', 'secrets', 'serviceaccounts', 'events', 'endpoints', 'endpointslices', 'roles',
  'rolebindings', 'clusterroles', 'clusterrolebindings', 'storageclasses', 'leases', 'limitranges',
  'podtemplates', 'controllerrevisions', 'priorityclasses', 'ingressclasses', 'csidrivers',
]);
/** Fields kept in an index because components select on them constantly (kubelets: pods per node). */
const INDEXED_FIELDS: Record<string, string[]> = { '/pods': ['spec.nodeName'] };
const SERVER_FIELDS = ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds'];
const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

export { formatTimestamp };

/** How error messages name a resource: `pods`, `deployments.apps`. */
export function qualifiedResource(key: ResourceKey): string {
  return key.group ? `${key.resource}.${key.group}` : key.resource;
}

function tableName(key: ResourceKey): string {
  return `${key.group}/${key.resource}`;
}

/** Everything but metadata and status: a change here bumps metadata.generation. */
function specPart(object: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = object;
  return rest;
}

/** Whether an update from `before` to `after` bumps metadata.generation. */
export function specChanged(before: KubeObject, after: KubeObject): boolean {
  return !deepEqual(specPart(before), specPart(after));
}

/**
 * The in-memory {@link ObjectStore}. Stored objects are deep-frozen and shared with readers:
 * `get`, `list` and watch events hand out the stored instances, so callers copy (for example
 * with `structuredClone`) before changing one. Writes copy their input.
 */
export class InMemoryObjectStore implements ObjectStore {
  private readonly tables = new Map<string, ResourceTable>();
  private rv = 1;
  private readonly hub: WatchHub;
  private readonly gc: GarbageCollector;
  private readonly clock: () => Date;
  private readonly compaction: CompactionWindow;
  private readonly graceful: GracefulDeletions;

  constructor(options: InMemoryObjectStoreOptions = {}) {
    this.clock = options.now ?? (() => new Date());
    this.compaction = new CompactionWindow(options.compactionWindowMs ?? 5 * 60_000, () => this.clock().getTime(), this.rv);
    this.hub = new WatchHub(
      {
        historySize: options.historySize ?? 10_000,
        bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
      },
      () => this.rv,
    );
    this.gc = new GarbageCollector(this);
    this.graceful = new GracefulDeletions(this, options.timeScale ?? 1, () => this.clock().getTime());
  }

  get(key: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.tables.get(tableName(key))?.get(objectKey(namespace, name));
  }

  list(key: ResourceKey, options: ListOptions = {}): ListResult {
    const labels = compileLabelSelector(options.labelSelector);
    const fields = compileFieldSelector(options.fieldSelector);
    const token = options.continue ? decodeContinue(options.continue) : undefined;
    if (token && token.rv !== LATEST && token.rv < this.compaction.compactedRevision()) {
      throw new StoreError(410, 'Expired', INCONSISTENT_CONTINUE, { continue: encodeContinue({ rv: LATEST, start: token.start }) });
    }
    const resourceVersion = token && token.rv !== LATEST ? String(token.rv) : String(this.rv);
    const table = this.tables.get(tableName(key));
    if (!table) return { items: [], resourceVersion };
    const keys = this.candidateKeys(table, options.fieldSelector);
    const prefix = options.namespace ? `${options.namespace}/` : '';
    let i = token ? lowerBound(keys, `${token.start}\u0000`) : 0;
    if (prefix) i = Math.max(i, lowerBound(keys, prefix));
    const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
    const items: KubeObject[] = [];
    let lastKey: string | undefined;
    let more = false;
    for (; i < keys.length; i++) {
      const k = keys[i];
      if (prefix && !k.startsWith(prefix)) break;
      const object = table.get(k)!;
      if (labels && !labels(object.metadata.labels)) continue;
      if (fields && !fields(object)) continue;
      if (items.length >= limit) {
        more = true;
        break;
      }
      items.push(object);
      lastKey = k;
    }
    if (!more || lastKey === undefined) return { items, resourceVersion };
    const result: ListResult = {
      items,
      resourceVersion,
      continue: encodeContinue({ rv: Number(resourceVersion), start: lastKey }),
    };
    if (!labels && !fields) {
      const end = prefix ? lowerBound(keys, `${prefix.slice(0, -1)}0`) : keys.length;
      result.remainingItemCount = end - i;
    }
    return result;
  }

  /** The keys a list has to look at: an index's hits for an indexed equality field selector, else all. */
  private candidateKeys(table: ResourceTable, fieldSelector: string | undefined): string[] {
    for (const r of fieldSelector ? parseFieldSelector(fieldSelector) : []) {
      const hits = r.negate ? undefined : table.indexedKeys(r.path.join('.'), r.value);
      if (hits) return hits;
    }
    return table.keys();
  }

  create(key: ResourceKey, object: KubeObject): KubeObject {
    const input = cloneJson(object);
    const meta: ObjectMeta = { ...input.metadata };
    if (!meta.name) {
      if (!meta.generateName) {
        throw new StoreError(422, 'Invalid', `${key.resource} "" is invalid: metadata.name: Required value: name or generateName is required`);
      }
      meta.name = this.generateName(key, meta.namespace, meta.generateName);
    }
    const table = this.table(key);
    const k = objectKey(meta.namespace, meta.name);
    if (table.get(k)) {
      throw new StoreError(409, 'AlreadyExists', `${qualifiedResource(key)} "${meta.name}" already exists`);
    }
    for (const field of SERVER_FIELDS) delete meta[field];
    meta.uid = randomUUID();
    meta.creationTimestamp = this.timestamp();
    meta.generation = 1;
    meta.resourceVersion = String(this.bump());
    const stored = deepFreeze({ ...input, metadata: meta });
    table.set(k, stored);
    this.gc.track(key, stored);
    this.hub.publish({ rv: this.rv, table: tableName(key), type: 'ADDED', object: stored });
    return stored;
  }

  update(key: ResourceKey, object: KubeObject, options: { subresource?: 'status' } = {}): KubeObject {
    const current = this.mustGet(key, object.metadata.namespace, object.metadata.name);
    const wanted = object.metadata;
    if (wanted.resourceVersion && wanted.resourceVersion !== current.metadata.resourceVersion) {
      throw this.conflict(key, current.metadata.name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    if (wanted.uid && wanted.uid !== current.metadata.uid) {
      throw this.conflict(key, current.metadata.name, `Precondition failed: UID in precondition: ${wanted.uid}, UID in object meta: ${current.metadata.uid}`);
    }
    let next: KubeObject;
    if (options.subresource === 'status') {
      next = { ...current, metadata: { ...current.metadata }, status: cloneJson(object.status) };
      if (next.status === undefined) delete next.status;
    } else {
      next = cloneJson(object);
      if (this.hasStatusSubresource(key)) {
        if (current.status === undefined) delete next.status;
        else next.status = current.status;
      }
      const meta: ObjectMeta = { ...next.metadata, name: current.metadata.name };
      if (current.metadata.namespace) meta.namespace = current.metadata.namespace;
      for (const field of [...SERVER_FIELDS, 'generation']) {
        if (current.metadata[field] === undefined) delete meta[field];
        else meta[field] = current.metadata[field];
      }
      if (specChanged(current, next)) meta.generation = (current.metadata.generation ?? 0) + 1;
      next.metadata = meta;
    }
    return this.replace(key, current, next);
  }

  delete(
    key: ResourceKey,
    namespace: string | undefined,
    name: string,
    options: { propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'; preconditionUid?: string; gracePeriodSeconds?: number } = {},
  ): KubeObject {
    const current = this.mustGet(key, namespace, name);
    if (options.preconditionUid && options.preconditionUid !== current.metadata.uid) {
      throw this.conflict(key, name, `Precondition failed: UID in precondition: ${options.preconditionUid}, UID in object meta: ${current.metadata.uid}`);
    }
    const graceful = options.gracePeriodSeconds !== undefined ? this.graceful.delete(key, current, options.gracePeriodSeconds) : undefined;
    return graceful ?? this.gc.delete(key, current, options.propagationPolicy ?? 'Background');
  }

  /** Stops the timers of pending graceful deletions. */
  close(): void {
    this.graceful.stop();
  }

  watch(key: ResourceKey, options: WatchOptions, onEvent: (event: WatchEvent) => void): Watch {
    const snapshot = () => this.list(key, { namespace: options.namespace }).items;
    return this.hub.watch(tableName(key), options, snapshot, onEvent);
  }

  currentResourceVersion(): string {
    return String(this.rv);
  }

  /** The oldest resourceVersion a watch can resume from; older ones are compacted (410). */
  oldestResumableVersion(): string {
    return String(this.hub.oldestResumableVersion());
  }

  /** Resource keys that hold at least one object, e.g. to walk a namespace's contents. */
  resourceKeys(): ResourceKey[] {
    const out: ResourceKey[] = [];
    for (const [name, table] of this.tables) {
      if (table.size === 0) continue;
      const [group, resource] = name.split('/');
      out.push({ group, version: '', resource });
    }
    return out;
  }

  /**
   * Replaces `current` with `next` (whose metadata the caller has prepared). A no-op keeps the
   * resourceVersion; an object being deleted whose last finalizer is gone is removed, unless its
   * deletion grace period is still running.
   */
  replace(key: ResourceKey, current: KubeObject, next: KubeObject): KubeObject {
    const comparable = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined, managedFields: undefined } });
    if (deepEqual(comparable(current), comparable(next))) return current;
    if (next.metadata.deletionTimestamp && !next.metadata.finalizers?.length && !GracefulDeletions.isPending(next)) {
      return this.remove(key, next);
    }
    next.metadata.resourceVersion = String(this.bump());
    const stored = deepFreeze(shareUnchanged(current, next));
    this.table(key).set(objectKey(stored.metadata.namespace, stored.metadata.name), stored);
    this.gc.retrack(key, current, stored);
    this.hub.publish({ rv: this.rv, table: tableName(key), type: 'MODIFIED', object: stored, prev: current });
    return stored;
  }

  /** Removes an object for good and emits DELETED; the garbage collector then cascades. */
  remove(key: ResourceKey, object: KubeObject): KubeObject {
    const k = objectKey(object.metadata.namespace, object.metadata.name);
    const table = this.table(key);
    const current = table.get(k);
    if (!current) return object;
    table.delete(k);
    const gone = deepFreeze({ ...object, metadata: { ...object.metadata, resourceVersion: String(this.bump()) } });
    this.hub.publish({ rv: this.rv, table: tableName(key), type: 'DELETED', object: gone });
    this.gc.removed(key, gone);
    return gone;
  }

  /** Whether updates of this resource keep .status (built-in status subresource or CRD opt-in). */
  hasStatusSubresource(key: ResourceKey): boolean {
    const crd = this.get({ group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' }, undefined, `${key.resource}.${key.group}`);
    if (crd) {
      const versions = ((crd.spec as { versions?: Array<{ name: string; subresources?: { status?: unknown } }> })?.versions) ?? [];
      return versions.some(v => v.name === key.version && v.subresources?.status !== undefined);
    }
    return !WITHOUT_STATUS.has(key.resource);
  }

  /** The store clock as a Kubernetes timestamp (second precision). */
  timestamp(): string {
    return formatTimestamp(this.clock());
  }

  /** Moves the cluster-wide resourceVersion on by one write. */
  private bump(): number {
    this.rv += 1;
    this.compaction.record(this.rv);
    return this.rv;
  }

  private table(key: ResourceKey): ResourceTable {
    const name = tableName(key);
    let table = this.tables.get(name);
    if (!table) this.tables.set(name, (table = new ResourceTable(INDEXED_FIELDS[name])));
    return table;
  }

  private mustGet(key: ResourceKey, namespace: string | undefined, name: string): KubeObject {
    const current = this.get(key, namespace, name);
    if (!current) throw new StoreError(404, 'NotFound', `${qualifiedResource(key)} "${name}" not found`);
    return current;
  }

  private conflict(key: ResourceKey, name: string, why: string): StoreError {
    return new StoreError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(key)} "${name}": ${why}`);
  }

  private generateName(key: ResourceKey, namespace: string | undefined, base: string): string {
    const table = this.table(key);
    for (;;) {
      let suffix = '';
      for (let i = 0; i < 5; i++) suffix += NAME_CHARS[Math.floor(Math.random() * NAME_CHARS.length)];
      const name = `${base}${suffix}`;
      if (!table.get(objectKey(namespace, name))) return name;
    }
  }
}

/** Creates an empty in-memory store. */
export function createObjectStore(options?: InMemoryObjectStoreOptions): InMemoryObjectStore {
  return new InMemoryObjectStore(options);
}

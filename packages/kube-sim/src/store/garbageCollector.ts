import type { KubeObject, ResourceKey } from './types';
import type { InMemoryObjectStore } from './ObjectStore';

type Policy = 'Background' | 'Foreground' | 'Orphan';

interface Location {
  key: ResourceKey;
  namespace?: string;
  name: string;
}

const FOREGROUND = 'foregroundDeletion';
const NAMESPACES = 'namespaces';

/**
 * Deletion semantics on top of the store: finalizers and deletionTimestamp, ownerReference
 * cascading (Background, Foreground, Orphan) and namespace contents. It runs synchronously, so
 * a cascade is complete when `delete` returns (a real cluster converges a little later).
 */
export class GarbageCollector {
  private readonly locations = new Map<string, Location>();
  private readonly dependents = new Map<string, Set<string>>();

  constructor(private readonly store: InMemoryObjectStore) {}

  track(key: ResourceKey, object: KubeObject): void {
    const { uid, namespace, name } = object.metadata;
    if (!uid) return;
    this.locations.set(uid, { key, namespace, name });
    for (const ref of object.metadata.ownerReferences ?? []) {
      let set = this.dependents.get(ref.uid);
      if (!set) this.dependents.set(ref.uid, (set = new Set()));
      set.add(uid);
    }
  }

  retrack(key: ResourceKey, prev: KubeObject, next: KubeObject): void {
    if (prev.metadata.ownerReferences === next.metadata.ownerReferences) return;
    this.untrackOwners(prev);
    this.track(key, next);
  }

  /** Called after an object left the store: cascades to its dependents, finishes owners. */
  removed(_key: ResourceKey, object: KubeObject): void {
    const uid = object.metadata.uid!;
    this.locations.delete(uid);
    this.untrackOwners(object);
    const deps = this.dependents.get(uid);
    this.dependents.delete(uid);
    for (const dependentUid of deps ?? []) {
      const dependent = this.lookup(dependentUid);
      if (!dependent) continue;
      const otherOwnerAlive = (dependent.object.metadata.ownerReferences ?? []).some(
        r => r.uid !== uid && this.locations.has(r.uid),
      );
      if (!otherOwnerAlive) this.delete(dependent.key, dependent.object, 'Background');
    }
    for (const ref of object.metadata.ownerReferences ?? []) this.maybeFinishForeground(ref.uid);
  }

  delete(key: ResourceKey, object: KubeObject, policy: Policy): KubeObject {
    if (object.metadata.deletionTimestamp) {
      return policy === 'Foreground' ? this.deleteForeground(key, object) : object;
    }
    if (key.group === '' && key.resource === NAMESPACES) this.deleteNamespaceContents(object.metadata.name);
    if (policy === 'Orphan') this.orphanDependents(object);
    if (policy === 'Foreground' && this.liveDependents(object).length > 0) {
      return this.deleteForeground(key, object);
    }
    if (object.metadata.finalizers?.length) {
      return this.store.replace(key, object, this.deleting(object, object.metadata.finalizers));
    }
    return this.store.remove(key, object);
  }

  private deleteForeground(key: ResourceKey, object: KubeObject): KubeObject {
    const finalizers = object.metadata.finalizers ?? [];
    let owner = object;
    if (!finalizers.includes(FOREGROUND)) {
      owner = this.store.replace(key, object, this.deleting(object, [...finalizers, FOREGROUND]));
    }
    for (const dependent of this.liveDependents(object)) this.delete(dependent.key, dependent.object, 'Foreground');
    this.maybeFinishForeground(object.metadata.uid!);
    return this.store.get(key, object.metadata.namespace, object.metadata.name) ?? owner;
  }

  private deleting(object: KubeObject, finalizers: string[]): KubeObject {
    return {
      ...object,
      metadata: {
        ...object.metadata,
        finalizers,
        deletionTimestamp: object.metadata.deletionTimestamp ?? this.store.timestamp(),
        deletionGracePeriodSeconds: 0,
      },
    };
  }

  private maybeFinishForeground(ownerUid: string): void {
    const owner = this.lookup(ownerUid);
    if (!owner) return;
    const finalizers = owner.object.metadata.finalizers ?? [];
    if (!owner.object.metadata.deletionTimestamp || !finalizers.includes(FOREGROUND)) return;
    if (this.liveDependents(owner.object).length > 0) return;
    const next = { ...owner.object, metadata: { ...owner.object.metadata, finalizers: finalizers.filter(f => f !== FOREGROUND) } };
    this.store.replace(owner.key, owner.object, next);
  }

  private orphanDependents(owner: KubeObject): void {
    const uid = owner.metadata.uid!;
    for (const dependent of this.liveDependents(owner)) {
      const refs = (dependent.object.metadata.ownerReferences ?? []).filter(r => r.uid !== uid);
      const { ownerReferences: _dropped, ...rest } = dependent.object.metadata;
      const metadata = refs.length > 0 ? { ...rest, ownerReferences: refs } : rest;
      this.store.replace(dependent.key, dependent.object, { ...dependent.object, metadata });
    }
  }

  private deleteNamespaceContents(namespace: string): void {
    for (const key of this.store.resourceKeys()) {
      if (key.group === '' && key.resource === NAMESPACES) continue;
      for (const object of this.store.list(key, { namespace }).items) {
        const current = this.store.get(key, namespace, object.metadata.name);
        if (current) this.delete(key, current, 'Background');
      }
    }
  }

  private liveDependents(owner: KubeObject): Array<{ key: ResourceKey; object: KubeObject }> {
    const out: Array<{ key: ResourceKey; object: KubeObject }> = [];
    for (const uid of this.dependents.get(owner.metadata.uid!) ?? []) {
      const found = this.lookup(uid);
      if (found) out.push(found);
    }
    return out;
  }

  private lookup(uid: string): { key: ResourceKey; object: KubeObject } | undefined {
    const location = this.locations.get(uid);
    if (!location) return undefined;
    const object = this.store.get(location.key, location.namespace, location.name);
    return object ? { key: location.key, object } : undefined;
  }

  private untrackOwners(object: KubeObject): void {
    const uid = object.metadata.uid!;
    for (const ref of object.metadata.ownerReferences ?? []) {
      const set = this.dependents.get(ref.uid);
      set?.delete(uid);
      if (set && set.size === 0) this.dependents.delete(ref.uid);
    }
  }
}

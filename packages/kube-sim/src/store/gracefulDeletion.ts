import type { KubeObject, ResourceKey } from './types';
import type { InMemoryObjectStore } from './ObjectStore';
import { formatTimestamp } from './objects';

interface Pending {
  timer: NodeJS.Timeout;
  /** When the deletion started (ms); a shorter grace period counts from here. */
  startedAt: number;
}

/**
 * Graceful deletion as the API server does it for pods: the object gets `deletionTimestamp`
 * (now plus the grace period) and `deletionGracePeriodSeconds` and stays, shown as
 * Terminating, until the period is over; then it is removed (once its finalizers are gone).
 * Periods run `timeScale` times as fast, like the rest of the simulation.
 */
export class GracefulDeletions {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly store: InMemoryObjectStore,
    private readonly timeScale: number,
    private readonly now: () => number,
  ) {}

  /** Whether an object is waiting for its grace period to end. */
  static isPending(object: KubeObject): boolean {
    return !!object.metadata.deletionTimestamp && (object.metadata.deletionGracePeriodSeconds ?? 0) > 0;
  }

  /**
   * Starts the graceful deletion of `object`, or shortens a pending one. Answers undefined
   * when there is nothing graceful to do (a zero period for an object not yet being deleted,
   * or an object being deleted without a grace period): the ordinary deletion applies.
   */
  delete(key: ResourceKey, object: KubeObject, seconds: number): KubeObject | undefined {
    const uid = object.metadata.uid!;
    if (GracefulDeletions.isPending(object)) {
      if (seconds >= object.metadata.deletionGracePeriodSeconds!) return object;
      const startedAt = this.pending.get(uid)?.startedAt ?? this.now();
      return seconds <= 0 ? this.finish(key, object) : this.mark(key, object, seconds, startedAt);
    }
    if (object.metadata.deletionTimestamp || seconds <= 0) return undefined;
    return this.mark(key, object, seconds, this.now());
  }

  /** Cancels every pending timer (the objects stay as they are). */
  stop(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private mark(key: ResourceKey, object: KubeObject, seconds: number, startedAt: number): KubeObject {
    const deadline = startedAt + seconds * 1000 * this.timeScale;
    const marked = this.store.replace(key, object, {
      ...object,
      metadata: {
        ...object.metadata,
        deletionTimestamp: formatTimestamp(new Date(deadline)),
        deletionGracePeriodSeconds: seconds,
        generation: (object.metadata.generation ?? 0) + 1,
      },
    });
    this.clear(object.metadata.uid!);
    const timer = setTimeout(() => this.expire(key, marked), Math.max(0, deadline - this.now()));
    timer.unref();
    this.pending.set(object.metadata.uid!, { timer, startedAt });
    return marked;
  }

  private expire(key: ResourceKey, marked: KubeObject): void {
    const current = this.store.get(key, marked.metadata.namespace, marked.metadata.name);
    if (current && current.metadata.uid === marked.metadata.uid && GracefulDeletions.isPending(current)) this.finish(key, current);
  }

  /** The grace period is over: the object goes, or waits for its finalizers with none left. */
  private finish(key: ResourceKey, object: KubeObject): KubeObject {
    this.clear(object.metadata.uid!);
    const done = { ...object, metadata: { ...object.metadata, deletionGracePeriodSeconds: 0 } };
    if (object.metadata.finalizers?.length) return this.store.replace(key, object, done);
    return this.store.remove(key, done);
  }

  private clear(uid: string): void {
    const pending = this.pending.get(uid);
    if (pending) clearTimeout(pending.timer);
    this.pending.delete(uid);
  }
}

import type { KubeObject, ObjectStore } from '../store/types';
import { R, nowIso } from './resources';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

const maxTracked = 10_000;
/** The API server keeps Events for an hour (--event-ttl). */
const EventTtlSeconds = 3600;

/**
 * Records core/v1 Events the way client-go's recorder does: a repeat of the same reason and
 * message for the same object bumps count and lastTimestamp of the existing Event instead of
 * creating another.
 */
export class EventRecorder {
  private readonly seen = new Map<string, { namespace: string; name: string }>();
  private sequence = 0;

  constructor(private readonly store: ObjectStore) {}

  record(
    involved: KubeObject,
    type: EventType,
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const namespace = involved.metadata.namespace ?? 'default';
    const aggregateKey = [involved.metadata.uid, fieldPath, type, reason, message].join('\u0000');
    const existing = this.seen.get(aggregateKey);
    if (existing && this.bump(existing.namespace, existing.name)) return;
    const event = this.buildEvent(involved, namespace, type, reason, message, source, fieldPath);
    const created = this.store.create(R.events, event);
    this.remember(aggregateKey, { namespace, name: created.metadata.name });
  }

  private bump(namespace: string, name: string): boolean {
    const event = this.store.get(R.events, namespace, name);
    if (!event) return false;
    const now = nowIso();
    this.store.update(R.events, {
      ...event,
      count: ((event.count as number) ?? 1) + 1,
      lastTimestamp: now,
      metadata: { ...event.metadata, resourceVersion: undefined },
    });
    return true;
  }

  private buildEvent(
    involved: KubeObject,
    namespace: string,
    type: EventType,
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): KubeObject {
    const now = nowIso();
    this.sequence += 1;
    const suffix = (Date.now() * 1000 + (this.sequence % 1000)).toString(16);
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${involved.metadata.name}.${suffix}`, namespace },
      involvedObject: {
        apiVersion: involved.apiVersion,
        kind: involved.kind,
        name: involved.metadata.name,
        namespace: involved.metadata.namespace,
        uid: involved.metadata.uid,
        resourceVersion: involved.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      type,
      source,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
  }

  private remember(key: string, ref: { namespace: string; name: string }) {
    if (this.seen.size >= maxTracked) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    this.seen.set(key, ref);
  }
}

/** Deletes Events not seen for longer than the event TTL (scaled), checking every tenth of it. */
export function expireEvents(store: ObjectStore, timers: { after(ms: number, fn: () => void): unknown }, timeScale: number): void {
  const ttlMs = EventTtlSeconds * 1000 * timeScale;
  const sweep = () => {
    const cutoff = Date.now() - ttlMs;
    for (const event of store.list(R.events).items) {
      const last = Date.parse(String(event.lastTimestamp ?? event.metadata.creationTimestamp ?? ''));
      if (last < cutoff) store.delete(R.events, event.metadata.namespace, event.metadata.name);
    }
    timers.after(Math.max(ttlMs / 10, 1000), sweep);
  };
  timers.after(Math.max(ttlMs / 10, 1000), sweep);
}

import type { KubeObject, ObjectStore, ResourceKey, Watch } from '../store/types';
import { compileLabelSelector, formatLabelSelector } from '../store/labelSelector';
import { EventRecorder } from './events';
import { WorkQueue } from './workqueue';

/** Timers that can all be cancelled when the simulation stops. */
export class Timers {
  private readonly live = new Set<NodeJS.Timeout>();

  /** Runs `fn` after `ms` (real) milliseconds. */
  after(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.live.delete(timer);
      fn();
    }, Math.max(0, ms));
    timer.unref?.();
    this.live.add(timer);
    return timer;
  }

  cancel(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.live.delete(timer);
  }

  cancelAll(): void {
    this.live.forEach(timer => clearTimeout(timer));
    this.live.clear();
  }
}

/** What every part of the simulation shares. */
export interface SimContext {
  store: ObjectStore;
  events: EventRecorder;
  queue: WorkQueue;
  timers: Timers;
  /** Multiplier of simulated durations; 1 is real time. */
  timeScale: number;
  /** Cluster version, e.g. "v1.32.0". */
  version: string;
  /** Whether metrics.k8s.io is served (the HPA controller depends on it). */
  metricsEnabled: boolean;
  /** Wall clock in ms; cron schedules and timestamps read it. */
  now(): number;
  /** Watches opened by parts of the simulation, closed on stop. */
  watches: Watch[];
}

export function createContext(options: {
  store: ObjectStore;
  timeScale?: number;
  version?: string;
  metricsEnabled?: boolean;
  now?: () => number;
  onError?: (error: unknown, key: string) => void;
}): SimContext {
  return {
    store: options.store,
    events: new EventRecorder(options.store),
    queue: new WorkQueue(options.onError),
    timers: new Timers(),
    timeScale: options.timeScale ?? 1,
    version: options.version ?? 'v1.32.0',
    metricsEnabled: options.metricsEnabled ?? true,
    now: options.now ?? Date.now,
    watches: [],
  };
}

/** Real milliseconds for `seconds` of simulated time. */
export function simMs(ctx: SimContext, seconds: number): number {
  return seconds * 1000 * ctx.timeScale;
}

type SelectorSpec = Parameters<typeof formatLabelSelector>[0];

/** A matcher for a structured label selector; an empty selector matches everything. */
export function selectorMatcher(selector: SelectorSpec | undefined): (labels?: Record<string, string>) => boolean {
  return compileLabelSelector(formatLabelSelector(selector ?? {})) ?? (() => true);
}

/** Objects of `key` in `namespace` whose controller ownerReference points at `owner`. */
export function ownedBy(ctx: SimContext, key: ResourceKey, owner: KubeObject, selector?: SelectorSpec): KubeObject[] {
  const labelSelector = selector ? formatLabelSelector(selector) : undefined;
  return ctx.store
    .list(key, { namespace: owner.metadata.namespace, labelSelector: labelSelector || undefined })
    .items.filter(item =>
      (item.metadata.ownerReferences ?? []).some(ref => ref.controller && ref.uid === owner.metadata.uid),
    );
}

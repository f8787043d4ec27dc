import { compileFieldSelector } from './fieldSelector';
import { compileLabelSelector } from './labelSelector';
import {
  StoreError,
  type KubeObject,
  type Watch,
  type WatchEvent,
  type WatchOptions,
} from './types';

/** One committed write, as kept in the history window. */
export interface Change {
  rv: number;
  table: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
  /** The previous state for MODIFIED, so selector watchers see objects enter and leave. */
  prev?: KubeObject;
}

interface Watcher {
  table: string;
  matches: (object: KubeObject) => boolean;
  onEvent: (event: WatchEvent) => void;
  lastRv: number;
  stopped: boolean;
  timer?: NodeJS.Timeout;
}

export interface WatchHubOptions {
  /** How many changes are kept for resuming watches; older versions answer 410 Expired. */
  historySize: number;
  /** How often watches that allow bookmarks receive one. */
  bookmarkIntervalMs: number;
}

/**
 * Fans committed changes out to watchers synchronously and in resourceVersion order. A write
 * made by a watcher's callback is queued behind the change being delivered, so every watcher
 * sees every change in the same order.
 */
export class WatchHub {
  private readonly watchers = new Map<string, Set<Watcher>>();
  private readonly history: Change[] = [];
  private historyStart = 0;
  /** Every change with rv greater than this is still in the history. */
  private compactedRv = 0;
  private readonly pending: Change[] = [];
  private dispatching = false;

  constructor(
    private readonly options: WatchHubOptions,
    private readonly currentRv: () => number,
  ) {}

  /** The oldest resourceVersion a watch can still resume from. */
  oldestResumableVersion(): number {
    return this.compactedRv;
  }

  publish(change: Change): void {
    this.history.push(change);
    if (this.history.length - this.historyStart > this.options.historySize) {
      this.compactedRv = this.history[this.historyStart].rv;
      this.historyStart++;
      if (this.historyStart > 4096 && this.historyStart * 2 > this.history.length) {
        this.history.splice(0, this.historyStart);
        this.historyStart = 0;
      }
    }
    this.pending.push(change);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      for (let i = 0; i < this.pending.length; i++) this.deliverToAll(this.pending[i]);
    } finally {
      this.pending.length = 0;
      this.dispatching = false;
    }
  }

  /**
   * Starts a watch. Without a resourceVersion (or with "0") the current matching objects arrive
   * first as ADDED events; with one, the changes after it are replayed from the history.
   */
  watch(
    table: string,
    options: WatchOptions,
    snapshot: () => KubeObject[],
    onEvent: (event: WatchEvent) => void,
  ): Watch {
    const labels = compileLabelSelector(options.labelSelector);
    const fields = compileFieldSelector(options.fieldSelector);
    const namespace = options.namespace;
    const watcher: Watcher = {
      table,
      matches: o =>
        (!namespace || o.metadata.namespace === namespace) &&
        (!labels || labels(o.metadata.labels)) &&
        (!fields || fields(o)),
      onEvent,
      lastRv: 0,
      stopped: false,
    };
    const rvText = options.resourceVersion;
    if (rvText && rvText !== '0') {
      const from = Number(rvText);
      if (!Number.isSafeInteger(from) || from < 0) {
        throw new StoreError(400, 'BadRequest', `invalid resource version: ${rvText}`);
      }
      if (from < this.compactedRv) {
        throw new StoreError(410, 'Expired', `too old resource version: ${from} (${this.compactedRv + 1})`);
      }
      watcher.lastRv = from;
      for (let i = this.historyStart; i < this.history.length; i++) {
        const change = this.history[i];
        if (change.table === table) this.deliver(watcher, change);
      }
    } else {
      for (const object of snapshot()) {
        if (watcher.matches(object)) onEvent({ type: 'ADDED', object });
      }
    }
    watcher.lastRv = Math.max(watcher.lastRv, this.currentRv());
    let set = this.watchers.get(table);
    if (!set) this.watchers.set(table, (set = new Set()));
    set.add(watcher);
    if (options.allowWatchBookmarks) this.scheduleBookmarks(watcher);
    return {
      stop: () => {
        watcher.stopped = true;
        if (watcher.timer) clearInterval(watcher.timer);
        this.watchers.get(table)?.delete(watcher);
      },
    };
  }

  private scheduleBookmarks(watcher: Watcher): void {
    watcher.timer = setInterval(() => {
      if (watcher.stopped) return;
      const object: KubeObject = {
        apiVersion: '',
        kind: '',
        metadata: { name: '', resourceVersion: String(this.currentRv()) },
      };
      this.safeCall(watcher, { type: 'BOOKMARK', object });
    }, this.options.bookmarkIntervalMs);
    watcher.timer.unref();
  }

  private deliverToAll(change: Change): void {
    const set = this.watchers.get(change.table);
    if (!set) return;
    for (const watcher of set) this.deliver(watcher, change);
  }

  private deliver(watcher: Watcher, change: Change): void {
    if (watcher.stopped || change.rv <= watcher.lastRv) return;
    watcher.lastRv = change.rv;
    const now = watcher.matches(change.object);
    if (change.type !== 'MODIFIED') {
      if (now) this.safeCall(watcher, { type: change.type, object: change.object });
      return;
    }
    const before = change.prev ? watcher.matches(change.prev) : false;
    if (now && before) this.safeCall(watcher, { type: 'MODIFIED', object: change.object });
    else if (now) this.safeCall(watcher, { type: 'ADDED', object: change.object });
    else if (before) this.safeCall(watcher, { type: 'DELETED', object: change.object });
  }

  private safeCall(watcher: Watcher, event: WatchEvent): void {
    try {
      watcher.onEvent(event);
    } catch {
      // A failing consumer must not break the writer or the other watchers.
    }
  }
}

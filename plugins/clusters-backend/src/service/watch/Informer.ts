import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterClient,
  kubeResponseError,
  readKubeBody,
} from '@kubedeck/plugin-clusters-node';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { readLines } from '../logs/readLines';
import { backoffDelay } from './backoff';
import { listAll } from '../listAll';

/** A change to the cached list, numbered in the order it happened. */
export type InformerEvent = {
  seq: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: any;
};

type Listener = (event: InformerEvent) => void;

const LIST_PAGE = 500;
const REPLAY_SIZE = 2_000;
const WATCH_TIMEOUT_SECONDS = 290;

function keyOf(object: any): string {
  return `${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
}

class GoneError extends Error {}

/**
 * A cached list plus watch of one resource collection, shared by every viewer. Keeps the last
 * resourceVersion, resumes after errors with jittered backoff, relists on 410 Gone (emitting
 * the differences as events) and keeps the latest events for replay.
 */
export class Informer {
  /** Changes with every informer instance; ids from another instance are unusable. */
  readonly epoch = randomUUID().slice(0, 8);
  readonly #objects = new Map<string, any>();
  readonly #replay: InformerEvent[] = [];
  readonly #listeners = new Set<Listener>();
  readonly #controller = new AbortController();
  #seq = 0;
  #resourceVersion = '';
  readonly ready: Promise<void>;

  constructor(
    private readonly client: ClusterClient,
    private readonly path: string,
    private readonly logger: LoggerService,
  ) {
    this.ready = this.#relist();
    this.ready.then(() => this.#run()).catch(() => {});
  }

  get seq(): number {
    return this.#seq;
  }

  get resourceVersion(): string {
    return this.#resourceVersion;
  }

  /** A copy of the current list. */
  list(): any[] {
    return [...this.#objects.values()];
  }

  /** Events after `seq`, or undefined when they are no longer buffered. */
  eventsAfter(seq: number): InformerEvent[] | undefined {
    if (seq > this.#seq) {
      return undefined;
    }
    const oldest = this.#replay[0]?.seq ?? this.#seq + 1;
    if (seq < oldest - 1) {
      return undefined;
    }
    return this.#replay.filter(event => event.seq > seq);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get subscribers(): number {
    return this.#listeners.size;
  }

  stop() {
    this.#controller.abort();
    this.#listeners.clear();
  }

  /** Calls back when the informer stops (idle grace period over, or shutdown). */
  onStop(callback: () => void) {
    this.#controller.signal.addEventListener('abort', callback, { once: true });
  }

  get stopped(): boolean {
    return this.#controller.signal.aborted;
  }

  #emit(type: InformerEvent['type'], object: any) {
    const key = keyOf(object);
    if (type === 'DELETED') {
      this.#objects.delete(key);
    } else {
      this.#objects.set(key, object);
    }
    const event = { seq: ++this.#seq, type, object };
    this.#replay.push(event);
    if (this.#replay.length > REPLAY_SIZE) {
      this.#replay.shift();
    }
    for (const listener of this.#listeners) {
      listener(event);
    }
  }

  /** Lists and turns the differences with the cache into events. */
  async #relist() {
    const { items, resourceVersion } = await listAll(this.client, this.path, {
      pageSize: LIST_PAGE,
      signal: this.#controller.signal,
    });
    if (this.#seq === 0 && this.#objects.size === 0) {
      for (const item of items) {
        this.#objects.set(keyOf(item), item);
      }
      this.#resourceVersion = resourceVersion;
      return;
    }
    const seen = new Set<string>();
    for (const item of items) {
      const key = keyOf(item);
      seen.add(key);
      const cached = this.#objects.get(key);
      if (!cached) {
        this.#emit('ADDED', item);
      } else if (
        cached.metadata?.resourceVersion !== item.metadata?.resourceVersion
      ) {
        this.#emit('MODIFIED', item);
      }
    }
    for (const [key, cached] of this.#objects) {
      if (!seen.has(key)) {
        this.#emit('DELETED', cached);
      }
    }
    this.#resourceVersion = resourceVersion;
  }

  async #run() {
    let attempt = 0;
    while (!this.stopped) {
      try {
        const progressed = await this.#watchOnce();
        attempt = progressed ? 0 : attempt + 1;
        continue;
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof GoneError) {
          await this.#relist().catch(e => this.#log(e));
          continue;
        }
        this.#log(error);
        attempt += 1;
      }
      await sleep(backoffDelay(attempt), undefined, {
        signal: this.#controller.signal,
      }).catch(() => {});
    }
  }

  #log(error: unknown) {
    this.logger.warn(
      `Watch of ${this.path} on ${this.client.name} failed: ${
        (error as Error).message
      }`,
    );
  }

  /** One watch request; resolves when the server ends it, telling whether events came. */
  async #watchOnce(): Promise<boolean> {
    const response = await this.client.request({
      path: this.path,
      query: {
        watch: 1,
        resourceVersion: this.#resourceVersion,
        allowWatchBookmarks: true,
        timeoutSeconds: WATCH_TIMEOUT_SECONDS,
      },
      signal: this.#controller.signal,
    });
    if (response.status === 410) {
      response.body.resume();
      throw new GoneError();
    }
    if (response.status !== 200) {
      throw kubeResponseError(response.status, await readKubeBody(response));
    }
    let progressed = false;
    for await (const line of readLines(response.body, () => false)) {
      if (!line.trim()) continue;
      if (this.#apply(JSON.parse(line))) {
        progressed = true;
      }
    }
    return progressed;
  }

  /** Applies one watch event; true when it was a change or a bookmark. */
  #apply(event: { type: string; object: any }): boolean {
    if (event.type === 'ERROR') {
      if (event.object?.code === 410) throw new GoneError();
      throw new Error(event.object?.message ?? 'watch error');
    }
    const rv = event.object?.metadata?.resourceVersion;
    if (rv) this.#resourceVersion = rv;
    if (
      event.type === 'ADDED' ||
      event.type === 'MODIFIED' ||
      event.type === 'DELETED'
    ) {
      this.#emit(event.type, event.object);
      return true;
    }
    return event.type === 'BOOKMARK';
  }
}

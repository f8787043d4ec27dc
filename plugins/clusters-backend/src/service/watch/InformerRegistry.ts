import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterClient } from '@kubedeck/plugin-clusters-node';
import { Informer } from './Informer';

const DEFAULT_GRACE_MS = 30_000;

/** A viewer's hold on a shared informer; release it when the viewer leaves. */
export type InformerLease = { informer: Informer; release(): void };

/**
 * One informer per (cluster, collection path, impersonated identity), shared by every viewer.
 * An informer nobody holds is stopped after a grace period; all stop on shutdown.
 */
export class InformerRegistry {
  readonly #entries = new Map<
    string,
    { informer: Informer; holders: number; timer?: NodeJS.Timeout }
  >();

  readonly #connectionIds = new WeakMap<object, number>();
  #nextConnectionId = 1;

  constructor(
    private readonly logger: LoggerService,
    private readonly graceMs = DEFAULT_GRACE_MS,
  ) {}

  acquire(client: ClusterClient, path: string): InformerLease {
    const user = client.impersonation?.user ?? '';
    const key = [client.name, this.#connectionId(client), path, user].join(
      '\u0000',
    );
    let entry = this.#entries.get(key);
    if (!entry || entry.informer.stopped) {
      entry = { informer: new Informer(client, path, this.logger), holders: 0 };
      this.#entries.set(key, entry);
      const created = entry;
      created.informer.ready.catch(() => this.#drop(key, created.informer));
    }
    clearTimeout(entry.timer);
    entry.holders += 1;
    const held = entry;
    let released = false;
    return {
      informer: held.informer,
      release: () => {
        if (released) return;
        released = true;
        held.holders -= 1;
        if (held.holders === 0) {
          held.timer = setTimeout(
            () => this.#drop(key, held.informer),
            this.graceMs,
          );
        }
      },
    };
  }

  /**
   * Identifies the cluster connection a client uses. Impersonating configs share their base's
   * cluster list, so they map to the same id; a re-supplied cluster (new endpoint, CA or
   * token) gets a new one, and with it a new informer.
   */
  #connectionId(client: ClusterClient): number {
    const connection = client.kubeConfig.clusters;
    let id = this.#connectionIds.get(connection);
    if (id === undefined) {
      id = this.#nextConnectionId++;
      this.#connectionIds.set(connection, id);
    }
    return id;
  }

  /** How many informers run (for tests and diagnostics). */
  get size(): number {
    return this.#entries.size;
  }

  #drop(key: string, informer: Informer) {
    const entry = this.#entries.get(key);
    if (entry?.informer === informer) {
      clearTimeout(entry.timer);
      this.#entries.delete(key);
    }
    informer.stop();
  }

  stopAll() {
    for (const [key, entry] of this.#entries) {
      this.#drop(key, entry.informer);
    }
  }
}

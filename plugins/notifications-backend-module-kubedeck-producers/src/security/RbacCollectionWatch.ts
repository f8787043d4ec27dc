import {
  KubernetesListObject,
  KubernetesObject,
  makeInformer,
  type Informer,
  type ObjectCache,
} from '@kubernetes/client-node';
import type { ClusterClient } from '@kubedeck/plugin-clusters-node';
import type { RbacChange } from './rbacEvents';

type Listener = (change: RbacChange, object: KubernetesObject) => void;

const keyOf = (object: KubernetesObject) =>
  `${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;

/** What changed between two lists of one collection. */
export function listDifferences(
  before: readonly KubernetesObject[],
  after: readonly KubernetesObject[],
): [RbacChange, KubernetesObject][] {
  const previous = new Map(before.map(object => [keyOf(object), object]));
  const changes: [RbacChange, KubernetesObject][] = [];
  for (const object of after) {
    const old = previous.get(keyOf(object));
    previous.delete(keyOf(object));
    if (!old) {
      changes.push(['created', object]);
    } else if (
      old.metadata?.resourceVersion !== object.metadata?.resourceVersion
    ) {
      changes.push(['changed', object]);
    }
  }
  for (const object of previous.values()) {
    changes.push(['deleted', object]);
  }
  return changes;
}

/**
 * List plus watch of one collection through `@kubernetes/client-node`'s informer, which keeps
 * the last resourceVersion while it runs and relists on 410 Gone (announcing only the
 * differences). The first list is never announced. A failed watch stays down until the next
 * {@link RbacCollectionWatch.ensure}, which lists again with the client it is given (fresh
 * credentials) and announces what changed meanwhile, so retries follow the caller's schedule.
 */
export class RbacCollectionWatch {
  #informer?: Informer<KubernetesObject> & ObjectCache<KubernetesObject>;
  #failed = false;
  #stopped = false;

  constructor(
    private readonly path: string,
    private readonly onChange: Listener,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts the watch, or restarts it after a failure; a running watch is left alone. */
  async ensure(client: ClusterClient): Promise<void> {
    if (this.#stopped || (this.#informer && !this.#failed)) {
      return;
    }
    const baseline = this.#informer?.list();
    let failed = false;
    const informer = makeInformer<KubernetesObject>(
      client.kubeConfig,
      this.path,
      () =>
        client.requestJson<KubernetesListObject<KubernetesObject>>({
          path: this.path,
        }),
    );
    informer.on('error', error => {
      failed = true;
      if (this.#informer === informer) {
        this.#failed = true;
      }
      if (!this.#stopped) {
        this.onError(error);
      }
    });
    await informer.start();
    if (failed || this.#stopped) {
      await informer.stop();
      return;
    }
    await this.#informer?.stop();
    this.#informer = informer;
    this.#failed = false;
    for (const [change, object] of listDifferences(
      baseline ?? informer.list(),
      informer.list(),
    )) {
      this.onChange(change, object);
    }
    informer.on('add', object => this.onChange('created', object));
    informer.on('update', object => this.onChange('changed', object));
    informer.on('delete', object => this.onChange('deleted', object));
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#informer?.stop();
  }
}

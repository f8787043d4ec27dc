import {
  CoreV1Api,
  makeInformer,
  type Informer,
  type V1Pod,
} from '@kubernetes/client-node';
import type { FailureEvent, FailureReport } from '@kubedeck/agent-proto';
import type { KubeTarget } from '../kube';
import type { Logger } from '../logger';
import { detectFailures } from './detect';

type EventList = {
  items?: {
    reason?: string;
    message?: string;
    type?: string;
    count?: number;
    lastTimestamp?: string;
    eventTime?: string;
  }[];
};

const key = (pod: V1Pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`;

/** How long the detector waits for more changes before announcing the current failures. */
const SETTLE_MS = 500;

/**
 * Watches pods with read-only access and keeps the failures they show right now: crash
 * loops, OOM kills, image pull back-offs, and pods pending too long, each with the pod's recent
 * events (read once, when the failure first appears). Whenever that set changes, and once after
 * the initial listing, it hands the whole set to `onChange`: a failure missing from it resolved.
 */
export class FailureDetector {
  #informer?: Informer<V1Pod>;
  #sweep?: NodeJS.Timeout;
  #restart?: NodeJS.Timeout;
  #settle?: NodeJS.Timeout;
  #stopped = false;
  /** Current failures by pod, then by `reason/container`. */
  readonly #failures = new Map<string, Map<string, FailureReport>>();
  readonly #pods = new Map<string, V1Pod>();
  /** The newest check of each pod; an older one finishing late is dropped. */
  readonly #generation = new Map<string, number>();
  readonly #pending = new Set<Promise<void>>();

  constructor(
    private readonly target: KubeTarget,
    private readonly logger: Logger,
    private readonly onChange: (failures: FailureReport[]) => void,
    private readonly pendingTooLongMs: number,
  ) {}

  /** Every failure seen right now. */
  current(): FailureReport[] {
    return [...this.#failures.values()].flatMap(m => [...m.values()]);
  }

  async start(): Promise<void> {
    const api = this.target.kubeConfig.makeApiClient(CoreV1Api);
    const informer = makeInformer(this.target.kubeConfig, '/api/v1/pods', () =>
      api.listPodForAllNamespaces(),
    );
    this.#informer = informer;
    const seen = (pod: V1Pod) => {
      this.#pods.set(key(pod), pod);
      this.#track(this.#check(pod));
    };
    informer.on('add', seen);
    informer.on('update', seen);
    informer.on('delete', pod => {
      this.#pods.delete(key(pod));
      this.#generation.delete(key(pod));
      if (this.#failures.delete(key(pod))) this.#changed();
    });
    informer.on('error', error => {
      if (this.#stopped) return;
      this.logger.warn(
        `Pod watch failed, restarting: ${(error as Error)?.message ?? error}`,
      );
      this.#restart = setTimeout(
        () => void informer.start().catch(() => undefined),
        5_000,
      );
    });
    await informer.start();
    await Promise.all([...this.#pending]);
    this.#announce();
    this.#sweep = setInterval(
      () => this.#pods.forEach(pod => this.#track(this.#check(pod))),
      30_000,
    );
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#sweep);
    clearTimeout(this.#restart);
    clearTimeout(this.#settle);
    await this.#informer?.stop();
  }

  #track(check: Promise<void>) {
    this.#pending.add(check);
    void check.finally(() => this.#pending.delete(check));
  }

  #changed() {
    if (this.#stopped || this.#settle) return;
    this.#settle = setTimeout(() => this.#announce(), SETTLE_MS);
  }

  #announce() {
    clearTimeout(this.#settle);
    this.#settle = undefined;
    if (!this.#stopped) this.onChange(this.current());
  }

  async #check(pod: V1Pod): Promise<void> {
    const podKey = key(pod);
    const generation = (this.#generation.get(podKey) ?? 0) + 1;
    this.#generation.set(podKey, generation);
    const before = this.#failures.get(podKey) ?? new Map();
    const after = new Map<string, FailureReport>();
    let events: Promise<FailureEvent[]> | undefined;
    for (const failure of detectFailures(
      pod,
      Date.now(),
      this.pendingTooLongMs,
    )) {
      const id = `${failure.reason}/${failure.container ?? ''}`;
      const known = before.get(id);
      if (known) {
        after.set(id, known);
        continue;
      }
      events ??= this.#events(pod);
      after.set(id, {
        reason: failure.reason,
        namespace: pod.metadata?.namespace ?? '',
        pod: pod.metadata?.name ?? '',
        container: failure.container ?? '',
        message: failure.message,
        detectedAtMs: Date.now(),
        events: await events,
      });
    }
    if (this.#generation.get(podKey) !== generation) return;
    const same =
      after.size === before.size && [...after.keys()].every(k => before.has(k));
    if (after.size > 0) this.#failures.set(podKey, after);
    else this.#failures.delete(podKey);
    if (!same) this.#changed();
  }

  async #events(pod: V1Pod): Promise<FailureEvent[]> {
    const ns = encodeURIComponent(pod.metadata?.namespace ?? 'default');
    const selector = encodeURIComponent(
      `involvedObject.name=${pod.metadata?.name}`,
    );
    try {
      const { status, body } = await this.target.json<EventList>(
        'GET',
        `/api/v1/namespaces/${ns}/events?fieldSelector=${selector}`,
      );
      if (status !== 200) return [];
      return (body.items ?? []).slice(-5).map(e => ({
        reason: e.reason ?? '',
        message: e.message ?? '',
        type: e.type ?? '',
        count: e.count ?? 1,
        lastTimestamp: e.lastTimestamp ?? e.eventTime ?? '',
      }));
    } catch {
      return [];
    }
  }
}

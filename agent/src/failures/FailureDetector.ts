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

/**
 * Watches pods with read-only access and reports each failure once while it lasts: crash
 * loops, OOM kills, image pull back-offs, and pods pending too long, with their recent events.
 */
export class FailureDetector {
  #informer?: Informer<V1Pod>;
  #sweep?: NodeJS.Timeout;
  #restart?: NodeJS.Timeout;
  #stopped = false;
  /** Failures already reported, by pod: `reason/container` entries. */
  readonly #reported = new Map<string, Set<string>>();
  readonly #pods = new Map<string, V1Pod>();

  constructor(
    private readonly target: KubeTarget,
    private readonly logger: Logger,
    private readonly onReport: (report: FailureReport) => void,
    private readonly pendingTooLongMs: number,
  ) {}

  async start(): Promise<void> {
    const api = this.target.kubeConfig.makeApiClient(CoreV1Api);
    const informer = makeInformer(this.target.kubeConfig, '/api/v1/pods', () =>
      api.listPodForAllNamespaces(),
    );
    this.#informer = informer;
    const seen = (pod: V1Pod) => {
      this.#pods.set(key(pod), pod);
      void this.#check(pod);
    };
    informer.on('add', seen);
    informer.on('update', seen);
    informer.on('delete', pod => {
      this.#pods.delete(key(pod));
      this.#reported.delete(key(pod));
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
    this.#sweep = setInterval(
      () => this.#pods.forEach(pod => void this.#check(pod)),
      30_000,
    );
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#sweep);
    clearTimeout(this.#restart);
    await this.#informer?.stop();
  }

  async #check(pod: V1Pod): Promise<void> {
    const podKey = key(pod);
    const failures = detectFailures(pod, Date.now(), this.pendingTooLongMs);
    const current = new Set(
      failures.map(f => `${f.reason}/${f.container ?? ''}`),
    );
    const reported = this.#reported.get(podKey) ?? new Set<string>();
    this.#reported.set(
      podKey,
      new Set([...reported].filter(k => current.has(k))),
    );
    for (const failure of failures) {
      const id = `${failure.reason}/${failure.container ?? ''}`;
      if (reported.has(id)) continue;
      this.#reported.get(podKey)!.add(id);
      this.onReport({
        reason: failure.reason,
        namespace: pod.metadata?.namespace ?? '',
        pod: pod.metadata?.name ?? '',
        container: failure.container ?? '',
        message: failure.message,
        detectedAtMs: Date.now(),
        events: await this.#events(pod),
      });
    }
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

import type { KubeObject } from '../../store/types';
import type { SimContext } from '../context';
import { Annotations } from '../annotations';
import { behaviorOf } from '../kubelet/behavior';
import type { Kubelet } from '../kubelet';
import { formatForImage, hashSeed, type LogFormat } from './lines';
import { InstanceLog } from './instance';

export type { LogLine } from './instance';
export { InstanceLog } from './instance';

const Capacity = 5000;
const MaxInstances = 2000;

/** One container run as the log service sees it. */
export interface RunInfo {
  index: number;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
}

type Status = { name: string; restartCount?: number; state?: Record<string, { startedAt?: string; finishedAt?: string; exitCode?: number; reason?: string }>; lastState?: { terminated?: { startedAt?: string; finishedAt?: string; exitCode?: number } } };

/** Current and previous runs of a container, from the kubelet when it drives the pod, else from status. */
export function runsOf(kubelet: Kubelet, pod: KubeObject, container: string): { current?: RunInfo; previous?: RunInfo; waiting?: string } {
  const runner = kubelet.worker(pod.metadata.namespace ?? '', pod.metadata.name)?.runner(container);
  const statuses = [
    ...((pod.status as { containerStatuses?: Status[] })?.containerStatuses ?? []),
    ...((pod.status as { initContainerStatuses?: Status[] })?.initContainerStatuses ?? []),
  ];
  const status = statuses.find(s => s.name === container);
  const waiting = status?.state?.waiting?.reason ?? (runner && 'waiting' in runner.state ? runner.state.waiting.reason : undefined);
  if (runner) {
    const runs = runner.instances;
    return { current: runs[runs.length - 1], previous: runs[runs.length - 2], waiting };
  }
  const running = status?.state?.running ?? status?.state?.terminated;
  const last = status?.lastState?.terminated;
  const restarts = status?.restartCount ?? 0;
  const toRun = (s: { startedAt?: string; finishedAt?: string; exitCode?: number }, index: number): RunInfo => ({
    index, startedAt: Date.parse(s.startedAt ?? '') || Date.now(),
    finishedAt: s.finishedAt ? Date.parse(s.finishedAt) : undefined, exitCode: s.exitCode,
  });
  if (running?.startedAt) return { current: toRun(running, restarts), previous: last ? toRun(last, restarts - 1) : undefined, waiting };
  return { current: last ? toRun(last, restarts) : undefined, waiting };
}

/** Log generators of all containers, created on first read and kept in a bounded cache. */
export class LogService {
  private readonly cache = new Map<string, InstanceLog>();

  constructor(private readonly ctx: SimContext) {}

  /** The log of one run, caught up to now. */
  instanceLog(pod: KubeObject, container: { name: string; image?: string }, run: RunInfo): InstanceLog {
    const key = `${pod.metadata.uid}/${container.name}/${run.index}`;
    let log = this.cache.get(key);
    if (!log) {
      log = new InstanceLog({
        seed: hashSeed(key),
        format: this.formatOf(pod, container.image ?? ''),
        container: container.name,
        image: container.image ?? '',
        behavior: behaviorOf(pod, container),
        startedAt: run.startedAt,
        intervalMs: this.intervalMs(pod),
        capacity: Capacity,
      });
      if (this.cache.size >= MaxInstances) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, log);
    }
    log.catchUp(Date.now(), run.finishedAt !== undefined ? { at: run.finishedAt, exitCode: run.exitCode } : undefined);
    return log;
  }

  stop(): void {
    this.cache.clear();
  }

  private formatOf(pod: KubeObject, image: string): LogFormat {
    const chosen = pod.metadata.annotations?.[Annotations.logFormat] as LogFormat | undefined;
    return chosen ?? formatForImage(image);
  }

  /** Real milliseconds between lines: the pod's log-rate annotation (lines/s, default 1), time-scaled. */
  intervalMs(pod: KubeObject): number {
    const rate = Number(pod.metadata.annotations?.[Annotations.logRate] ?? 1);
    if (!(rate > 0)) return Infinity;
    return (1000 / rate) * this.ctx.timeScale;
  }
}

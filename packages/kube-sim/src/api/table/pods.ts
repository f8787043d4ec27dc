import type { KubeObject } from '../../store/types';
import { AGE, NAME, NONE, age, at, col, since, type Printer } from './format';

interface ContainerState {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string };
}

interface ContainerStatus {
  name: string;
  ready?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
  started?: boolean;
}

interface PodView {
  spec?: { containers?: unknown[]; initContainers?: Array<{ restartPolicy?: string }>; nodeName?: string; readinessGates?: Array<{ conditionType: string }> };
  status?: {
    phase?: string;
    reason?: string;
    podIP?: string;
    nominatedNodeName?: string;
    conditions?: Array<{ type: string; status: string; reason?: string }>;
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
}

function lastRestart(statuses: ContainerStatus[]): string | undefined {
  let latest: string | undefined;
  for (const s of statuses) {
    const finished = s.lastState?.terminated?.finishedAt;
    if (finished && (!latest || finished > latest)) latest = finished;
  }
  return latest;
}

function terminatedText(t: NonNullable<ContainerState['terminated']>, prefix = ''): string {
  if (t.reason) return `${prefix}${t.reason}`;
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode ?? 0}`;
}

/** Follows kubectl's pod printer: STATUS from init containers, containers and deletion. */
function podStatus(pod: KubeObject & PodView): { reason: string; ready: number; total: number; restarts: number; restartStatuses: ContainerStatus[] } {
  const status = pod.status ?? {};
  let reason = status.reason || status.phase || '';
  const initSpecs = pod.spec?.initContainers ?? [];
  const sidecars = initSpecs.filter(c => c.restartPolicy === 'Always').length;
  const total = (pod.spec?.containers?.length ?? 0) + sidecars;
  const initStatuses = status.initContainerStatuses ?? [];
  let restarts = 0;
  let ready = 0;
  let initializing = false;
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) continue;
    if (initSpecs[i]?.restartPolicy === 'Always' && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (t) reason = terminatedText(t, 'Init:');
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }
  const initialized = status.conditions?.some(c => c.type === 'Initialized' && c.status === 'True');
  const statuses = status.containerStatuses ?? [];
  if (!initializing || initialized) {
    restarts = 0;
    let hasRunning = false;
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated) reason = terminatedText(c.state.terminated);
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = status.conditions?.some(c => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return { reason, ready, total, restarts, restartStatuses: [...initStatuses, ...statuses] };
}

export const podPrinter: Printer = {
  columns: [
    NAME,
    col('Ready'),
    col('Status'),
    col('Restarts'),
    AGE,
    col('IP', 'string', 1),
    col('Node', 'string', 1),
    col('Nominated Node', 'string', 1),
    col('Readiness Gates', 'string', 1),
  ],
  row(object, now) {
    const pod = object as KubeObject & PodView;
    const s = podStatus(pod);
    const last = lastRestart(s.restartStatuses);
    const restarts = s.restarts > 0 && last ? `${s.restarts} (${since(last, now)} ago)` : String(s.restarts);
    const gates = pod.spec?.readinessGates ?? [];
    const trueGates = gates.filter(g => pod.status?.conditions?.some(c => c.type === g.conditionType && c.status === 'True')).length;
    return [
      pod.metadata.name,
      `${s.ready}/${s.total}`,
      s.reason,
      restarts,
      age(pod, now),
      at<string>(pod, 'status', 'podIP') || NONE,
      pod.spec?.nodeName || NONE,
      pod.status?.nominatedNodeName || NONE,
      gates.length ? `${trueGates}/${gates.length}` : NONE,
    ];
  },
};

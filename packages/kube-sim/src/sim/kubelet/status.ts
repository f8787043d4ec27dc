import type { KubeObject } from '../../store/types';
import { setCondition } from '../controllers/controller';
import { nowIso } from '../resources';
import { fullImageName } from './images';
import type { ContainerRunner } from './container';

export interface PodCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime: null;
  lastTransitionTime: string;
}

export function containerStatus(runner: ContainerRunner) {
  const ran = runner.containerID !== undefined;
  return {
    name: runner.spec.name,
    state: runner.state,
    lastState: runner.lastState ?? {},
    ready: runner.ready,
    restartCount: runner.restartCount,
    image: ran ? fullImageName(runner.image) : runner.image,
    imageID: runner.imageID ?? '',
    ...(runner.containerID ? { containerID: runner.containerID } : {}),
    started: 'running' in runner.state,
  };
}

/** Pending, Running, Succeeded or Failed from the containers, as the kubelet decides it. */
export function podPhaseOf(init: ContainerRunner[], main: ContainerRunner[], restartPolicy: string): string {
  const initFailed = init.some(r => r.finished && 'terminated' in r.state && r.state.terminated.exitCode !== 0);
  if (initFailed && restartPolicy === 'Never') return 'Failed';
  if (init.some(r => !r.finished)) return 'Pending';
  if (main.some(r => r.containerID === undefined && r.restartCount === 0)) return 'Pending';
  if (main.every(r => r.finished)) {
    return main.every(r => 'terminated' in r.state && r.state.terminated.exitCode === 0) ? 'Succeeded' : 'Failed';
  }
  return 'Running';
}

function readiness(type: string, main: ContainerRunner[], phase: string, now: string): PodCondition {
  const unready = main.filter(r => !r.ready).map(r => r.spec.name);
  if (phase === 'Succeeded' || phase === 'Failed') {
    return { type, status: 'False', reason: 'PodCompleted', lastProbeTime: null, lastTransitionTime: now };
  }
  if (unready.length === 0) return { type, status: 'True', lastProbeTime: null, lastTransitionTime: now };
  return { type, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]`, lastProbeTime: null, lastTransitionTime: now };
}

/** The pod's status conditions, keeping transition times of unchanged ones. */
export function podConditions(previous: PodCondition[] | undefined, init: ContainerRunner[], main: ContainerRunner[], phase: string, nodeReady: boolean): PodCondition[] {
  const now = nowIso();
  const pending = init.filter(r => !r.finished).map(r => r.spec.name);
  const initialized: PodCondition = pending.length
    ? { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${pending.join(' ')}]`, lastProbeTime: null, lastTransitionTime: now }
    : { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: now };
  const sandbox: PodCondition = { type: 'PodReadyToStartContainers', status: phase === 'Succeeded' || phase === 'Failed' ? 'False' : 'True', lastProbeTime: null, lastTransitionTime: now };
  let conditions = setCondition(previous, sandbox);
  conditions = setCondition(conditions, initialized);
  const ready = readiness('Ready', main, phase, now);
  conditions = setCondition(conditions, nodeReady ? ready : { ...ready, status: 'False', reason: 'NodeNotReady', message: undefined });
  conditions = setCondition(conditions, readiness('ContainersReady', main, phase, now));
  const order = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
  return [...conditions].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
}

export interface PodNetwork {
  podIP: string;
  hostIP: string;
  startTime: string;
}

/** The whole pod status the kubelet reports. */
export function buildPodStatus(pod: KubeObject, init: ContainerRunner[], main: ContainerRunner[], net: PodNetwork, nodeReady: boolean) {
  const previous = (pod.status ?? {}) as { conditions?: PodCondition[]; qosClass?: string };
  const restartPolicy = (pod.spec as { restartPolicy?: string }).restartPolicy ?? 'Always';
  const phase = podPhaseOf(init, main, restartPolicy);
  return {
    phase,
    conditions: podConditions(previous.conditions, init, main, phase, nodeReady),
    hostIP: net.hostIP,
    hostIPs: [{ ip: net.hostIP }],
    podIP: net.podIP,
    podIPs: [{ ip: net.podIP }],
    startTime: net.startTime,
    ...(init.length ? { initContainerStatuses: init.map(containerStatus) } : {}),
    containerStatuses: main.map(containerStatus),
    qosClass: previous.qosClass ?? 'BestEffort',
  };
}

/**
 * The status of a pod whose containers all run and are ready, as a kubelet reports it once a
 * pod has settled; generated scenarios start pods in this state.
 */
export function settledPodStatus(
  containers: Array<{ name: string; image?: string }>,
  net: PodNetwork,
  ids: { containerId: (name: string) => string; imageId: (image: string) => string },
  qosClass: string,
) {
  const since = net.startTime;
  const condition = (type: string) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: since });
  return {
    phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(condition),
    hostIP: net.hostIP,
    hostIPs: [{ ip: net.hostIP }],
    podIP: net.podIP,
    podIPs: [{ ip: net.podIP }],
    startTime: since,
    containerStatuses: containers.map(c => ({
      name: c.name,
      state: { running: { startedAt: since } },
      lastState: {},
      ready: true,
      restartCount: 0,
      image: fullImageName(c.image ?? ''),
      imageID: ids.imageId(c.image ?? ''),
      containerID: ids.containerId(c.name),
      started: true,
    })),
    qosClass,
  };
}

import { KubeObject } from '@kubedeck/plugin-clusters-common';

/** How a status looks: ok (green), warning (amber), error (red), neutral (grey). */
export type StatusTone = 'ok' | 'warning' | 'error' | 'neutral';

/** A status word and its tone. */
export type ObjectStatus = { text: string; tone: StatusTone };

const ERROR_REASONS = new Set([
  'CrashLoopBackOff',
  'Error',
  'OOMKilled',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'ContainerCannotRun',
  'Failed',
  'Evicted',
  'NotReady',
  'Lost',
  'BackoffLimitExceeded',
  'DeadlineExceeded',
]);
const WARNING_REASONS = new Set([
  'Pending',
  'ContainerCreating',
  'PodInitializing',
  'Terminating',
  'Unknown',
  'Progressing',
]);
const OK_REASONS = new Set([
  'Running',
  'Succeeded',
  'Completed',
  'Ready',
  'Bound',
  'Active',
  'Available',
  'Complete',
]);

/** The tone of a status word. */
export function toneOf(text: string): StatusTone {
  if (
    ERROR_REASONS.has(text) ||
    text.startsWith('Init:Error') ||
    text.startsWith('Init:CrashLoop')
  ) {
    return 'error';
  }
  if (WARNING_REASONS.has(text) || text.startsWith('Init:')) {
    return 'warning';
  }
  return OK_REASONS.has(text) ? 'ok' : 'neutral';
}

function status(text: string): ObjectStatus {
  return { text, tone: toneOf(text) };
}

function containerReason(statuses: any[] | undefined): string | undefined {
  for (const s of statuses ?? []) {
    const reason = s.state?.waiting?.reason ?? s.state?.terminated?.reason;
    if (reason && reason !== 'Completed') {
      return reason;
    }
  }
  return undefined;
}

/** The pod status column as kubectl shows it: the most telling container reason first. */
export function podStatus(pod: KubeObject): ObjectStatus {
  if (pod.metadata.deletionTimestamp) {
    return status('Terminating');
  }
  const s = pod.status ?? {};
  const init = (s.initContainerStatuses ?? []).find(
    (c: any) => !c.state?.terminated || c.state.terminated.exitCode !== 0,
  );
  if (init && s.phase === 'Pending') {
    const reason =
      init.state?.waiting?.reason ?? init.state?.terminated?.reason;
    return status(reason ? `Init:${reason}` : 'Init');
  }
  const reason =
    containerReason(s.containerStatuses) ?? s.reason ?? s.phase ?? 'Unknown';
  if (
    reason === 'Running' &&
    (s.conditions ?? []).some(
      (c: any) => c.type === 'Ready' && c.status !== 'True',
    )
  ) {
    return { text: 'Running', tone: 'warning' };
  }
  return status(reason);
}

function conditionTrue(object: KubeObject, type: string) {
  return (object.status?.conditions ?? []).some(
    (c: any) => c.type === type && c.status === 'True',
  );
}

function replicaStatus(object: KubeObject): ObjectStatus {
  const wanted = object.spec?.replicas ?? 1;
  const ready = object.status?.readyReplicas ?? object.status?.numberReady ?? 0;
  if (object.kind === 'DaemonSet') {
    const desired = object.status?.desiredNumberScheduled ?? 0;
    return ready >= desired
      ? status('Ready')
      : { text: 'Progressing', tone: 'warning' };
  }
  if (wanted === 0) {
    return { text: 'Scaled to 0', tone: 'neutral' };
  }
  if (
    (object.status?.conditions ?? []).some(
      (c: any) => c.reason === 'ProgressDeadlineExceeded',
    )
  ) {
    return status('DeadlineExceeded');
  }
  return ready >= wanted
    ? status('Ready')
    : { text: 'Progressing', tone: 'warning' };
}

/** A status for the objects that have one; undefined for the rest. */
export function objectStatus(object: KubeObject): ObjectStatus | undefined {
  switch (object.kind) {
    case 'Pod':
      return podStatus(object);
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
      return replicaStatus(object);
    case 'Job':
      if (conditionTrue(object, 'Failed')) return status('Failed');
      if (conditionTrue(object, 'Complete')) return status('Complete');
      return { text: 'Running', tone: 'ok' };
    case 'CronJob':
      return object.spec?.suspend
        ? { text: 'Suspended', tone: 'neutral' }
        : status('Active');
    case 'PersistentVolumeClaim':
      return status(object.status?.phase ?? 'Unknown');
    case 'Node':
      return conditionTrue(object, 'Ready')
        ? status('Ready')
        : status('NotReady');
    case 'Namespace':
      return status(object.status?.phase ?? 'Active');
    case 'Event':
      return object.type === 'Warning'
        ? { text: 'Warning', tone: 'warning' }
        : { text: 'Normal', tone: 'neutral' };
    default:
      return undefined;
  }
}

/** The pod status of a pod page's details (same rules as {@link podStatus}). */
export function podDetailsStatus(details: {
  phase?: string;
  reason?: string;
  conditions: { type: string; status: string }[];
  containers: {
    init: boolean;
    state: string;
    reason?: string;
    exitCode?: number;
  }[];
}): ObjectStatus {
  const asStatus = (c: {
    state: string;
    reason?: string;
    exitCode?: number;
  }) => ({
    state: { [c.state]: { reason: c.reason, exitCode: c.exitCode } },
  });
  return podStatus({
    kind: 'Pod',
    metadata: { name: '' },
    status: {
      phase: details.phase,
      reason: details.reason,
      conditions: details.conditions,
      initContainerStatuses: details.containers
        .filter(c => c.init)
        .map(asStatus),
      containerStatuses: details.containers.filter(c => !c.init).map(asStatus),
    },
  });
}

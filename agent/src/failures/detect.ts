import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';

/** A failure seen on one pod (before its events are attached). */
export type DetectedFailure = {
  reason:
    | 'CrashLoopBackOff'
    | 'OOMKilled'
    | 'ImagePullBackOff'
    | 'PendingTooLong';
  container?: string;
  message: string;
};

const PULL_FAILURES = new Set(['ImagePullBackOff', 'ErrImagePull']);

function containerFailures(status: V1ContainerStatus): DetectedFailure[] {
  const waiting = status.state?.waiting;
  const terminated = status.state?.terminated ?? status.lastState?.terminated;
  const found: DetectedFailure[] = [];
  if (waiting?.reason === 'CrashLoopBackOff') {
    found.push({
      reason: 'CrashLoopBackOff',
      container: status.name,
      message: `restarted ${status.restartCount} ${
        status.restartCount === 1 ? 'time' : 'times'
      }: ${waiting.message ?? 'back-off restarting'}`,
    });
  }
  if (waiting?.reason && PULL_FAILURES.has(waiting.reason)) {
    found.push({
      reason: 'ImagePullBackOff',
      container: status.name,
      message: waiting.message ?? `cannot pull ${status.image}`,
    });
  }
  if (terminated?.reason === 'OOMKilled') {
    found.push({
      reason: 'OOMKilled',
      container: status.name,
      message: `killed for running out of memory (exit code ${terminated.exitCode})`,
    });
  }
  return found;
}

/** The failures a pod shows right now. */
export function detectFailures(
  pod: V1Pod,
  now: number,
  pendingTooLongMs: number,
): DetectedFailure[] {
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  const found = statuses.flatMap(containerFailures);
  const created = pod.metadata?.creationTimestamp;
  const createdAt = created ? new Date(created).getTime() : now;
  if (
    pod.status?.phase === 'Pending' &&
    now - createdAt > pendingTooLongMs &&
    found.length === 0
  ) {
    const unschedulable = pod.status.conditions?.find(
      c => c.type === 'PodScheduled' && c.status === 'False',
    );
    found.push({
      reason: 'PendingTooLong',
      message:
        unschedulable?.message ??
        `pending for ${Math.round((now - createdAt) / 1000)}s`,
    });
  }
  return found;
}

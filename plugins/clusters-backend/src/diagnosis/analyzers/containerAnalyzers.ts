import type { DiagnosisFinding } from '@kubedeck/plugin-clusters-node';
import { Analyzer, ClusterSnapshot, eventsAbout } from '../types';

type ContainerCheck = (
  snapshot: ClusterSnapshot,
  pod: any,
  container: any,
  status: any,
) => DiagnosisFinding | undefined;

function podFinding(
  pod: any,
  partial: Omit<DiagnosisFinding, 'kind' | 'namespace' | 'name'>,
): DiagnosisFinding {
  return {
    kind: 'Pod',
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    ...partial,
  };
}

const EXIT_CODE_HINTS: Record<number, string> = {
  1: 'the application exited with an error',
  126: 'the command is not executable',
  127: 'the command was not found in the image',
  137: 'the container was killed (SIGKILL), often for memory',
  139: 'the process crashed (segmentation fault)',
  143: 'the container was terminated (SIGTERM)',
};

/** The kubelet forgets a container's crashes (resets its back-off) after ten minutes of running. */
const CRASH_MEMORY_MS = 10 * 60_000;

/**
 * Between back-offs a crash-looping container is briefly running or terminated; it still counts
 * as crash-looping while its last failed run is recent, so the diagnosis does not resolve and
 * reopen with every restart.
 */
function recentlyCrashedAgain(status: any): boolean {
  const last = status.lastState?.terminated;
  if (!last || last.exitCode === 0 || (status.restartCount ?? 0) < 1) {
    return false;
  }
  const finishedAt = Date.parse(last.finishedAt ?? '');
  return (
    Number.isFinite(finishedAt) && Date.now() - finishedAt < CRASH_MEMORY_MS
  );
}

const crashLoop: ContainerCheck = (snapshot, pod, container, status) => {
  if (
    status.state?.waiting?.reason !== 'CrashLoopBackOff' &&
    !recentlyCrashedAgain(status)
  ) {
    return undefined;
  }
  const last = status.lastState?.terminated;
  const evidence = [
    `Container ${container.name} restarted ${status.restartCount} ${
      status.restartCount === 1 ? 'time' : 'times'
    }`,
  ];
  if (last) {
    const hint = EXIT_CODE_HINTS[last.exitCode];
    evidence.push(
      `Last run ended: ${last.reason ?? 'terminated'}, exit code ${
        last.exitCode
      }${hint ? ` (${hint})` : ''}`,
    );
  }
  const logs = snapshot.previousLogs.get(
    `${pod.metadata.namespace}/${pod.metadata.name}/${container.name}`,
  );
  if (logs?.length) evidence.push(`Last log lines:\n${logs.join('\n')}`);
  return podFinding(pod, {
    type: 'CrashLoopBackOff',
    severity: 'critical',
    title: `Container ${container.name} keeps crashing`,
    evidence,
    fix: `Read the previous run's logs (previous=true) to find why ${
      container.name
    } exits${
      last ? ` with code ${last.exitCode}` : ''
    }; fix the command, its configuration or the missing dependency it fails on, then roll out again.`,
  });
};

const oomKilled: ContainerCheck = (_snapshot, pod, container, status) => {
  const terminated = status.state?.terminated ?? status.lastState?.terminated;
  if (terminated?.reason !== 'OOMKilled') return undefined;
  const limit = container.resources?.limits?.memory;
  return podFinding(pod, {
    type: 'OOMKilled',
    severity: 'critical',
    title: `Container ${container.name} ran out of memory`,
    evidence: [
      `Terminated with OOMKilled (exit code ${terminated.exitCode ?? 137}) at ${
        terminated.finishedAt ?? 'an unknown time'
      }`,
      limit
        ? `Memory limit: ${limit}`
        : 'No memory limit set: the node ran out of memory',
    ],
    fix: limit
      ? `Raise ${container.name}'s memory limit above ${limit} (and its request with it), or reduce the application's memory use.`
      : `Set a memory request and limit for ${container.name} that fit its real use, or reduce its memory use.`,
  });
};

const imagePull: ContainerCheck = (snapshot, pod, container, status) => {
  const reason = status.state?.waiting?.reason;
  if (reason !== 'ImagePullBackOff' && reason !== 'ErrImagePull')
    return undefined;
  return podFinding(pod, {
    type: 'ImagePullBackOff',
    severity: 'critical',
    title: `Image ${container.image} cannot be pulled`,
    evidence: [
      `Container ${container.name} is waiting: ${reason}${
        status.state.waiting.message ? ` (${status.state.waiting.message})` : ''
      }`,
      ...eventsAbout(
        snapshot,
        'Pod',
        pod.metadata.namespace,
        pod.metadata.name,
      ).filter(e => /pull/i.test(e)),
    ],
    fix: `Check that ${container.image} exists (name and tag) in its registry; for a private registry add an imagePullSecret the pod's service account can use.`,
  });
};

const configError: ContainerCheck = (_snapshot, pod, container, status) => {
  const waiting = status.state?.waiting;
  if (waiting?.reason !== 'CreateContainerConfigError') return undefined;
  return podFinding(pod, {
    type: 'CreateContainerConfigError',
    severity: 'critical',
    title: `Container ${container.name} cannot be configured`,
    evidence: [
      `CreateContainerConfigError: ${waiting.message ?? 'no message'}`,
    ],
    fix: `Create the ConfigMap or Secret (or the key in it) that ${container.name} references in env/envFrom/volumes, or fix the reference.`,
  });
};

// Most specific first: a container crash-looping because it runs out of memory is diagnosed as OOMKilled.
const CONTAINER_CHECKS = [oomKilled, crashLoop, imagePull, configError];

/** CrashLoopBackOff, OOMKilled, image pull failures and configuration errors. */
export const containerAnalyzer: Analyzer = snapshot =>
  snapshot.pods.flatMap(pod => {
    const containers = [
      ...(pod.spec?.initContainers ?? []),
      ...(pod.spec?.containers ?? []),
    ];
    const statuses = [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ];
    return statuses.flatMap(status => {
      const container = containers.find(c => c.name === status.name) ?? {
        name: status.name,
      };
      for (const check of CONTAINER_CHECKS) {
        const finding = check(snapshot, pod, container, status);
        if (finding) return [finding];
      }
      return [];
    });
  });

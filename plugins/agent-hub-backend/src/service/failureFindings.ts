import type { FailureReport } from '@kubedeck/plugin-agent-hub-common';
import type { DiagnosisFinding } from '@kubedeck/plugin-clusters-node';

type Event = NonNullable<FailureReport['events']>[number];

function eventLine(e: Event): string {
  const details = [
    e.count && e.count > 1 ? `${e.count} times` : '',
    e.lastTimestamp ? `last ${e.lastTimestamp}` : '',
  ].filter(Boolean);
  return `Event ${e.type ? `${e.type} ` : ''}${e.reason}: ${e.message}${
    details.length ? ` (${details.join(', ')})` : ''
  }`;
}

function describe(
  f: FailureReport,
): Pick<DiagnosisFinding, 'type' | 'severity' | 'title' | 'fix'> | undefined {
  const container = f.container || 'its container';
  const kubectl = `kubectl -n ${f.namespace}`;
  switch (f.reason) {
    case 'CrashLoopBackOff':
      return {
        type: 'CrashLoopBackOff',
        severity: 'critical',
        title: `Container ${container} keeps crashing`,
        fix: `Read the previous run's logs (${kubectl} logs ${f.pod} -c ${container} --previous) to find why it exits; fix the command, its configuration or the missing dependency it fails on, then roll out again.`,
      };
    case 'OOMKilled':
      return {
        type: 'OOMKilled',
        severity: 'critical',
        title: `Container ${container} ran out of memory`,
        fix: `Raise the memory limit of ${container} above its peak use (${kubectl} top pod ${f.pod} --containers shows current use), or lower the workload's memory use (heap size, caches, concurrency).`,
      };
    case 'ImagePullBackOff':
      return {
        type: 'ImagePullBackOff',
        severity: 'critical',
        title: `Image of container ${container} cannot be pulled`,
        fix: `Check that the image (${kubectl} get pod ${f.pod} -o jsonpath='{.spec.containers[*].image}') exists with that name and tag in its registry; for a private registry add an imagePullSecret the pod's service account can use.`,
      };
    case 'PendingTooLong':
      return {
        type: 'Unschedulable',
        severity: 'critical',
        title: 'Pod has been Pending too long',
        fix: `Read why it is not scheduled (${kubectl} describe pod ${f.pod}, Events); lower its CPU/memory requests, add node capacity, relax its nodeSelector, affinity and tolerations, or bind the PersistentVolumeClaim it waits for.`,
      };
    default:
      return undefined;
  }
}

/**
 * The failures an agent reports, as diagnosis findings of their pods: the agent's message and
 * the pod's recent events are the evidence. Several containers of one pod failing the same way
 * make one finding. Reasons the clusters plugin has no diagnosis type for are left out.
 */
export function failureFindings(failures: FailureReport[]): DiagnosisFinding[] {
  const findings = new Map<string, DiagnosisFinding>();
  for (const f of failures) {
    const described = describe(f);
    if (!described) continue;
    const evidence = [
      ...(f.message ? [`Agent reported ${f.reason}: ${f.message}`] : []),
      ...(f.events ?? []).map(eventLine),
    ];
    const key = `${f.namespace}/${f.pod}/${described.type}`;
    const existing = findings.get(key);
    if (existing) {
      existing.evidence.push(
        ...evidence.filter(line => !existing.evidence.includes(line)),
      );
    } else {
      findings.set(key, {
        kind: 'Pod',
        namespace: f.namespace,
        name: f.pod,
        ...described,
        evidence,
      });
    }
  }
  return [...findings.values()];
}

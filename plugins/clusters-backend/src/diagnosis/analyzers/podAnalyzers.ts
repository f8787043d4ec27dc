import type { DiagnosisFinding } from '@kubedeck/plugin-clusters-node';
import { Analyzer, eventsAbout } from '../types';

/** Pending pods the scheduler cannot place. */
export const unschedulableAnalyzer: Analyzer = snapshot =>
  snapshot.pods.flatMap((pod): DiagnosisFinding[] => {
    const condition = (pod.status?.conditions ?? []).find(
      (c: any) =>
        c.type === 'PodScheduled' &&
        c.status === 'False' &&
        c.reason === 'Unschedulable',
    );
    if (pod.status?.phase !== 'Pending' || !condition) return [];
    return [
      {
        kind: 'Pod',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        type: 'Unschedulable',
        severity: 'critical',
        title: `Pod ${pod.metadata.name} cannot be scheduled on any node`,
        evidence: [
          `PodScheduled=False: ${condition.message ?? 'Unschedulable'}`,
          ...eventsAbout(
            snapshot,
            'Pod',
            pod.metadata.namespace,
            pod.metadata.name,
          ).filter(e => /FailedScheduling/.test(e)),
        ],
        fix: "Lower the pod's CPU/memory requests, add node capacity, or relax its nodeSelector, affinity and tolerations so a node matches.",
      },
    ];
  });

function probeKind(message: string): string {
  if (/liveness/i.test(message)) return 'liveness';
  if (/startup/i.test(message)) return 'startup';
  return 'readiness';
}

/** Readiness, liveness or startup probes reported failing by the kubelet. */
export const probeAnalyzer: Analyzer = snapshot => {
  const byPod = new Map<string, any[]>();
  for (const event of snapshot.events) {
    if (event.reason !== 'Unhealthy' || event.involvedObject?.kind !== 'Pod')
      continue;
    const key = `${event.involvedObject.namespace}/${event.involvedObject.name}`;
    byPod.set(key, [...(byPod.get(key) ?? []), event]);
  }
  return snapshot.pods.flatMap((pod): DiagnosisFinding[] => {
    const events = byPod.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
    const notReady = (pod.status?.containerStatuses ?? []).filter(
      (s: any) => s.state?.running && !s.ready,
    );
    if (
      !events?.length ||
      (notReady.length === 0 && !events.some(e => /liveness/i.test(e.message)))
    )
      return [];
    const kinds = [...new Set(events.map(e => probeKind(e.message)))];
    return [
      {
        kind: 'Pod',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        type: 'ProbeFailing',
        severity: kinds.includes('liveness') ? 'critical' : 'warning',
        title: `Pod ${pod.metadata.name} fails its ${kinds.join(' and ')} ${
          kinds.length > 1 ? 'probes' : 'probe'
        }`,
        evidence: events
          .slice(-3)
          .map(
            e =>
              `Event Unhealthy${e.count > 1 ? ` (x${e.count})` : ''}: ${
                e.message
              }`,
          ),
        fix: "Check that the probe's path/port/command answers inside the container, and give a slow start more time (initialDelaySeconds, a startupProbe, timeoutSeconds).",
      },
    ];
  });
};

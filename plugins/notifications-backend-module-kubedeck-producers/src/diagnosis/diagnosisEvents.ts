import type { DiagnosisEvent } from '@kubedeck/plugin-clusters-node';
import type {
  AlertCategory,
  KubedeckEvent,
} from '@kubedeck/plugin-notifications-common';
import { eventIdOf, fingerprintOf, PortalLinks } from '../events';

type ClusterDiagnosis = DiagnosisEvent['diagnosis'];

/** Problems that stop workloads or nodes: someone should look now. */
const CRITICAL_TYPES: ReadonlySet<string> = new Set([
  'CrashLoopBackOff',
  'OOMKilled',
  'NodeNotReady',
  'PvcPending',
]);

/** The category of a diagnosis type; failed rollouts, failed jobs and the rest are operations. */
export function categoryOf(type: string): AlertCategory {
  return CRITICAL_TYPES.has(type) ? 'alerts.critical' : 'alerts.operations';
}

const MAX_DESCRIPTION = 4000;

/**
 * Evidence and fix. Multi-line evidence (the container's last log lines) stays out: logs may
 * hold anything, and these messages leave the portal through email and chat channels.
 */
function describe(diagnosis: ClusterDiagnosis): string {
  const facts = diagnosis.evidence.filter(line => !line.includes('\n'));
  return [...facts, `Fix: ${diagnosis.fix}`]
    .join('\n')
    .slice(0, MAX_DESCRIPTION);
}

/** The Kubedeck event announcing that a diagnosis opened or resolved. */
export function diagnosisToEvent(
  event: DiagnosisEvent,
  links: PortalLinks,
): KubedeckEvent {
  const diagnosis: ClusterDiagnosis = event.diagnosis;
  const subject = {
    cluster: diagnosis.cluster,
    namespace: diagnosis.namespace,
    kind: diagnosis.kind,
    name: diagnosis.name,
  };
  const category = categoryOf(diagnosis.type);
  const resolved = event.type === 'diagnosis.resolved';
  let severity: KubedeckEvent['severity'] = 'medium';
  if (category === 'alerts.critical') {
    severity = 'critical';
  } else if (diagnosis.severity === 'critical') {
    severity = 'high';
  }
  return {
    id: eventIdOf(
      event.type,
      diagnosis.id,
      resolved ? diagnosis.resolvedAt ?? '' : diagnosis.firstSeen,
    ),
    occurredAt: resolved
      ? diagnosis.resolvedAt ?? diagnosis.lastSeen
      : diagnosis.firstSeen,
    cluster: diagnosis.cluster,
    namespace: diagnosis.namespace,
    object: { kind: diagnosis.kind, name: diagnosis.name },
    severity,
    category,
    title: (resolved ? `Resolved: ${diagnosis.title}` : diagnosis.title).slice(
      0,
      500,
    ),
    description: resolved ? undefined : describe(diagnosis),
    fingerprint: fingerprintOf(subject, diagnosis.type),
    link: links.objectPage(subject),
    resolved: resolved || undefined,
    source: 'clusters.diagnosis',
  };
}

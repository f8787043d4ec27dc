import type { AgentLifecycleEvent } from '@kubedeck/plugin-agent-hub-common';
import type { KubedeckEvent } from '@kubedeck/plugin-notifications-common';
import { eventIdOf, fingerprintOf, PortalLinks } from '../events';

/**
 * The Kubedeck event for an agent's lifecycle change, or undefined for changes nobody is
 * alerted about (a revocation is an admin's own action, recorded in the audit trail).
 * Going offline opens an operations alert that coming back online resolves: both share the
 * fingerprint of the agent's offline problem.
 */
export function agentLifecycleToEvent(
  event: AgentLifecycleEvent,
  links: PortalLinks,
): KubedeckEvent | undefined {
  const { cluster, agentId, at } = event;
  const subject = { cluster, kind: 'Agent', name: agentId };
  const common = {
    id: eventIdOf('agent', event.type, agentId, at),
    occurredAt: at,
    cluster,
    object: { kind: 'Agent', name: agentId },
    link: links.objectPage(subject),
    source: 'agent-hub',
  };
  switch (event.type) {
    case 'agent.offline':
      return {
        ...common,
        severity: 'high',
        category: 'alerts.operations',
        title: `Agent of cluster ${cluster} is offline`.slice(0, 500),
        description:
          [
            event.lastHeartbeat && `Last heartbeat: ${event.lastHeartbeat}`,
            event.lastReport && `Last report: ${event.lastReport}`,
          ]
            .filter(Boolean)
            .join('\n') || undefined,
        fingerprint: fingerprintOf(subject, 'AgentOffline'),
      };
    case 'agent.online':
      return {
        ...common,
        severity: 'info',
        category: 'alerts.operations',
        title: `Resolved: agent of cluster ${cluster} is back online`.slice(
          0,
          500,
        ),
        fingerprint: fingerprintOf(subject, 'AgentOffline'),
        resolved: true,
      };
    case 'agent.registered':
      return {
        ...common,
        severity: 'info',
        category: 'alerts.info',
        title: `Agent registered for cluster ${cluster}`.slice(0, 500),
        fingerprint: fingerprintOf(subject, 'AgentRegistered'),
      };
    default:
      return undefined;
  }
}

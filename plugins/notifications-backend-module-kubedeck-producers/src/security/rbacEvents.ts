import type { KubernetesObject } from '@kubernetes/client-node';
import type { KubedeckEvent } from '@kubedeck/plugin-notifications-common';
import { eventIdOf, fingerprintOf, PortalLinks } from '../events';

/** The RBAC collections watched in every cluster. */
export const RBAC_RESOURCES = [
  { kind: 'Role', plural: 'roles' },
  { kind: 'ClusterRole', plural: 'clusterroles' },
  { kind: 'RoleBinding', plural: 'rolebindings' },
  { kind: 'ClusterRoleBinding', plural: 'clusterrolebindings' },
] as const;

export type RbacKind = (typeof RBAC_RESOURCES)[number]['kind'];

export type RbacChange = 'created' | 'changed' | 'deleted';

type RbacObject = KubernetesObject & {
  rules?: unknown[];
  roleRef?: { kind?: string; name?: string };
  subjects?: { kind?: string; name?: string; namespace?: string }[];
};

const MAX_SUBJECTS = 20;

/** What the object grants: the rule count of a role, the role and subjects of a binding. */
function summarize(kind: RbacKind, object: RbacObject): string {
  if (kind === 'Role' || kind === 'ClusterRole') {
    return `${object.rules?.length ?? 0} rule(s)`;
  }
  const subjects = (object.subjects ?? []).map(s =>
    s.namespace ? `${s.kind} ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`,
  );
  const shown = subjects.slice(0, MAX_SUBJECTS).join(', ');
  const more =
    subjects.length > MAX_SUBJECTS
      ? ` and ${subjects.length - MAX_SUBJECTS} more`
      : '';
  return `Grants ${object.roleRef?.kind} ${object.roleRef?.name} to ${
    shown || 'no subjects'
  }${more}`;
}

/** The security event for one change of an RBAC object. */
export function rbacChangeToEvent(
  options: {
    cluster: string;
    kind: RbacKind;
    change: RbacChange;
    object: RbacObject;
  },
  links: PortalLinks,
): KubedeckEvent {
  const { cluster, kind, change, object } = options;
  const namespace = object.metadata?.namespace || undefined;
  const name = object.metadata?.name ?? '';
  const subject = { cluster, namespace, kind, name };
  const where = namespace ? ` in namespace ${namespace}` : '';
  return {
    id: eventIdOf(
      'rbac',
      cluster,
      kind,
      namespace ?? '',
      name,
      change,
      object.metadata?.resourceVersion ?? '',
    ),
    cluster,
    namespace,
    object: {
      kind,
      name,
      apiVersion: 'rbac.authorization.k8s.io/v1',
    },
    severity: kind.startsWith('Cluster') ? 'high' : 'medium',
    category: 'alerts.security',
    title: `${kind} ${name} ${change}${where} on ${cluster}`.slice(0, 500),
    description: change === 'deleted' ? undefined : summarize(kind, object),
    fingerprint: fingerprintOf(subject, 'RbacChanged'),
    link: links.objectPage(subject),
    source: 'clusters.rbac-watch',
  };
}

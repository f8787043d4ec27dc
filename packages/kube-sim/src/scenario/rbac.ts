import type { KubeObject } from '../store/types';
import type { ScenarioUser } from './types';

type Rule = { apiGroups?: string[]; resources?: string[]; verbs: string[]; nonResourceURLs?: string[] };

const read = ['get', 'list', 'watch'];
const write = ['create', 'delete', 'deletecollection', 'patch', 'update'];

const viewable: Array<[string, string[]]> = [
  ['', ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'pods/log', 'pods/status', 'replicationcontrollers', 'services', 'services/status', 'serviceaccounts', 'events', 'limitranges', 'resourcequotas', 'namespaces', 'namespaces/status', 'bindings']],
  ['apps', ['daemonsets', 'deployments', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale', 'controllerrevisions']],
  ['autoscaling', ['horizontalpodautoscalers']],
  ['batch', ['cronjobs', 'jobs']],
  ['networking.k8s.io', ['ingresses', 'networkpolicies']],
  ['discovery.k8s.io', ['endpointslices']],
  ['policy', ['poddisruptionbudgets']],
  ['events.k8s.io', ['events']],
  ['metrics.k8s.io', ['pods', 'nodes']],
];

const editable: Array<[string, string[]]> = [
  ['', ['configmaps', 'endpoints', 'persistentvolumeclaims', 'pods', 'replicationcontrollers', 'services', 'serviceaccounts', 'secrets', 'pods/exec', 'pods/attach', 'pods/portforward', 'pods/eviction', 'pods/proxy', 'services/proxy']],
  ['apps', ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale']],
  ['autoscaling', ['horizontalpodautoscalers']],
  ['batch', ['cronjobs', 'jobs']],
  ['networking.k8s.io', ['ingresses', 'networkpolicies']],
  ['discovery.k8s.io', ['endpointslices']],
  ['policy', ['poddisruptionbudgets']],
];

const rules = (groups: Array<[string, string[]]>, verbs: string[]): Rule[] =>
  groups.map(([group, resources]) => ({ apiGroups: [group], resources, verbs }));

const clusterRole = (name: string, roleRules: Rule[], bootstrap = true): KubeObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: {
    name,
    labels: bootstrap ? { 'kubernetes.io/bootstrapping': 'rbac-defaults' } : {},
    annotations: bootstrap ? { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } : {},
  },
  rules: roleRules,
});

const subject = (kind: 'User' | 'Group', name: string) => ({
  apiGroup: 'rbac.authorization.k8s.io',
  kind,
  name,
});

export function clusterRoleBinding(name: string, role: string, subjects: Array<{ kind: 'User' | 'Group'; name: string }>): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: subjects.map(s => subject(s.kind, s.name)),
  };
}

/** The default ClusterRoles and bindings every cluster bootstraps (a faithful subset). */
export function defaultRbac(): KubeObject[] {
  const viewRules = rules(viewable, read);
  const editRules = [...rules(editable, [...read, ...write]), ...rules(viewable, read)];
  const adminRules = [
    ...editRules,
    { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'], verbs: [...read, ...write] },
    { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
  ];
  return [
    clusterRole('cluster-admin', [
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ]),
    clusterRole('admin', adminRules),
    clusterRole('edit', editRules),
    clusterRole('view', viewRules),
    clusterRole('system:discovery', [
      { nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], verbs: ['get'] },
    ]),
    clusterRole('system:basic-user', [
      { apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], verbs: ['create'] },
      { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
    ]),
    clusterRole('system:public-info-viewer', [
      { nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] },
    ]),
    clusterRoleBinding('cluster-admin', 'cluster-admin', [{ kind: 'Group', name: 'system:masters' }]),
    clusterRoleBinding('system:discovery', 'system:discovery', [{ kind: 'Group', name: 'system:authenticated' }]),
    clusterRoleBinding('system:basic-user', 'system:basic-user', [{ kind: 'Group', name: 'system:authenticated' }]),
    clusterRoleBinding('system:public-info-viewer', 'system:public-info-viewer', [
      { kind: 'Group', name: 'system:authenticated' },
      { kind: 'Group', name: 'system:unauthenticated' },
    ]),
  ];
}

/** Bindings declared inline on scenario users: `clusterRoles` and `{namespace: role}` roles. */
export function userBindings(user: ScenarioUser & { clusterRoles?: string[]; namespaceRoles?: Record<string, string> }): KubeObject[] {
  const cluster = (user.clusterRoles ?? []).map(role =>
    clusterRoleBinding(`${user.name}-${role}`, role, [{ kind: 'User', name: user.name }]),
  );
  const namespaced = Object.entries(user.namespaceRoles ?? {}).map(([namespace, role]) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: `${user.name}-${role}`, namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: role.startsWith('ClusterRole:') ? 'ClusterRole' : 'Role', name: role.replace(/^ClusterRole:/, '') },
    subjects: [subject('User', user.name)],
  }));
  return [...cluster, ...namespaced];
}

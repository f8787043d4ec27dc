import type { KubeObject } from '../store/types';
import type { Scenario } from '../scenario/types';

const T0 = '2026-01-01T00:00:00Z';

const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

const node = (name: string, ready: boolean): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name, 'node-role.kubernetes.io/worker': '' } },
  spec: {},
  status: {
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    addresses: [{ type: 'InternalIP', address: `10.0.0.${name.slice(-1)}` }],
    nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.1.0', containerRuntimeVersion: 'containerd://1.7.0' },
  },
});

function pod(name: string, phase: string, containerState: object, ready: boolean, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'team-a', labels: { app: 'web' }, ...extra },
    spec: { nodeName: 'node-1', containers: [{ name: 'web', image: 'nginx:1.27' }] },
    status: {
      phase,
      podIP: '10.244.0.5',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [{ name: 'web', ready, restartCount: 0, state: containerState, image: 'nginx:1.27' }],
    },
  };
}

/**
 * A small cluster for the API-layer tests, independent of the shipped scenarios: two namespaces,
 * two nodes, a few pods, an admin, a namespace-scoped user and an impersonator.
 */
export function fixtureScenario(): Scenario {
  const rbac = 'rbac.authorization.k8s.io/v1';
  const objects: KubeObject[] = [
    ns('default'),
    ns('team-a'),
    node('node-1', true),
    node('node-2', false),
    pod('web-1', 'Running', { running: { startedAt: T0 } }, true),
    pod('web-2', 'Pending', { waiting: { reason: 'ImagePullBackOff' } }, false),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'team-a' }, data: { a: '1', b: '2' } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'team-a' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
    },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace: 'team-a' } },
    {
      apiVersion: rbac,
      kind: 'Role',
      metadata: { name: 'pod-reader', namespace: 'team-a' },
      rules: [
        { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'], resourceNames: ['web'] },
      ],
    },
    {
      apiVersion: rbac,
      kind: 'RoleBinding',
      metadata: { name: 'alice-reads', namespace: 'team-a' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
      subjects: [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice' },
        { kind: 'ServiceAccount', name: 'builder' },
      ],
    },
    {
      apiVersion: rbac,
      kind: 'ClusterRole',
      metadata: { name: 'impersonator' },
      rules: [{ apiGroups: [''], resources: ['users', 'groups'], verbs: ['impersonate'] }],
    },
    {
      apiVersion: rbac,
      kind: 'ClusterRoleBinding',
      metadata: { name: 'proxy-impersonates' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'impersonator' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'proxy' }],
    },
  ];
  return {
    name: 'fixture',
    objects,
    users: [
      { name: 'admin', token: 'admin-token', groups: ['system:masters'] },
      { name: 'alice', token: 'alice-token', groups: ['developers'] },
      { name: 'proxy', token: 'proxy-token', groups: [] },
    ],
    metrics: false,
    version: 'v1.32.0',
  };
}

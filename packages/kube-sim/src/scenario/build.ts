import type { KubeObject } from '../store/types';
import type { Scenario, ScenarioUser } from './types';
import { buildNode, type NodeSpec } from './nodes';
import { defaultRbac, userBindings } from './rbac';

export type ScenarioUserSpec = ScenarioUser & {
  clusterRoles?: string[];
  /** namespace → Role name (or "ClusterRole:<name>") bound to the user there. */
  namespaceRoles?: Record<string, string>;
};

/** The YAML shape of a scenario file. */
export interface ScenarioFile {
  name?: string;
  version?: string;
  metrics?: boolean;
  nodes?: NodeSpec[];
  namespaces?: Array<string | { name: string; labels?: Record<string, string> }>;
  users?: ScenarioUserSpec[];
  /** Plain Kubernetes manifests (a `List` is flattened). */
  objects?: KubeObject[];
}

const systemNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

// Creation order: what others reference comes first, like `kubectl apply` of a sorted bundle.
const kindOrder = [
  'Namespace', 'CustomResourceDefinition', 'StorageClass', 'PersistentVolume', 'ClusterRole',
  'ClusterRoleBinding', 'Role', 'RoleBinding', 'ServiceAccount', 'ConfigMap', 'Secret',
  'PersistentVolumeClaim', 'Service', 'Node',
];
const rank = (kind: string) => {
  const index = kindOrder.indexOf(kind);
  return index < 0 ? kindOrder.length : index;
};

function namespaceObject(spec: string | { name: string; labels?: Record<string, string> }): KubeObject {
  const { name, labels } = typeof spec === 'string' ? { name: spec, labels: {} } : spec;
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

const serviceAccount = (namespace: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name: 'default', namespace },
});

const kubernetesService: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
  spec: {
    type: 'ClusterIP',
    clusterIP: '10.96.0.1',
    clusterIPs: ['10.96.0.1'],
    ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    sessionAffinity: 'None',
  },
};

function flatten(objects: KubeObject[]): KubeObject[] {
  return objects.flatMap(object =>
    object.kind === 'List' || object.kind.endsWith('List') ? ((object.items as KubeObject[]) ?? []) : [object],
  );
}

/** Turns a parsed scenario file into the objects and users the server starts with. */
export function buildScenario(file: ScenarioFile, fallbackName: string): Scenario {
  const version = file.version ?? 'v1.32.0';
  const declared = (file.namespaces ?? []).filter(
    ns => !systemNamespaces.includes(typeof ns === 'string' ? ns : ns.name),
  );
  const namespaces = [...systemNamespaces, ...declared].map(namespaceObject);
  const users = file.users ?? [];
  const rest = [...defaultRbac(), ...users.flatMap(userBindings), ...flatten(file.objects ?? [])];
  const objects = [
    ...namespaces,
    ...namespaces.map(ns => serviceAccount(ns.metadata.name)),
    kubernetesService,
    ...(file.nodes ?? []).map((node, index) => buildNode(node, index, version)),
    ...rest.sort((a, b) => rank(a.kind) - rank(b.kind)),
  ];
  return {
    name: file.name ?? fallbackName,
    version,
    metrics: file.metrics ?? true,
    users: users.map(({ name, token, groups }) => ({ name, token, groups: groups ?? [] })),
    objects,
  };
}

import type { PolicyRule } from '@kubedeck/plugin-agent-hub-common';
import { stringify } from 'yaml';

/** What the install manifests and commands need. */
export type InstallOptions = {
  clusterName: string;
  token: string;
  hubAddress: string;
  /** PEM CA the agent trusts for the hub; absent for a plaintext development hub. */
  hubCa?: string;
  insecure: boolean;
  rules: PolicyRule[];
  preset: string;
  image: string;
  namespace: string;
};

const NAME = 'kubedeck-agent';
const LABELS = {
  'app.kubernetes.io/name': NAME,
  'app.kubernetes.io/part-of': 'kubedeck',
};

const CA_DIR = '/etc/kubedeck';

function agentEnv(o: InstallOptions) {
  return [
    { name: 'KUBEDECK_HUB_ADDRESS', value: o.hubAddress },
    { name: 'KUBEDECK_CLUSTER_NAME', value: o.clusterName },
    { name: 'KUBEDECK_CREDENTIALS_SECRET', value: `${NAME}-credentials` },
    {
      name: 'KUBEDECK_REGISTRATION_TOKEN',
      valueFrom: {
        secretKeyRef: { name: `${NAME}-registration`, key: 'token' },
      },
    },
    ...(o.insecure ? [{ name: 'KUBEDECK_HUB_INSECURE', value: 'true' }] : []),
    ...(o.hubCa
      ? [{ name: 'KUBEDECK_HUB_CA', value: `${CA_DIR}/hub-ca.pem` }]
      : []),
  ];
}

const probe = (path: string) => ({
  httpGet: { path, port: 'health' },
  periodSeconds: 10,
  failureThreshold: 3,
});

function agentContainer(o: InstallOptions) {
  return {
    name: 'agent',
    image: o.image,
    env: agentEnv(o),
    ports: [{ name: 'health', containerPort: 8080 }],
    livenessProbe: probe('/healthz'),
    readinessProbe: probe('/readyz'),
    resources: {
      requests: { cpu: '50m', memory: '64Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    },
    ...(o.hubCa
      ? {
          volumeMounts: [{ name: 'hub-ca', mountPath: CA_DIR, readOnly: true }],
        }
      : {}),
  };
}

function deployment(o: InstallOptions) {
  const caVolumes = [
    {
      name: 'hub-ca',
      secret: {
        secretName: `${NAME}-registration`,
        items: [{ key: 'hub-ca.pem', path: 'hub-ca.pem' }],
      },
    },
  ];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: NAME, namespace: o.namespace, labels: LABELS },
    spec: {
      replicas: 1,
      strategy: { type: 'Recreate' },
      selector: { matchLabels: { 'app.kubernetes.io/name': NAME } },
      template: {
        metadata: { labels: LABELS },
        spec: {
          serviceAccountName: NAME,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 10001,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [agentContainer(o)],
          ...(o.hubCa ? { volumes: caVolumes } : {}),
        },
      },
    },
  };
}

const RBAC = 'rbac.authorization.k8s.io';

function metaFor(o: InstallOptions) {
  return (name: string, namespaced = true) => ({
    name,
    ...(namespaced ? { namespace: o.namespace } : {}),
    labels: LABELS,
  });
}

function binding(
  o: InstallOptions,
  kind: 'ClusterRole' | 'Role',
  name: string,
) {
  const namespaced = kind === 'Role';
  return {
    apiVersion: `${RBAC}/v1`,
    kind: `${kind}Binding`,
    metadata: metaFor(o)(name, namespaced),
    roleRef: { apiGroup: RBAC, kind, name },
    subjects: [{ kind: 'ServiceAccount', name: NAME, namespace: o.namespace }],
  };
}

/** The preset's ClusterRole, and a Role for the agent's own credentials Secret. */
function rbacObjects(o: InstallOptions): object[] {
  const meta = metaFor(o);
  const credentials = `${NAME}-credentials`;
  return [
    {
      apiVersion: `${RBAC}/v1`,
      kind: 'ClusterRole',
      metadata: {
        ...meta(NAME, false),
        annotations: { 'kubedeck.io/preset': o.preset },
      },
      rules: o.rules,
    },
    binding(o, 'ClusterRole', NAME),
    {
      apiVersion: `${RBAC}/v1`,
      kind: 'Role',
      metadata: meta(credentials),
      rules: [
        { apiGroups: [''], resources: ['secrets'], verbs: ['create'] },
        {
          apiGroups: [''],
          resources: ['secrets'],
          resourceNames: [credentials],
          verbs: ['get', 'update', 'patch'],
        },
      ],
    },
    binding(o, 'Role', credentials),
  ];
}

/** The objects `kubectl apply -f` creates: the same shape as the Helm chart renders. */
export function installObjects(o: InstallOptions): object[] {
  const meta = metaFor(o);
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: o.namespace, labels: LABELS },
    },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(NAME) },
    ...rbacObjects(o),
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(`${NAME}-registration`),
      type: 'Opaque',
      stringData: {
        token: o.token,
        ...(o.hubCa ? { 'hub-ca.pem': o.hubCa } : {}),
      },
    },
    deployment(o),
  ];
}

/** The install manifests as one multi-document YAML file. */
export function renderManifests(o: InstallOptions): string {
  return installObjects(o)
    .map(object => stringify(object))
    .join('---\n');
}

/** The `helm install` command for the agent chart. */
export function helmCommand(o: InstallOptions & { chart: string }): string {
  const sets = [
    `hub.address=${o.hubAddress}`,
    `clusterName=${o.clusterName}`,
    `registration.token=${o.token}`,
    `rbac.preset=${o.preset}`,
    ...(o.insecure ? ['hub.insecure=true'] : []),
  ];
  return [
    `helm install ${NAME} ${o.chart}`,
    `--namespace ${o.namespace} --create-namespace`,
    ...sets.map(s => `--set ${s}`),
    ...(o.preset === 'custom'
      ? [`--set-json 'rbac.rules=${JSON.stringify(o.rules)}'`]
      : []),
  ].join(' \\\n  ');
}

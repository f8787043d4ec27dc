/**
 * A Kubernetes RBAC policy rule (the shape of `ClusterRole.rules[]`).
 *
 * @public
 */
export type PolicyRule = {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
};

/**
 * What an agent may do in its cluster: the ClusterRole its chart or manifests grant.
 *
 * @public
 */
export type AgentPreset = 'read-only' | 'operator' | 'admin' | 'custom';

/** @public */
export const AGENT_PRESETS: AgentPreset[] = [
  'read-only',
  'operator',
  'admin',
  'custom',
];

const READ = ['get', 'list', 'watch'];

const READ_ONLY_RULES: PolicyRule[] = [
  { apiGroups: ['*'], resources: ['*'], verbs: READ },
  { nonResourceURLs: ['/version', '/healthz', '/readyz'], verbs: ['get'] },
];

const OPERATOR_RULES: PolicyRule[] = [
  ...READ_ONLY_RULES,
  {
    apiGroups: ['', 'apps', 'batch', 'autoscaling'],
    resources: [
      'pods',
      'pods/log',
      'pods/exec',
      'pods/attach',
      'pods/portforward',
      'deployments',
      'deployments/scale',
      'statefulsets',
      'statefulsets/scale',
      'daemonsets',
      'replicasets',
      'jobs',
      'cronjobs',
      'configmaps',
      'services',
    ],
    verbs: ['create', 'update', 'patch', 'delete'],
  },
];

const ADMIN_RULES: PolicyRule[] = [
  { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
  { nonResourceURLs: ['*'], verbs: ['*'] },
  {
    apiGroups: [''],
    resources: ['users', 'groups', 'serviceaccounts'],
    verbs: ['impersonate'],
  },
];

/**
 * The ClusterRole rules of a preset; `custom` uses the rules given.
 *
 * @public
 */
export function rulesForPreset(
  preset: AgentPreset,
  customRules: PolicyRule[] = [],
): PolicyRule[] {
  switch (preset) {
    case 'read-only':
      return READ_ONLY_RULES;
    case 'operator':
      return OPERATOR_RULES;
    case 'admin':
      return ADMIN_RULES;
    default:
      return customRules;
  }
}

/**
 * Whether an agent with these rules may impersonate portal users.
 *
 * @public
 */
export function rulesAllowImpersonation(rules: PolicyRule[]): boolean {
  return rules.some(
    rule =>
      (rule.verbs.includes('impersonate') || rule.verbs.includes('*')) &&
      (rule.resources ?? []).some(r => r === 'users' || r === '*'),
  );
}

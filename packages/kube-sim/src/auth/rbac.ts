import type { KubeObject, ObjectStore, ResourceKey } from '../store/types';
import { compileLabelSelector, formatLabelSelector } from '../store/labelSelector';
import type { Attributes, Decision, PolicyRule, UserInfo } from './types';

const RBAC = 'rbac.authorization.k8s.io';
export const ROLES: ResourceKey = { group: RBAC, version: 'v1', resource: 'roles' };
export const CLUSTER_ROLES: ResourceKey = { group: RBAC, version: 'v1', resource: 'clusterroles' };
export const ROLE_BINDINGS: ResourceKey = { group: RBAC, version: 'v1', resource: 'rolebindings' };
export const CLUSTER_ROLE_BINDINGS: ResourceKey = { group: RBAC, version: 'v1', resource: 'clusterrolebindings' };

export const MASTERS = 'system:masters';

/** What every authenticated user may do whatever the bindings say (system:basic-user, system:discovery). */
const ALWAYS_ALLOWED: PolicyRule[] = [
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
  { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
  { verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/version', '/version/', '/openapi', '/openapi/*', '/healthz', '/livez', '/readyz'] },
];

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

interface Binding extends KubeObject {
  roleRef?: { kind: string; name: string };
  subjects?: Subject[];
}

function subjectMatches(subject: Subject, user: UserInfo, bindingNamespace: string | undefined): boolean {
  switch (subject.kind) {
    case 'User':
      return subject.name === user.username;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount':
      return user.username === `system:serviceaccount:${subject.namespace ?? bindingNamespace}:${subject.name}`;
    default:
      return false;
  }
}

function has(list: string[] | undefined, value: string): boolean {
  return !!list && (list.includes('*') || list.includes(value));
}

function resourceMatches(rule: PolicyRule, resource: string, subresource: string | undefined): boolean {
  const resources = rule.resources ?? [];
  if (resources.includes('*')) return true;
  if (!subresource) return resources.includes(resource);
  return resources.includes(`${resource}/${subresource}`) || resources.includes(`*/${subresource}`);
}

function pathMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some(p => p === '*' || p === path || (p.endsWith('*') && path.startsWith(p.slice(0, -1))));
}

/** Whether one policy rule allows the request. */
export function ruleAllows(rule: PolicyRule, a: Attributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (!a.isResourceRequest) return pathMatches(rule, a.path ?? '');
  if (!has(rule.apiGroups, a.apiGroup ?? '')) return false;
  if (!resourceMatches(rule, a.resource ?? '', a.subresource)) return false;
  if (rule.resourceNames?.length) return !!a.name && rule.resourceNames.includes(a.name);
  return true;
}

/** RBAC over the Roles, ClusterRoles and bindings in the store, read on every decision. */
export class RbacAuthorizer {
  constructor(private readonly store: ObjectStore) {}

  authorize(a: Attributes): Decision {
    if (a.user.groups.includes(MASTERS)) return { allowed: true, reason: '' };
    if (ALWAYS_ALLOWED.some(rule => ruleAllows(rule, a))) return { allowed: true, reason: '' };
    for (const { rules, via } of this.applicableRules(a.user, a.namespace)) {
      if (rules.some(rule => ruleAllows(rule, a))) {
        return { allowed: true, reason: `RBAC: allowed by ${via}` };
      }
    }
    return { allowed: false, reason: '' };
  }

  /** Every rule that applies to the user in a namespace (cluster-wide ones included). */
  rulesFor(user: UserInfo, namespace: string | undefined): PolicyRule[] {
    const out: PolicyRule[] = user.groups.includes(MASTERS)
      ? [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] }]
      : [];
    out.push(...ALWAYS_ALLOWED);
    for (const { rules } of this.applicableRules(user, namespace)) out.push(...rules);
    return out;
  }

  private *applicableRules(user: UserInfo, namespace: string | undefined): Generator<{ rules: PolicyRule[]; via: string }> {
    for (const binding of this.store.list(CLUSTER_ROLE_BINDINGS).items as Binding[]) {
      if (!(binding.subjects ?? []).some(s => subjectMatches(s, user, undefined))) continue;
      yield { rules: this.clusterRoleRules(binding.roleRef?.name), via: `ClusterRoleBinding "${binding.metadata.name}"` };
    }
    if (!namespace) return;
    for (const binding of this.store.list(ROLE_BINDINGS, { namespace }).items as Binding[]) {
      if (!(binding.subjects ?? []).some(s => subjectMatches(s, user, namespace))) continue;
      const rules =
        binding.roleRef?.kind === 'ClusterRole'
          ? this.clusterRoleRules(binding.roleRef.name)
          : ((this.store.get(ROLES, namespace, binding.roleRef?.name ?? '')?.rules as PolicyRule[] | undefined) ?? []);
      yield { rules, via: `RoleBinding "${binding.metadata.name}/${namespace}"` };
    }
  }

  /** A ClusterRole's rules; aggregated roles collect the rules of the roles their selectors pick. */
  private clusterRoleRules(name: string | undefined): PolicyRule[] {
    const role = name ? this.store.get(CLUSTER_ROLES, undefined, name) : undefined;
    if (!role) return [];
    const own = (role.rules as PolicyRule[] | undefined) ?? [];
    const aggregation = role.aggregationRule as { clusterRoleSelectors?: Array<Parameters<typeof formatLabelSelector>[0]> } | undefined;
    if (!aggregation?.clusterRoleSelectors?.length) return own;
    const out = [...own];
    for (const selector of aggregation.clusterRoleSelectors) {
      const matches = compileLabelSelector(formatLabelSelector(selector));
      for (const other of this.store.list(CLUSTER_ROLES).items) {
        if (other.metadata.name !== role.metadata.name && (!matches || matches(other.metadata.labels))) {
          out.push(...((other.rules as PolicyRule[] | undefined) ?? []));
        }
      }
    }
    return out;
  }
}

/** The message of a 403, worded like kube-apiserver's. */
export function forbiddenMessage(a: Attributes): string {
  const user = `User "${a.user.username}"`;
  if (!a.isResourceRequest) return `forbidden: ${user} cannot ${a.verb} path "${a.path}"`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const qualified = a.apiGroup ? `${a.resource}.${a.apiGroup}` : a.resource;
  const subject = a.name ? `${qualified} "${a.name}"` : qualified;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `${subject} is forbidden: ${user} cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup ?? ''}" ${scope}`;
}

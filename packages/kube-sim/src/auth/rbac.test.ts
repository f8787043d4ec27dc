import type { IncomingMessage } from 'node:http';
import { InMemoryObjectStore } from '../store/ObjectStore';
import type { KubeObject } from '../store/types';
import { impersonate } from './authenticate';
import { CLUSTER_ROLE_BINDINGS, CLUSTER_ROLES, forbiddenMessage, RbacAuthorizer, ROLE_BINDINGS, ROLES } from './rbac';
import type { Attributes, UserInfo } from './types';

const RBAC = 'rbac.authorization.k8s.io';
const alice: UserInfo = { username: 'alice', groups: ['dev', 'system:authenticated'] };
const sa: UserInfo = { username: 'system:serviceaccount:team:bot', groups: ['system:serviceaccounts', 'system:authenticated'] };

function meta(name: string, namespace?: string, labels?: Record<string, string>) {
  return { name, ...(namespace ? { namespace } : {}), ...(labels ? { labels } : {}) };
}

function seed(store: InMemoryObjectStore): void {
  const role = (kind: string, name: string, rules: object[], namespace?: string, extra: object = {}): KubeObject => ({
    apiVersion: `${RBAC}/v1`, kind, metadata: meta(name, namespace), rules, ...extra,
  });
  store.create(ROLES, role('Role', 'reader', [
    { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] },
    { apiGroups: ['apps'], resources: ['deployments'], verbs: ['update'], resourceNames: ['web'] },
  ], 'team'));
  store.create(CLUSTER_ROLES, { apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata: meta('secrets-view', undefined, { 'example.com/aggregate': 'true' }), rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }] });
  store.create(CLUSTER_ROLES, role('ClusterRole', 'aggregated', [], undefined, { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'example.com/aggregate': 'true' } }] } }));
  store.create(CLUSTER_ROLES, role('ClusterRole', 'metrics', [{ nonResourceURLs: ['/metrics', '/logs/*'], verbs: ['get'] }]));
  const binding = (kind: string, name: string, roleRef: object, subjects: object[], namespace?: string): KubeObject => ({
    apiVersion: `${RBAC}/v1`, kind, metadata: meta(name, namespace), roleRef, subjects,
  });
  store.create(ROLE_BINDINGS, binding('RoleBinding', 'dev-reads', { kind: 'Role', name: 'reader' }, [{ kind: 'Group', name: 'dev' }], 'team'));
  store.create(ROLE_BINDINGS, binding('RoleBinding', 'bot-secrets', { kind: 'ClusterRole', name: 'aggregated' }, [{ kind: 'ServiceAccount', name: 'bot' }], 'team'));
  store.create(CLUSTER_ROLE_BINDINGS, binding('ClusterRoleBinding', 'metrics', { kind: 'ClusterRole', name: 'metrics' }, [{ kind: 'User', name: 'alice' }]));
}

describe('RbacAuthorizer', () => {
  const store = new InMemoryObjectStore();
  seed(store);
  const rbac = new RbacAuthorizer(store);
  const can = (user: UserInfo, a: Partial<Attributes>) => rbac.authorize({ user, verb: 'get', isResourceRequest: true, apiGroup: '', ...a }).allowed;

  it('grants what bound roles allow, per namespace, verb and subresource', () => {
    expect(can(alice, { resource: 'pods', namespace: 'team', verb: 'list' })).toBe(true);
    expect(can(alice, { resource: 'pods', subresource: 'log', namespace: 'team' })).toBe(true);
    expect(can(alice, { resource: 'pods', subresource: 'exec', namespace: 'team', verb: 'create' })).toBe(false);
    expect(can(alice, { resource: 'pods', namespace: 'other' })).toBe(false);
    expect(can(alice, { resource: 'pods', namespace: 'team', verb: 'delete' })).toBe(false);
  });

  it('limits rules with resourceNames to the named objects', () => {
    expect(can(alice, { apiGroup: 'apps', resource: 'deployments', name: 'web', namespace: 'team', verb: 'update' })).toBe(true);
    expect(can(alice, { apiGroup: 'apps', resource: 'deployments', name: 'db', namespace: 'team', verb: 'update' })).toBe(false);
  });

  it('matches service-account subjects and aggregated cluster roles', () => {
    expect(can(sa, { resource: 'secrets', namespace: 'team' })).toBe(true);
    expect(can(sa, { resource: 'secrets', namespace: 'other' })).toBe(false);
  });

  it('matches non-resource URLs exactly or by prefix', () => {
    const path = (p: string) => rbac.authorize({ user: alice, verb: 'get', isResourceRequest: false, path: p }).allowed;
    expect(path('/metrics')).toBe(true);
    expect(path('/logs/kube.log')).toBe(true);
    expect(path('/debug')).toBe(false);
    expect(path('/version')).toBe(true);
  });

  it('lets system:masters do anything', () => {
    expect(can({ username: 'root', groups: ['system:masters'] }, { resource: 'nodes', verb: 'delete' })).toBe(true);
  });

  it('words denials like kube-apiserver', () => {
    expect(forbiddenMessage({ user: alice, verb: 'list', isResourceRequest: true, apiGroup: '', resource: 'pods', namespace: 'y' })).toBe(
      'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "y"',
    );
    expect(forbiddenMessage({ user: alice, verb: 'get', isResourceRequest: true, apiGroup: 'apps', resource: 'deployments', subresource: 'scale', name: 'web' })).toBe(
      'deployments.apps "web" is forbidden: User "alice" cannot get resource "deployments/scale" in API group "apps" at the cluster scope',
    );
  });

  it('impersonates only when the caller may impersonate', () => {
    const request = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as IncomingMessage;
    expect(impersonate(request({}), alice, rbac)).toBe(alice);
    expect(() => impersonate(request({ 'impersonate-user': 'bob' }), alice, rbac)).toThrow(
      'users "bob" is forbidden: User "alice" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
    const admin = { username: 'admin', groups: ['system:masters'] };
    expect(impersonate(request({ 'impersonate-user': 'bob', 'impersonate-group': ['g1', 'g2'] }), admin, rbac)).toEqual({
      username: 'bob',
      groups: ['g1', 'g2', 'system:authenticated'],
    });
    expect(impersonate(request({ 'impersonate-user': 'system:serviceaccount:team:bot' }), admin, rbac).groups).toContain('system:serviceaccounts:team');
  });
});

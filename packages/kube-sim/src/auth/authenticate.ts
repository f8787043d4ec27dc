import type { IncomingMessage } from 'node:http';
import type { ObjectStore, ResourceKey } from '../store/types';
import type { ScenarioUser } from '../scenario/types';
import { ApiError } from '../api/status';
import type { RbacAuthorizer } from './rbac';
import { forbiddenMessage } from './rbac';
import { ServiceAccountTokens } from './tokens';
import type { UserInfo } from './types';

const SERVICE_ACCOUNTS: ResourceKey = { group: '', version: 'v1', resource: 'serviceaccounts' };
const AUTHENTICATED = 'system:authenticated';

export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

/** The user a service account acts as. */
export function serviceAccountUser(namespace: string, name: string, uid?: string): UserInfo {
  return {
    username: `system:serviceaccount:${namespace}:${name}`,
    ...(uid ? { uid } : {}),
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, AUTHENTICATED],
  };
}

/** Bearer-token authentication: scenario users and service-account tokens. */
export class Authenticator {
  readonly serviceAccountTokens = new ServiceAccountTokens();
  private readonly users = new Map<string, ScenarioUser>();

  constructor(
    private readonly store: ObjectStore,
    users: ScenarioUser[],
  ) {
    for (const user of users) this.users.set(user.token, user);
  }

  /** The user behind the request's bearer token; throws 401 when there is none or it is wrong. */
  authenticate(req: IncomingMessage): UserInfo {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized();
    const user = this.userForToken(match[1]);
    if (!user) throw unauthorized();
    return user;
  }

  userForToken(token: string): UserInfo | undefined {
    const scenarioUser = this.users.get(token);
    if (scenarioUser) {
      return { username: scenarioUser.name, groups: [...new Set([...scenarioUser.groups, AUTHENTICATED])] };
    }
    const claims = this.serviceAccountTokens.verify(token, Math.floor(Date.now() / 1000));
    if (!claims) return undefined;
    const account = this.store.get(SERVICE_ACCOUNTS, claims.namespace, claims.name);
    if (!account || account.metadata.uid !== claims.uid) return undefined;
    return serviceAccountUser(claims.namespace, claims.name, claims.uid);
  }
}

/**
 * Applies Impersonate-* headers: each impersonated user, group, uid and extra value must be
 * allowed by the caller's `impersonate` permission, otherwise 403.
 */
export function impersonate(req: IncomingMessage, caller: UserInfo, rbac: RbacAuthorizer): UserInfo {
  const headers = req.headers;
  const username = headers['impersonate-user'] as string | undefined;
  const groupHeader = headers['impersonate-group'];
  const groups = [groupHeader ?? []].flat();
  const uid = headers['impersonate-uid'] as string | undefined;
  const extra: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('impersonate-extra-') || value === undefined) continue;
    extra[decodeURIComponent(name.slice('impersonate-extra-'.length))] = Array.isArray(value) ? value : value.split(',').map(v => v.trim());
  }
  if (!username) {
    if (groups.length || uid || Object.keys(extra).length) {
      throw new ApiError(500, 'InternalError', 'Internal error occurred: requested impersonation of groups or extra without impersonating a user');
    }
    return caller;
  }
  const check = (resource: string, name: string, namespace?: string, apiGroup = '') => {
    const attributes = { user: caller, verb: 'impersonate', isResourceRequest: true, apiGroup, resource, name, namespace };
    if (!rbac.authorize(attributes).allowed) {
      throw new ApiError(403, 'Forbidden', forbiddenMessage(attributes), { name, group: apiGroup, kind: resource });
    }
  };
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username);
  if (sa) check('serviceaccounts', sa[2], sa[1]);
  else check('users', username);
  for (const group of groups) check('groups', group);
  if (uid) check('uids', uid, undefined, 'authentication.k8s.io');
  for (const [key, values] of Object.entries(extra)) {
    for (const value of values) {
      const attributes = { user: caller, verb: 'impersonate', isResourceRequest: true, apiGroup: 'authentication.k8s.io', resource: 'userextras', subresource: key, name: value };
      if (!rbac.authorize(attributes).allowed) throw new ApiError(403, 'Forbidden', forbiddenMessage(attributes));
    }
  }
  const base = sa ? serviceAccountUser(sa[1], sa[2]).groups : [];
  const allGroups = [...new Set([...base, ...groups, ...(username === 'system:anonymous' ? [] : [AUTHENTICATED])])];
  return { username, groups: allGroups, ...(uid ? { uid } : {}), ...(Object.keys(extra).length ? { extra } : {}) };
}

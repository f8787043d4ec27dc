import type { KubeObject } from '../store/types';
import { badRequest } from '../api/status';
import type { Authenticator } from './authenticate';
import type { RbacAuthorizer } from './rbac';
import type { Attributes, PolicyRule, UserInfo } from './types';

interface ReviewSpec {
  resourceAttributes?: { namespace?: string; verb?: string; group?: string; resource?: string; subresource?: string; name?: string };
  nonResourceAttributes?: { path?: string; verb?: string };
  user?: string;
  groups?: string[];
  uid?: string;
  extra?: Record<string, string[]>;
  namespace?: string;
  token?: string;
}

function accessAttributes(user: UserInfo, spec: ReviewSpec): Attributes {
  if (spec.resourceAttributes) {
    const r = spec.resourceAttributes;
    return {
      user,
      verb: r.verb ?? '',
      isResourceRequest: true,
      apiGroup: r.group ?? '',
      resource: r.resource ?? '',
      subresource: r.subresource || undefined,
      namespace: r.namespace || undefined,
      name: r.name || undefined,
    };
  }
  if (spec.nonResourceAttributes) {
    return { user, verb: spec.nonResourceAttributes.verb ?? '', isResourceRequest: false, path: spec.nonResourceAttributes.path ?? '' };
  }
  throw badRequest('exactly one of nonResourceAttributes or resourceAttributes must be specified');
}

function compactRules(rules: PolicyRule[]) {
  const resourceRules = rules
    .filter(r => !r.nonResourceURLs?.length)
    .map(r => ({ verbs: r.verbs, apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], ...(r.resourceNames?.length ? { resourceNames: r.resourceNames } : {}) }));
  const nonResourceRules = rules
    .filter(r => r.nonResourceURLs?.length)
    .map(r => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs ?? [] }));
  return { resourceRules, nonResourceRules };
}

/**
 * Answers the authorization.k8s.io and authentication.k8s.io review resources. They are never
 * stored: the server returns the request with its status filled in.
 */
export function answerReview(
  resource: string,
  body: KubeObject,
  caller: UserInfo,
  namespace: string | undefined,
  rbac: RbacAuthorizer,
  authn: Authenticator,
): KubeObject {
  const spec = (body.spec ?? {}) as ReviewSpec;
  const metadata = { ...(body.metadata ?? {}), creationTimestamp: null } as unknown as KubeObject['metadata'];
  switch (resource) {
    case 'selfsubjectaccessreviews':
    case 'subjectaccessreviews':
    case 'localsubjectaccessreviews': {
      const user =
        resource === 'selfsubjectaccessreviews'
          ? caller
          : { username: spec.user ?? '', groups: spec.groups ?? [], uid: spec.uid, extra: spec.extra };
      if (resource === 'localsubjectaccessreviews' && spec.resourceAttributes) {
        spec.resourceAttributes.namespace = namespace;
      }
      const decision = rbac.authorize(accessAttributes(user, spec));
      return { ...body, metadata, status: { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) } };
    }
    case 'selfsubjectrulesreviews': {
      const rules = rbac.rulesFor(caller, spec.namespace || undefined);
      return { ...body, metadata, status: { ...compactRules(rules), incomplete: false } };
    }
    case 'selfsubjectreviews':
      return { ...body, metadata, status: { userInfo: caller } };
    case 'tokenreviews': {
      const user = spec.token ? authn.userForToken(spec.token) : undefined;
      return { ...body, metadata, status: user ? { authenticated: true, user, audiences: ['https://kubernetes.default.svc'] } : { authenticated: false, error: 'invalid bearer token' } };
    }
    default:
      throw badRequest(`unknown review resource ${resource}`);
  }
}

export const REVIEW_RESOURCES = new Set([
  'selfsubjectaccessreviews',
  'subjectaccessreviews',
  'localsubjectaccessreviews',
  'selfsubjectrulesreviews',
  'selfsubjectreviews',
  'tokenreviews',
]);

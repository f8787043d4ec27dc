import type { KubeObject } from '../store/types';
import type { ResourceDef } from './resources';
import { invalid } from './status';

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN_HELP =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_HELP =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

/** The few validations users meet most often, with the real server's wording. */
export function validate(def: ResourceDef, object: KubeObject): void {
  const name = object.metadata.name;
  const causes: Array<{ field: string; message: string; reason?: string }> = [];
  const rbac = def.group === 'rbac.authorization.k8s.io';
  const dnsLabel = def.resource === 'namespaces' || def.resource === 'services';
  if (name && !rbac) {
    if (dnsLabel ? !LABEL.test(name) || name.length > 63 : !SUBDOMAIN.test(name) || name.length > 253) {
      causes.push({ field: 'metadata.name', message: `Invalid value: "${name}": ${dnsLabel ? LABEL_HELP : SUBDOMAIN_HELP}` });
    }
  }
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  if (def.group === '' && def.resource === 'pods' && !(spec.containers as unknown[] | undefined)?.length) {
    causes.push({ field: 'spec.containers', message: 'Required value', reason: 'FieldValueRequired' });
  }
  if (def.group === 'apps' && ['deployments', 'replicasets', 'statefulsets', 'daemonsets'].includes(def.resource)) {
    const selector = spec.selector as { matchLabels?: Record<string, string> } | undefined;
    const labels = ((spec.template as { metadata?: { labels?: Record<string, string> } } | undefined)?.metadata?.labels) ?? {};
    if (!selector) causes.push({ field: 'spec.selector', message: 'Required value', reason: 'FieldValueRequired' });
    else if (Object.entries(selector.matchLabels ?? {}).some(([k, v]) => labels[k] !== v)) {
      causes.push({ field: 'spec.template.metadata.labels', message: `Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\`` });
    }
  }
  if (causes.length) throw invalid(def.kind, name, causes, def.group);
}

const COMMON = ['apiVersion', 'kind', 'metadata'];
const SPEC_STATUS = [...COMMON, 'spec', 'status'];
const TOP_LEVEL: Record<string, string[]> = {
  '/configmaps': [...COMMON, 'data', 'binaryData', 'immutable'],
  '/secrets': [...COMMON, 'data', 'stringData', 'type', 'immutable'],
  '/serviceaccounts': [...COMMON, 'secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
  '/endpoints': [...COMMON, 'subsets'],
  'rbac.authorization.k8s.io/roles': [...COMMON, 'rules'],
  'rbac.authorization.k8s.io/clusterroles': [...COMMON, 'rules', 'aggregationRule'],
  'rbac.authorization.k8s.io/rolebindings': [...COMMON, 'subjects', 'roleRef'],
  'rbac.authorization.k8s.io/clusterrolebindings': [...COMMON, 'subjects', 'roleRef'],
};
for (const key of ['/pods', '/services', '/namespaces', '/nodes', '/persistentvolumes', '/persistentvolumeclaims', 'apps/deployments', 'apps/replicasets', 'apps/statefulsets', 'apps/daemonsets', 'batch/jobs', 'batch/cronjobs', 'networking.k8s.io/ingresses', 'networking.k8s.io/networkpolicies', 'autoscaling/horizontalpodautoscalers', 'policy/poddisruptionbudgets', 'coordination.k8s.io/leases']) {
  TOP_LEVEL[key] = SPEC_STATUS;
}
const METADATA = new Set([
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp',
  'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
]);

/**
 * Unknown top-level and metadata fields of built-in kinds, which the real server reports per the
 * `fieldValidation` query parameter (Strict: 400, Warn: a Warning header, Ignore: nothing).
 */
export function unknownFields(def: ResourceDef, object: KubeObject): string[] {
  const known = TOP_LEVEL[`${def.group}/${def.resource}`];
  if (!known) return [];
  const unknown = Object.keys(object).filter(k => !known.includes(k));
  unknown.push(...Object.keys(object.metadata ?? {}).filter(k => !METADATA.has(k)).map(k => `metadata.${k}`));
  return unknown;
}

import type { KubeObject, ResourceKey } from '../store/types';

/** A column a CRD adds to its table (`additionalPrinterColumns`). */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
  format?: string;
}

/** Everything the API layer knows about one served resource. */
export interface ResourceDef extends ResourceKey {
  kind: string;
  singular: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources: string[];
  /** Only for custom resources. */
  printerColumns?: PrinterColumn[];
  crd?: boolean;
}

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const CREATE_ONLY = ['create'];
const READ_ONLY = ['get', 'list'];

type Entry = [resource: string, kind: string, scope: 'ns' | 'cluster', shortNames?: string[], subresources?: string[], extra?: Partial<ResourceDef>];

const ALL = { categories: ['all'] };
const STATUS = ['status'];
const SCALABLE = ['status', 'scale'];

const BUILTIN: Record<string, Entry[]> = {
  v1: [
    ['configmaps', 'ConfigMap', 'ns', ['cm']],
    ['endpoints', 'Endpoints', 'ns', ['ep']],
    ['events', 'Event', 'ns', ['ev']],
    ['limitranges', 'LimitRange', 'ns', ['limits']],
    ['namespaces', 'Namespace', 'cluster', ['ns'], ['status', 'finalize'], { verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }],
    ['nodes', 'Node', 'cluster', ['no'], ['status', 'proxy']],
    ['persistentvolumeclaims', 'PersistentVolumeClaim', 'ns', ['pvc'], STATUS],
    ['persistentvolumes', 'PersistentVolume', 'cluster', ['pv'], STATUS],
    ['pods', 'Pod', 'ns', ['po'], ['status', 'log', 'exec', 'attach', 'portforward', 'binding', 'eviction', 'ephemeralcontainers'], ALL],
    ['podtemplates', 'PodTemplate', 'ns'],
    ['replicationcontrollers', 'ReplicationController', 'ns', ['rc'], SCALABLE, ALL],
    ['resourcequotas', 'ResourceQuota', 'ns', ['quota'], STATUS],
    ['secrets', 'Secret', 'ns'],
    ['serviceaccounts', 'ServiceAccount', 'ns', ['sa'], ['token']],
    ['services', 'Service', 'ns', ['svc'], ['status', 'proxy'], ALL],
  ],
  'apps/v1': [
    ['controllerrevisions', 'ControllerRevision', 'ns'],
    ['daemonsets', 'DaemonSet', 'ns', ['ds'], STATUS, ALL],
    ['deployments', 'Deployment', 'ns', ['deploy'], SCALABLE, ALL],
    ['replicasets', 'ReplicaSet', 'ns', ['rs'], SCALABLE, ALL],
    ['statefulsets', 'StatefulSet', 'ns', ['sts'], SCALABLE, ALL],
  ],
  'batch/v1': [
    ['cronjobs', 'CronJob', 'ns', ['cj'], STATUS, ALL],
    ['jobs', 'Job', 'ns', undefined, STATUS, ALL],
  ],
  'networking.k8s.io/v1': [
    ['ingressclasses', 'IngressClass', 'cluster'],
    ['ingresses', 'Ingress', 'ns', ['ing'], STATUS],
    ['networkpolicies', 'NetworkPolicy', 'ns', ['netpol']],
  ],
  'rbac.authorization.k8s.io/v1': [
    ['clusterrolebindings', 'ClusterRoleBinding', 'cluster'],
    ['clusterroles', 'ClusterRole', 'cluster'],
    ['rolebindings', 'RoleBinding', 'ns'],
    ['roles', 'Role', 'ns'],
  ],
  'storage.k8s.io/v1': [['storageclasses', 'StorageClass', 'cluster', ['sc']]],
  'autoscaling/v2': [['horizontalpodautoscalers', 'HorizontalPodAutoscaler', 'ns', ['hpa'], STATUS, ALL]],
  'autoscaling/v1': [['horizontalpodautoscalers', 'HorizontalPodAutoscaler', 'ns', ['hpa'], STATUS, ALL]],
  'policy/v1': [['poddisruptionbudgets', 'PodDisruptionBudget', 'ns', ['pdb'], STATUS]],
  'discovery.k8s.io/v1': [['endpointslices', 'EndpointSlice', 'ns']],
  'apiextensions.k8s.io/v1': [
    ['customresourcedefinitions', 'CustomResourceDefinition', 'cluster', ['crd', 'crds'], STATUS, { categories: ['api-extensions'] }],
  ],
  'coordination.k8s.io/v1': [['leases', 'Lease', 'ns']],
  'authentication.k8s.io/v1': [
    ['selfsubjectreviews', 'SelfSubjectReview', 'cluster', undefined, [], { verbs: CREATE_ONLY }],
    ['tokenreviews', 'TokenReview', 'cluster', undefined, [], { verbs: CREATE_ONLY }],
  ],
  'authorization.k8s.io/v1': [
    ['localsubjectaccessreviews', 'LocalSubjectAccessReview', 'ns', undefined, [], { verbs: CREATE_ONLY }],
    ['selfsubjectaccessreviews', 'SelfSubjectAccessReview', 'cluster', undefined, [], { verbs: CREATE_ONLY }],
    ['selfsubjectrulesreviews', 'SelfSubjectRulesReview', 'cluster', undefined, [], { verbs: CREATE_ONLY }],
    ['subjectaccessreviews', 'SubjectAccessReview', 'cluster', undefined, [], { verbs: CREATE_ONLY }],
  ],
};

const METRICS: Entry[] = [
  ['nodes', 'NodeMetrics', 'cluster', undefined, [], { verbs: READ_ONLY }],
  ['pods', 'PodMetrics', 'ns', undefined, [], { verbs: READ_ONLY }],
];

function toDef(groupVersion: string, [resource, kind, scope, shortNames, subresources, extra]: Entry): ResourceDef {
  const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion];
  return {
    group,
    version,
    resource,
    kind,
    singular: kind.toLowerCase(),
    namespaced: scope === 'ns',
    verbs: CRUD,
    subresources: subresources ?? [],
    ...(shortNames ? { shortNames } : {}),
    ...extra,
  };
}

interface CrdSpec {
  group: string;
  scope: 'Namespaced' | 'Cluster';
  names: { plural: string; singular?: string; kind: string; shortNames?: string[]; categories?: string[] };
  versions: Array<{
    name: string;
    served: boolean;
    storage?: boolean;
    subresources?: { status?: object; scale?: object };
    additionalPrinterColumns?: PrinterColumn[];
  }>;
}

/** The resources a CustomResourceDefinition serves, one per served version. */
export function defsFromCrd(crd: KubeObject): ResourceDef[] {
  const spec = crd.spec as CrdSpec | undefined;
  if (!spec?.names?.plural || !spec.group) return [];
  return (spec.versions ?? [])
    .filter(v => v.served)
    .map(v => ({
      group: spec.group,
      version: v.name,
      resource: spec.names.plural,
      kind: spec.names.kind,
      singular: spec.names.singular || spec.names.kind.toLowerCase(),
      namespaced: spec.scope !== 'Cluster',
      verbs: CRUD,
      subresources: [...(v.subresources?.status ? ['status'] : []), ...(v.subresources?.scale ? ['scale'] : [])],
      ...(spec.names.shortNames ? { shortNames: spec.names.shortNames } : {}),
      ...(spec.names.categories ? { categories: spec.names.categories } : {}),
      printerColumns: v.additionalPrinterColumns ?? [],
      crd: true,
    }));
}

export const CRD_KEY: ResourceKey = { group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' };

/** The served resources: built-ins, metrics when enabled, and whatever CRDs currently exist. */
export class ResourceRegistry {
  private readonly builtins: ResourceDef[];
  private crdDefs: ResourceDef[] = [];

  constructor(options: { metrics: boolean }) {
    this.builtins = Object.entries(BUILTIN).flatMap(([gv, entries]) => entries.map(e => toDef(gv, e)));
    if (options.metrics) this.builtins.push(...METRICS.map(e => toDef('metrics.k8s.io/v1beta1', e)));
  }

  /** Replaces the custom resources with those of the given CRDs. */
  setCrds(crds: KubeObject[]): void {
    this.crdDefs = crds.filter(c => !c.metadata.deletionTimestamp).flatMap(defsFromCrd);
  }

  all(): ResourceDef[] {
    return [...this.builtins, ...this.crdDefs];
  }

  find(group: string, version: string, resource: string): ResourceDef | undefined {
    return this.all().find(d => d.group === group && d.version === version && d.resource === resource);
  }

  /** The group versions in the order discovery lists them (preferred first within a group). */
  groupVersions(): Array<{ group: string; versions: string[] }> {
    const groups = new Map<string, string[]>();
    for (const def of this.all()) {
      const versions = groups.get(def.group) ?? [];
      if (!versions.includes(def.version)) versions.push(def.version);
      groups.set(def.group, versions);
    }
    return [...groups].map(([group, versions]) => ({ group, versions }));
  }

  forGroupVersion(group: string, version: string): ResourceDef[] {
    return this.all().filter(d => d.group === group && d.version === version);
  }

  /** Looks a kind up by its apiVersion, as found in a manifest or an ownerReference. */
  byKind(apiVersion: string, kind: string): ResourceDef | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return this.all().find(d => d.group === group && d.version === version && d.kind === kind);
  }
}

export function apiVersionOf(def: ResourceKey): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

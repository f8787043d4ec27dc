import type { KubeObject } from '../store/types';
import type { ResourceDef } from './resources';

type Obj = Record<string, unknown>;

const obj = (parent: Obj, key: string): Obj => {
  if (!parent[key] || typeof parent[key] !== 'object') parent[key] = {};
  return parent[key] as Obj;
};

function setDefault(target: Obj, key: string, value: unknown): void {
  if (target[key] === undefined) target[key] = value;
}

function defaultContainer(c: Obj): void {
  const image = String(c.image ?? '');
  const tagged = /:[^/]+$/.test(image) || image.includes('@');
  setDefault(c, 'imagePullPolicy', !tagged || image.endsWith(':latest') ? 'Always' : 'IfNotPresent');
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  setDefault(c, 'resources', {});
  for (const port of (c.ports as Obj[] | undefined) ?? []) setDefault(port, 'protocol', 'TCP');
}

/** Defaults of a PodSpec, wherever it appears (pods and pod templates). */
function defaultPodSpec(spec: Obj): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'securityContext', {});
  for (const c of [...((spec.containers as Obj[] | undefined) ?? []), ...((spec.initContainers as Obj[] | undefined) ?? [])]) defaultContainer(c);
}

function qosClass(spec: Obj): string {
  const containers = (spec.containers as Obj[] | undefined) ?? [];
  const resources = containers.map(c => (c.resources ?? {}) as { requests?: Obj; limits?: Obj });
  if (resources.every(r => !Object.keys(r.requests ?? {}).length && !Object.keys(r.limits ?? {}).length)) return 'BestEffort';
  const guaranteed = resources.every(r => {
    const limits = r.limits ?? {};
    const requests = { ...limits, ...(r.requests ?? {}) };
    return ['cpu', 'memory'].every(k => limits[k] !== undefined && requests[k] === limits[k]);
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

let nextClusterIp = 10;
let nextNodePort = 30000;

function defaultService(o: Obj, current: KubeObject | undefined): void {
  const spec = obj(o, 'spec');
  const old = (current?.spec ?? {}) as Obj;
  setDefault(spec, 'type', 'ClusterIP');
  setDefault(spec, 'sessionAffinity', 'None');
  if (spec.type !== 'ExternalName') {
    if (spec.clusterIP === undefined) spec.clusterIP = old.clusterIP ?? `10.96.${Math.floor(nextClusterIp / 250)}.${(nextClusterIp++ % 250) + 1}`;
    setDefault(spec, 'clusterIPs', [spec.clusterIP]);
    setDefault(spec, 'ipFamilies', ['IPv4']);
    setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
    setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  }
  const oldPorts = (old.ports as Obj[] | undefined) ?? [];
  for (const port of (spec.ports as Obj[] | undefined) ?? []) {
    setDefault(port, 'protocol', 'TCP');
    setDefault(port, 'targetPort', port.port);
    if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && port.nodePort === undefined) {
      port.nodePort = oldPorts.find(p => p.port === port.port)?.nodePort ?? nextNodePort++;
    }
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') setDefault(obj(o, 'status'), 'loadBalancer', {});
}

const WORKLOAD_DEFAULTS: Record<string, (spec: Obj) => void> = {
  deployments: spec => {
    setDefault(spec, 'replicas', 1);
    setDefault(spec, 'revisionHistoryLimit', 10);
    setDefault(spec, 'progressDeadlineSeconds', 600);
    const strategy = obj(spec, 'strategy');
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') setDefault(strategy, 'rollingUpdate', { maxSurge: '25%', maxUnavailable: '25%' });
  },
  replicasets: spec => setDefault(spec, 'replicas', 1),
  statefulsets: spec => {
    setDefault(spec, 'replicas', 1);
    setDefault(spec, 'podManagementPolicy', 'OrderedReady');
    setDefault(spec, 'revisionHistoryLimit', 10);
    setDefault(spec, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  },
  daemonsets: spec => {
    setDefault(spec, 'revisionHistoryLimit', 10);
    setDefault(spec, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  },
  jobs: spec => {
    setDefault(spec, 'parallelism', 1);
    if (spec.parallelism === 1) setDefault(spec, 'completions', 1);
    setDefault(spec, 'backoffLimit', 6);
    setDefault(spec, 'completionMode', 'NonIndexed');
    setDefault(spec, 'suspend', false);
  },
};

/**
 * Fills the defaults the real API server sets, so controllers and `kubectl get -o yaml` see what
 * they would on a cluster. `current` is the stored object on updates. Mutates `object`.
 */
export function applyDefaults(def: ResourceDef, object: KubeObject, current?: KubeObject): void {
  const o = object as Obj;
  if (def.group === '') {
    switch (def.resource) {
      case 'pods': {
        const spec = obj(o, 'spec');
        defaultPodSpec(spec);
        setDefault(spec, 'serviceAccountName', 'default');
        setDefault(spec, 'enableServiceLinks', true);
        setDefault(spec, 'priority', 0);
        if (!current) {
          const status = obj(o, 'status');
          setDefault(status, 'phase', 'Pending');
          setDefault(status, 'qosClass', qosClass(spec));
        }
        return;
      }
      case 'services':
        defaultService(o, current);
        return;
      case 'namespaces':
        object.metadata.labels = { ...object.metadata.labels, 'kubernetes.io/metadata.name': object.metadata.name };
        setDefault(obj(o, 'spec'), 'finalizers', ['kubernetes']);
        if (!current) setDefault(obj(o, 'status'), 'phase', 'Active');
        return;
      case 'secrets': {
        setDefault(o, 'type', 'Opaque');
        const stringData = o.stringData as Record<string, string> | undefined;
        if (stringData) {
          const data = obj(o, 'data');
          for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(v).toString('base64');
          delete o.stringData;
        }
        return;
      }
      case 'persistentvolumeclaims':
        setDefault(obj(o, 'spec'), 'volumeMode', 'Filesystem');
        if (!current) setDefault(obj(o, 'status'), 'phase', 'Pending');
        return;
      case 'persistentvolumes':
        setDefault(obj(o, 'spec'), 'persistentVolumeReclaimPolicy', 'Retain');
        setDefault(obj(o, 'spec'), 'volumeMode', 'Filesystem');
        if (!current) setDefault(obj(o, 'status'), 'phase', 'Available');
        return;
      default:
        return;
    }
  }
  if (def.group === 'batch' && def.resource === 'cronjobs') {
    const spec = obj(o, 'spec');
    setDefault(spec, 'concurrencyPolicy', 'Allow');
    setDefault(spec, 'suspend', false);
    setDefault(spec, 'successfulJobsHistoryLimit', 3);
    setDefault(spec, 'failedJobsHistoryLimit', 1);
    const jobSpec = obj(obj(spec, 'jobTemplate'), 'spec');
    const podSpec = (jobSpec.template as Obj | undefined)?.spec as Obj | undefined;
    if (podSpec) defaultPodSpec(podSpec);
    return;
  }
  const workload = (def.group === 'apps' || def.group === 'batch') && WORKLOAD_DEFAULTS[def.resource];
  if (workload) {
    const spec = obj(o, 'spec');
    workload(spec);
    const podSpec = (spec.template as Obj | undefined)?.spec as Obj | undefined;
    if (podSpec) defaultPodSpec(podSpec);
  }
}

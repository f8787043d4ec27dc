import type { KubeObject } from '../../store/types';
import type { SimContext } from '../context';
import { selectorMatcher } from '../context';
import { isActivePod, isPodReady } from '../podtemplate';
import { controllerRef, R } from '../resources';
import { startController, type ObjectRef } from './controller';

type ServicePort = { name?: string; port: number; targetPort?: number | string; protocol?: string };
type ServiceSpec = { selector?: Record<string, string>; ports?: ServicePort[]; clusterIP?: string; type?: string };
type ContainerPort = { name?: string; containerPort: number };

const managedBy = 'endpointslice-controller.k8s.io';

/** A Service's targetPort resolved against a pod's named container ports. */
function targetPort(pod: KubeObject, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number' || /^\d+$/.test(target)) return Number(target);
  const containers = (pod.spec as { containers: Array<{ ports?: ContainerPort[] }> }).containers;
  return containers.flatMap(c => c.ports ?? []).find(p => p.name === target)?.containerPort;
}

function endpointsObject(service: KubeObject, pods: KubeObject[]): KubeObject {
  const ports = (service.spec as ServiceSpec).ports ?? [];
  const address = (pod: KubeObject) => ({
    ip: (pod.status as { podIP: string }).podIP,
    nodeName: (pod.spec as { nodeName?: string }).nodeName,
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  });
  const first = pods[0];
  const subsetPorts = ports.map(p => ({ ...(p.name ? { name: p.name } : {}), port: (first && targetPort(first, p)) ?? Number(p.targetPort ?? p.port), protocol: p.protocol ?? 'TCP' }));
  const ready = pods.filter(isPodReady).map(address);
  const notReady = pods.filter(p => !isPodReady(p)).map(address);
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: service.metadata.name, namespace: service.metadata.namespace, labels: { ...service.metadata.labels } },
    ...(pods.length ? { subsets: [{ ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ports: subsetPorts }] } : {}),
  };
}

function sliceObject(service: KubeObject, pods: KubeObject[], existing?: KubeObject): KubeObject {
  const ports = (service.spec as ServiceSpec).ports ?? [];
  const first = pods[0];
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      ...(existing ? { name: existing.metadata.name } : { name: '', generateName: `${service.metadata.name}-` }),
      namespace: service.metadata.namespace,
      labels: { ...service.metadata.labels, 'kubernetes.io/service-name': service.metadata.name, 'endpointslice.kubernetes.io/managed-by': managedBy },
      ownerReferences: [controllerRef(service)],
    },
    addressType: 'IPv4',
    endpoints: pods.map(pod => ({
      addresses: [(pod.status as { podIP: string }).podIP],
      conditions: { ready: isPodReady(pod), serving: isPodReady(pod), terminating: false },
      nodeName: (pod.spec as { nodeName?: string }).nodeName,
      targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    })),
    ports: ports.map(p => ({ name: p.name ?? '', port: (first && targetPort(first, p)) ?? Number(p.targetPort ?? p.port), protocol: p.protocol ?? 'TCP' })),
  };
}

function upsert(ctx: SimContext, key: typeof R.endpoints, object: KubeObject, existing: KubeObject | undefined): void {
  if (!existing) ctx.store.create(key, object);
  else ctx.store.update(key, { ...object, metadata: { ...existing.metadata, labels: object.metadata.labels } });
}

/** Allocates a ClusterIP from 10.96.0.0/12 when a Service was created without one. */
function ensureClusterIp(ctx: SimContext, service: KubeObject): KubeObject {
  const spec = service.spec as ServiceSpec;
  if (spec.clusterIP || spec.type === 'ExternalName') return service;
  const n = parseInt((service.metadata.uid ?? '0').replace(/-/g, '').slice(0, 6), 16) % 65000;
  const ip = `10.96.${Math.floor(n / 250) + 1}.${(n % 250) + 2}`;
  return ctx.store.update(R.services, { ...service, metadata: { ...service.metadata, resourceVersion: undefined }, spec: { ...spec, clusterIP: ip, clusterIPs: [ip] } });
}

function reconcile(ctx: SimContext, ref: ObjectRef): void {
  let service = ctx.store.get(R.services, ref.namespace, ref.name);
  if (!service) return;
  service = ensureClusterIp(ctx, service);
  const spec = service.spec as ServiceSpec;
  if (!spec.selector || Object.keys(spec.selector).length === 0) return;
  const matches = selectorMatcher({ matchLabels: spec.selector });
  const pods = ctx.store
    .list(R.pods, { namespace: ref.namespace })
    .items.filter(p => matches(p.metadata.labels) && isActivePod(p) && (p.status as { podIP?: string })?.podIP)
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  upsert(ctx, R.endpoints, endpointsObject(service, pods), ctx.store.get(R.endpoints, ref.namespace, ref.name));
  const slice = ctx.store.list(R.endpointslices, { namespace: ref.namespace, labelSelector: `kubernetes.io/service-name=${ref.name}` }).items[0];
  upsert(ctx, R.endpointslices, sliceObject(service, pods, slice), slice);
}

/** Service → Endpoints and an EndpointSlice listing the selected pods, ready or not. */
export function startEndpointsController(ctx: SimContext) {
  return startController(ctx, {
    name: 'endpoints',
    key: R.services,
    reconcile,
    related: [
      {
        key: R.pods,
        map: (pod, c) =>
          c.store.list(R.services, { namespace: pod.metadata.namespace }).items
            .filter(s => {
              const selector = (s.spec as ServiceSpec).selector;
              return selector && Object.keys(selector).length && selectorMatcher({ matchLabels: selector })(pod.metadata.labels);
            })
            .map(s => ({ namespace: s.metadata.namespace, name: s.metadata.name })),
      },
    ],
  });
}

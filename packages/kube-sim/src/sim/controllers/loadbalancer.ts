import type { KubeObject } from '../../store/types';
import type { SimContext } from '../context';
import { R } from '../resources';
import { startController, writeStatus, type ObjectRef, type ControllerSpec } from './controller';

const Ingresses = { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses' };
/** The address the simulated ingress controller's own LoadBalancer Service answers on. */
const IngressAddress = '172.18.255.200';

/** A stable address from 172.18.255.1-199 for a LoadBalancer Service (like MetalLB's pool). */
function poolAddress(service: KubeObject): string {
  const n = parseInt((service.metadata.uid ?? '0').replace(/-/g, '').slice(0, 8), 16);
  return `172.18.255.${(n % 199) + 1}`;
}

function hasAddress(object: KubeObject): boolean {
  return Boolean((object.status as { loadBalancer?: { ingress?: unknown[] } })?.loadBalancer?.ingress?.length);
}

function reconcileService(ctx: SimContext, ref: ObjectRef): void {
  const service = ctx.store.get(R.services, ref.namespace, ref.name);
  if (!service || (service.spec as { type?: string }).type !== 'LoadBalancer' || hasAddress(service)) return;
  writeStatus(ctx, R.services, service, { loadBalancer: { ingress: [{ ip: poolAddress(service), ipMode: 'VIP' }] } });
  ctx.events.record(service, 'Normal', 'IPAllocated', `Assigned IP ["${poolAddress(service)}"]`, { component: 'kube-sim-loadbalancer' });
}

function reconcileIngress(ctx: SimContext, ref: ObjectRef): void {
  const ingress = ctx.store.get(Ingresses, ref.namespace, ref.name);
  if (!ingress || hasAddress(ingress)) return;
  writeStatus(ctx, Ingresses, ingress, { loadBalancer: { ingress: [{ ip: IngressAddress }] } });
  ctx.events.record(ingress, 'Normal', 'Sync', 'Scheduled for sync', { component: 'nginx-ingress-controller' });
}

/** Gives LoadBalancer Services and Ingresses an address, as MetalLB and ingress-nginx would. */
export function startLoadBalancerControllers(ctx: SimContext): void {
  const specs: ControllerSpec[] = [
    { name: 'loadbalancer', key: R.services, reconcile: reconcileService },
    { name: 'ingress', key: Ingresses, reconcile: reconcileIngress },
  ];
  specs.forEach(spec => startController(ctx, spec));
}

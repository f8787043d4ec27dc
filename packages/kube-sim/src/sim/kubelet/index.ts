import type { KubeObject } from '../../store/types';
import type { SimContext } from '../context';
import { inform, objectKey } from '../informer';
import { isActivePod } from '../podtemplate';
import { nowIso, R } from '../resources';
import { nodeIp } from '../../scenario/nodes';
import { NodeLifecycle } from './nodes';
import { PodWorker, type NodeView } from './pod';

export { PodWorker } from './pod';
export type { ContainerRunner } from './container';

/** Whether the pod already reports every container running (e.g. a pre-seeded large scenario). */
function alreadyRunning(pod: KubeObject): boolean {
  const status = pod.status as { phase?: string; containerStatuses?: Array<{ state?: { running?: unknown } }> } | undefined;
  const containers = (pod.spec as { containers?: unknown[] }).containers ?? [];
  return status?.phase === 'Running' && status.containerStatuses?.length === containers.length &&
    status.containerStatuses.every(c => c.state?.running);
}

/**
 * The kubelets of all simulated nodes: runs a PodWorker for every pod bound to a node, keeps
 * per-node image caches and pod IPs. Pods that already run healthily are left alone.
 */
export class Kubelet implements NodeView {
  private readonly workers = new Map<string, PodWorker>();
  private readonly images = new Map<string, Set<string>>();
  private readonly nextIp = new Map<string, number>();
  readonly nodes: NodeLifecycle;

  constructor(private readonly ctx: SimContext) {
    this.nodes = new NodeLifecycle(ctx, node => this.onNodeLost(node));
  }

  start(): void {
    this.nodes.start();
    this.ctx.watches.push(inform(this.ctx.store, R.pods, event => this.onPod(event.type, event.object)));
  }

  stop(): void {
    this.workers.forEach(w => w.stop(false));
    this.workers.clear();
  }

  /** The worker running a pod, if the simulation is driving it. */
  worker(namespace: string, name: string): PodWorker | undefined {
    return this.workers.get(objectKey(namespace, name));
  }

  imagePresent(node: string, image: string): boolean {
    return this.images.get(node)?.has(image) ?? false;
  }

  imagePulled(node: string, image: string): void {
    if (!this.images.has(node)) this.images.set(node, new Set());
    this.images.get(node)!.add(image);
  }

  nodeReady(node: string): boolean {
    return this.nodes.isReady(node);
  }

  private onPod(type: string, pod: KubeObject): void {
    const key = objectKey(pod.metadata.namespace, pod.metadata.name);
    const existing = this.workers.get(key);
    if (type === 'DELETED') {
      existing?.stop(true);
      this.workers.delete(key);
      return;
    }
    if (existing && existing.pod()?.metadata.uid !== pod.metadata.uid) {
      existing.stop(false);
      this.workers.delete(key);
    } else if (existing) {
      // Graceful deletion started: the containers are stopped while the pod shows Terminating.
      if (pod.metadata.deletionTimestamp) existing.stop(true);
      return;
    }
    const nodeName = (pod.spec as { nodeName?: string }).nodeName;
    if (!nodeName || !isActivePod(pod) || alreadyRunning(pod) || !this.nodes.isReady(nodeName)) return;
    const node = this.ctx.store.get(R.nodes, undefined, nodeName);
    if (!node) return;
    const worker = new PodWorker(this.ctx, this, pod, {
      podIP: this.allocateIp(node),
      hostIP: nodeIp(node),
      startTime: nowIso(),
    });
    this.workers.set(key, worker);
    worker.start();
  }

  private allocateIp(node: KubeObject): string {
    const cidr = ((node.spec as { podCIDR?: string }).podCIDR ?? '10.244.0.0/24').split('/')[0];
    const n = this.nextIp.get(node.metadata.name) ?? 0;
    this.nextIp.set(node.metadata.name, n + 1);
    const [a, b, c] = cidr.split('.');
    return `${a}.${b}.${c}.${(n % 250) + 2}`;
  }

  private onNodeLost(node: string): void {
    for (const worker of this.workers.values()) {
      if ((worker.pod()?.spec as { nodeName?: string } | undefined)?.nodeName === node) worker.freeze();
    }
  }
}

import type { KubeObject } from '../store/types';
import type { SimContext } from './context';
import { inform, objectKey, splitKey } from './informer';
import { allocatable, fitFailure, podRequests, unschedulableMessage, type FitFailure, type PodSpecLike, type Usage } from './nodefit';
import { isActivePod } from './podtemplate';
import { nowIso, R } from './resources';
import { setCondition, writeStatus } from './controllers/controller';

const source = { component: 'default-scheduler' };

/**
 * The default scheduler: binds pending pods to the least-allocated node that passes the
 * unschedulable, taint, node selection and resource filters, or reports why none does.
 */
export class Scheduler {
  private readonly nodes = new Map<string, KubeObject>();
  private readonly used = new Map<string, Usage>();
  /** Bound pods that finished: their requests were already given back. */
  private readonly finished = new Set<string>();
  private readonly waiting = new Set<string>();

  constructor(private readonly ctx: SimContext) {}

  start(): void {
    this.ctx.watches.push(
      inform(this.ctx.store, R.nodes, event => {
        if (event.type === 'DELETED') this.nodes.delete(event.object.metadata.name);
        else this.nodes.set(event.object.metadata.name, event.object);
        this.retryWaiting();
      }),
      inform(this.ctx.store, R.pods, event => this.onPod(event.type, event.object)),
      inform(this.ctx.store, R.pvcs, () => this.retryWaiting()),
    );
  }

  /** Total requests of the pods bound to `node`. */
  usage(node: string): Usage {
    return this.used.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
  }

  /**
   * Pods take node capacity when they arrive bound (ADDED with a nodeName) or when this
   * scheduler binds them, and give it back once, when they finish or go away; so no per-pod
   * bookkeeping is needed beyond the few finished ones.
   */
  private onPod(type: string, pod: KubeObject): void {
    const uid = pod.metadata.uid ?? '';
    const spec = pod.spec as PodSpecLike & { schedulerName?: string };
    const key = objectKey(pod.metadata.namespace, pod.metadata.name);
    const active = isActivePod(pod);
    if (type === 'DELETED' || !active) this.waiting.delete(key);
    if (spec.nodeName) {
      this.trackBound(type, uid, spec, active);
      return;
    }
    if (type !== 'DELETED' && active && (spec.schedulerName ?? 'default-scheduler') === 'default-scheduler') this.enqueue(key);
  }

  private trackBound(type: string, uid: string, spec: PodSpecLike, active: boolean): void {
    const node = spec.nodeName!;
    if (type === 'ADDED') {
      if (active) this.add(node, podRequests(spec), 1);
      else this.finished.add(uid);
      return;
    }
    const releasedBefore = this.finished.has(uid);
    if (type === 'DELETED') this.finished.delete(uid);
    else if (!active && !releasedBefore) this.finished.add(uid);
    if ((type === 'DELETED' || !active) && !releasedBefore) {
      this.add(node, podRequests(spec), -1);
      this.retryWaiting();
    }
  }

  private add(node: string, usage: Usage, sign: 1 | -1) {
    const total = this.usage(node);
    this.used.set(node, { cpu: total.cpu + sign * usage.cpu, memory: total.memory + sign * usage.memory, pods: total.pods + sign });
  }

  private enqueue(key: string) {
    this.ctx.queue.add(`scheduler:${key}`, () => this.schedule(key));
  }

  private retryWaiting() {
    this.waiting.forEach(key => this.enqueue(key));
  }

  private schedule(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.ctx.store.get(R.pods, namespace, name);
    if (!pod || !isActivePod(pod) || (pod.spec as PodSpecLike).nodeName) return;
    const spec = pod.spec as PodSpecLike;
    const volumeProblem = this.unboundClaim(pod);
    if (volumeProblem) {
      this.unschedulable(key, pod, volumeProblem);
      return;
    }
    const wants = podRequests(spec);
    const failures: FitFailure[] = [];
    let best: { node: string; score: number } | undefined;
    for (const [nodeName, node] of this.nodes) {
      const used = this.usage(nodeName);
      const failure = fitFailure(node, spec, wants, used);
      if (failure) {
        failures.push(failure);
        continue;
      }
      const capacity = allocatable(node);
      const score = (1 - (used.cpu + wants.cpu) / Math.max(capacity.cpu, 1)) + (1 - (used.memory + wants.memory) / Math.max(capacity.memory, 1));
      if (!best || score > best.score) best = { node: nodeName, score };
    }
    if (!best) {
      this.unschedulable(key, pod, unschedulableMessage(this.nodes.size, failures));
      return;
    }
    this.bind(key, pod, best.node, wants);
  }

  private unboundClaim(pod: KubeObject): string | undefined {
    const volumes = ((pod.spec as { volumes?: Array<{ persistentVolumeClaim?: { claimName: string } }> }).volumes) ?? [];
    for (const volume of volumes) {
      const claimName = volume.persistentVolumeClaim?.claimName;
      if (!claimName) continue;
      const claim = this.ctx.store.get(R.pvcs, pod.metadata.namespace, claimName);
      const n = this.nodes.size;
      if (!claim) return `0/${n} nodes are available: persistentvolumeclaim "${claimName}" not found. preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`;
      if ((claim.status as { phase?: string })?.phase !== 'Bound') {
        return `0/${n} nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`;
      }
    }
    return undefined;
  }

  private unschedulable(key: string, pod: KubeObject, message: string): void {
    this.waiting.add(key);
    const status = (pod.status ?? {}) as { conditions?: Array<{ type: string; status: string; message?: string }> };
    const previous = status.conditions?.find(c => c.type === 'PodScheduled');
    if (previous?.status === 'False' && previous.message === message) return;
    this.ctx.events.record(pod, 'Warning', 'FailedScheduling', message, source);
    writeStatus(this.ctx, R.pods, pod, {
      phase: 'Pending',
      ...status,
      conditions: setCondition(status.conditions as never[], {
        type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message,
        lastProbeTime: null, lastTransitionTime: nowIso(),
      } as never),
    });
  }

  private bind(key: string, pod: KubeObject, node: string, wants: Usage): void {
    this.waiting.delete(key);
    this.add(node, wants, 1);
    const bound = this.ctx.store.update(R.pods, {
      ...pod,
      metadata: { ...pod.metadata, resourceVersion: undefined },
      spec: { ...(pod.spec as object), nodeName: node },
    });
    const status = (bound.status ?? {}) as { conditions?: Array<{ type: string; status: string }> };
    writeStatus(this.ctx, R.pods, bound, {
      phase: 'Pending',
      ...status,
      conditions: setCondition(status.conditions as never[], {
        type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: nowIso(),
      } as never),
    });
    this.ctx.events.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`, source);
  }
}

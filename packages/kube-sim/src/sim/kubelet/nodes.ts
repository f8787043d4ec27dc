import type { KubeObject } from '../../store/types';
import { simMs, type SimContext } from '../context';
import { writeStatus } from '../controllers/controller';
import { Annotations } from '../annotations';
import { inform } from '../informer';
import { isActivePod } from '../podtemplate';
import { nowIso, R } from '../resources';
import type { Taint } from '../nodefit';
import type { PodCondition } from './status';
import { Heartbeats, nodeConditions, type NodeCondition } from './heartbeat';

const unreachable = (now: string): Taint[] => [
  { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: now } as Taint,
];

/**
 * Node heartbeats and the node lifecycle controller: nodes post Ready until their scenario says
 * otherwise; a lost node turns NotReady, gets the unreachable taints, its pods turn unready and
 * are evicted once their toleration runs out.
 */
export class NodeLifecycle {
  private readonly lost = new Set<string>();
  private readonly heartbeats: Heartbeats;

  constructor(private readonly ctx: SimContext, private readonly onLost: (node: string) => void) {
    this.heartbeats = new Heartbeats(ctx, node => this.isReady(node));
  }

  start(): void {
    this.heartbeats.start();
    const seen = new Set<string>();
    this.ctx.watches.push(
      inform(this.ctx.store, R.nodes, event => {
        const name = event.object.metadata.name;
        if (event.type === 'DELETED') {
          seen.delete(name);
          this.heartbeats.remove(name);
          this.ctx.queue.add(`podgc:${name}`, () => this.collectOrphans(name));
          return;
        }
        if (seen.has(name)) return;
        seen.add(name);
        this.ctx.queue.add(`node:${name}`, () => this.register(event.object));
      }),
    );
  }

  isReady(node: string): boolean {
    return !this.lost.has(node);
  }

  private register(node: KubeObject): void {
    const annotations = node.metadata.annotations ?? {};
    if (annotations[Annotations.ready] === 'false') {
      this.loseNode(node.metadata.name);
      return;
    }
    const conditions = (node.status as { conditions?: NodeCondition[] })?.conditions;
    if (!conditions?.some(c => c.type === 'Ready' && c.status === 'True')) {
      writeStatus(this.ctx, R.nodes, node, { ...(node.status as object), conditions: nodeConditions(true, nowIso(), conditions) });
    }
    this.heartbeats.add(node);
    const after = Number(annotations[Annotations.notReadyAfter]);
    if (after > 0) this.ctx.timers.after(simMs(this.ctx, after), () => this.loseNode(node.metadata.name));
  }

  /** The pod garbage collector: pods bound to a node that no longer exists are deleted. */
  private collectOrphans(node: string): void {
    if (this.ctx.store.get(R.nodes, undefined, node)) return;
    for (const pod of this.ctx.store.list(R.pods, { fieldSelector: `spec.nodeName=${node}` }).items) {
      this.ctx.events.record(pod, 'Normal', 'PodGC', `Deleting pod ${pod.metadata.namespace}/${pod.metadata.name} bound to deleted node ${node}`, { component: 'pod-garbage-collector' });
      this.ctx.store.delete(R.pods, pod.metadata.namespace, pod.metadata.name);
    }
  }

  /** The node's kubelet stops posting status. */
  loseNode(name: string): void {
    const node = this.ctx.store.get(R.nodes, undefined, name);
    if (!node || this.lost.has(name)) return;
    this.lost.add(name);
    this.onLost(name);
    const now = nowIso();
    const taints = ((node.spec as { taints?: Taint[] }).taints ?? []).filter(t => !t.key.startsWith('node.kubernetes.io/unreachable'));
    const tainted = this.ctx.store.update(R.nodes, {
      ...node,
      metadata: { ...node.metadata, resourceVersion: undefined },
      spec: { ...(node.spec as object), taints: [...taints, ...unreachable(now)] },
    });
    const conditions = (node.status as { conditions?: NodeCondition[] })?.conditions;
    writeStatus(this.ctx, R.nodes, tainted, { ...(node.status as object), conditions: nodeConditions(false, now, conditions) });
    this.ctx.events.record(tainted, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, { component: 'node-controller' });
    this.markPodsNotReady(name);
  }

  private markPodsNotReady(node: string): void {
    const pods = this.ctx.store.list(R.pods, { fieldSelector: `spec.nodeName=${node}` }).items.filter(isActivePod);
    for (const pod of pods) {
      const status = (pod.status ?? {}) as { conditions?: PodCondition[] };
      const conditions = (status.conditions ?? []).map(c =>
        c.type === 'Ready' ? { ...c, status: 'False', reason: undefined, message: undefined, lastTransitionTime: nowIso() } : c,
      );
      writeStatus(this.ctx, R.pods, pod, { ...status, conditions });
      this.ctx.events.record(pod, 'Warning', 'NodeNotReady', 'Node is not ready', { component: 'node-controller' });
      this.scheduleEviction(pod);
    }
  }

  private scheduleEviction(pod: KubeObject): void {
    const tolerations = ((pod.spec as { tolerations?: Array<{ key?: string; operator?: string; effect?: string; tolerationSeconds?: number }> }).tolerations) ?? [];
    const toleration = tolerations.find(t => (t.key === 'node.kubernetes.io/unreachable' || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
    if (toleration && toleration.tolerationSeconds === undefined) return;
    // A pod without the toleration gets the one DefaultTolerationSeconds admission would add.
    const seconds = toleration ? toleration.tolerationSeconds! : 300;
    this.ctx.timers.after(simMs(this.ctx, seconds), () => {
      const current = this.ctx.store.get(R.pods, pod.metadata.namespace, pod.metadata.name);
      if (!current || current.metadata.uid !== pod.metadata.uid) return;
      this.ctx.events.record(current, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`, { component: 'taint-eviction-controller' });
      this.ctx.store.delete(R.pods, pod.metadata.namespace, pod.metadata.name);
    });
  }
}

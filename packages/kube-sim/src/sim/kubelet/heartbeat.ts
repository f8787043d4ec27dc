import type { KubeObject } from '../../store/types';
import { simMs, type SimContext } from '../context';
import { writeStatus } from '../controllers/controller';
import { nowIso, R } from '../resources';

export type NodeCondition = { type: string; status: string; reason: string; message: string; lastHeartbeatTime: string; lastTransitionTime: string };

const healthy: Array<[string, string, string, string]> = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/** The conditions of a node whose kubelet posts status (ready) or stopped doing so. */
export function nodeConditions(ready: boolean, now: string, previous?: NodeCondition[]): NodeCondition[] {
  return healthy.map(([type, status, reason, message]) => {
    const before = previous?.find(c => c.type === type);
    const next = ready
      ? { type, status, reason, message }
      : { type, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' };
    const transition = before && before.status === next.status ? before.lastTransitionTime : now;
    return { ...next, lastHeartbeatTime: ready ? now : before?.lastHeartbeatTime ?? now, lastTransitionTime: transition };
  });
}

const LeaseKey = { group: 'coordination.k8s.io', version: 'v1', resource: 'leases' };
const LeaseNamespace = 'kube-node-lease';
const RenewSeconds = 10;
const StatusReportSeconds = 300;
/** Writes per tick at most, so a 5,000-node cluster does not spend itself on heartbeats. */
const MaxRenewalsPerTick = 200;

/** Lease renewTime is a MicroTime: RFC 3339 with six fractional digits. */
const microTime = () => new Date().toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

/**
 * The kubelets' heartbeats: each node's Lease in kube-node-lease is renewed every 10 s and its
 * Ready condition re-posted every 5 minutes (both scaled by timeScale), as long as it is alive.
 */
export class Heartbeats {
  private readonly nodes: string[] = [];
  private next = 0;
  private ticks = 0;

  constructor(private readonly ctx: SimContext, private readonly alive: (node: string) => boolean) {}

  start(): void {
    const period = Math.max(simMs(this.ctx, RenewSeconds), 1000);
    const tick = () => {
      this.beat();
      this.ctx.timers.after(period, tick);
    };
    this.ctx.timers.after(period, tick);
  }

  /** Registers a node: creates its Lease. */
  add(node: KubeObject): void {
    this.nodes.push(node.metadata.name);
    if (this.ctx.store.get(LeaseKey, LeaseNamespace, node.metadata.name)) return;
    this.ctx.store.create(LeaseKey, {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: node.metadata.name,
        namespace: LeaseNamespace,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid ?? '' }],
      },
      spec: { holderIdentity: node.metadata.name, leaseDurationSeconds: 40, renewTime: microTime() },
    });
  }

  remove(node: string): void {
    const index = this.nodes.indexOf(node);
    if (index >= 0) this.nodes.splice(index, 1);
  }

  private beat(): void {
    this.ticks += 1;
    const reportStatus = this.ticks % Math.round(StatusReportSeconds / RenewSeconds) === 0;
    const count = Math.min(this.nodes.length, MaxRenewalsPerTick);
    for (let i = 0; i < count; i++) {
      const name = this.nodes[(this.next + i) % this.nodes.length];
      if (!this.alive(name)) continue;
      this.renew(name);
      if (reportStatus) this.reportStatus(name);
    }
    this.next = (this.next + count) % Math.max(this.nodes.length, 1);
  }

  private renew(name: string): void {
    const lease = this.ctx.store.get(LeaseKey, LeaseNamespace, name);
    if (!lease) return;
    this.ctx.store.update(LeaseKey, {
      ...lease,
      metadata: { ...lease.metadata, resourceVersion: undefined },
      spec: { ...(lease.spec as object), renewTime: microTime() },
    });
  }

  private reportStatus(name: string): void {
    const node = this.ctx.store.get(R.nodes, undefined, name);
    if (!node) return;
    const conditions = (node.status as { conditions?: NodeCondition[] })?.conditions;
    writeStatus(this.ctx, R.nodes, node, { ...(node.status as object), conditions: nodeConditions(true, nowIso(), conditions) });
  }
}

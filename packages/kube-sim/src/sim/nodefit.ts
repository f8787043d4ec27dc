import type { KubeObject } from '../store/types';
import { parseCpuMillis, parseQuantity } from './quantity';

export interface Taint { key: string; value?: string; effect: string }
export interface Toleration { key?: string; operator?: string; value?: string; effect?: string }
type Requirement = { key: string; operator: string; values?: string[] };
type Term = { matchExpressions?: Requirement[]; matchFields?: Requirement[] };
type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };

export interface PodSpecLike {
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: Term[] } } };
  containers?: Array<{ name: string; resources?: Resources }>;
  initContainers?: Array<{ name: string; resources?: Resources }>;
}

export interface Usage { cpu: number; memory: number; pods: number }

const request = (r: Resources | undefined, name: 'cpu' | 'memory') => r?.requests?.[name] ?? r?.limits?.[name];

/** What a pod asks the scheduler for: millicores and bytes (init containers as the max). */
export function podRequests(spec: PodSpecLike): Usage {
  const sum = (name: 'cpu' | 'memory', parse: (v: string | undefined) => number) => {
    const running = (spec.containers ?? []).reduce((n, c) => n + parse(request(c.resources, name)), 0);
    const init = Math.max(0, ...(spec.initContainers ?? []).map(c => parse(request(c.resources, name))));
    return Math.max(running, init);
  };
  return { cpu: sum('cpu', parseCpuMillis), memory: sum('memory', parseQuantity), pods: 1 };
}

export function allocatable(node: KubeObject): Usage {
  const a = ((node.status as { allocatable?: Record<string, string> })?.allocatable) ?? {};
  return { cpu: parseCpuMillis(a.cpu ?? '0'), memory: parseQuantity(a.memory ?? '0'), pods: Number(a.pods ?? 110) };
}

export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some(t => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** The first taint the pod does not tolerate that keeps it off the node, if any. */
export function untoleratedTaint(node: KubeObject, tolerations: Toleration[] | undefined): Taint | undefined {
  const taints = ((node.spec as { taints?: Taint[] })?.taints) ?? [];
  return taints.find(t => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(tolerations, t));
}

function matchRequirement(value: string | undefined, r: Requirement): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In': return value !== undefined && values.includes(value);
    case 'NotIn': return value === undefined || !values.includes(value);
    case 'Exists': return value !== undefined;
    case 'DoesNotExist': return value === undefined;
    case 'Gt': return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt': return value !== undefined && Number(value) < Number(values[0]);
    default: return false;
  }
}

/** nodeSelector and required node affinity (label expressions and metadata.name fields). */
export function matchesNodeSelection(node: KubeObject, spec: PodSpecLike): boolean {
  const labels = node.metadata.labels ?? {};
  if (Object.entries(spec.nodeSelector ?? {}).some(([k, v]) => labels[k] !== v)) return false;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms?.length) return true;
  return terms.some(
    term =>
      (term.matchExpressions ?? []).every(r => matchRequirement(labels[r.key], r)) &&
      (term.matchFields ?? []).every(r => matchRequirement(r.key === 'metadata.name' ? node.metadata.name : undefined, r)),
  );
}

export type FitFailure = { reasons: string[]; resolvable: boolean };

/** Why a pod does not fit a node (in the scheduler's filter order), or undefined if it fits. */
export function fitFailure(node: KubeObject, spec: PodSpecLike, wants: Usage, used: Usage): FitFailure | undefined {
  if ((node.spec as { unschedulable?: boolean })?.unschedulable &&
      !tolerates(spec.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) {
    return { reasons: ['node(s) were unschedulable'], resolvable: false };
  }
  const taint = untoleratedTaint(node, spec.tolerations);
  if (taint) return { reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], resolvable: false };
  if (!matchesNodeSelection(node, spec)) {
    return { reasons: ["node(s) didn't match Pod's node affinity/selector"], resolvable: false };
  }
  const capacity = allocatable(node);
  const reasons: string[] = [];
  if (used.pods + 1 > capacity.pods) reasons.push('Too many pods');
  if (wants.cpu > 0 && used.cpu + wants.cpu > capacity.cpu) reasons.push('Insufficient cpu');
  if (wants.memory > 0 && used.memory + wants.memory > capacity.memory) reasons.push('Insufficient memory');
  return reasons.length ? { reasons, resolvable: true } : undefined;
}

/** "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match ... preemption: ..." */
export function unschedulableMessage(nodeCount: number, failures: FitFailure[]): string {
  const histogram = (entries: string[]) => {
    const counts = new Map<string, number>();
    entries.forEach(e => counts.set(e, (counts.get(e) ?? 0) + 1));
    return [...counts].map(([reason, n]) => `${n} ${reason}`).sort().join(', ');
  };
  const head = `0/${nodeCount} nodes are available`;
  if (nodeCount === 0) return `no nodes available to schedule pods`;
  const reasons = histogram(failures.flatMap(f => f.reasons));
  const preemption = histogram(
    failures.map(f => (f.resolvable ? 'No preemption victims found for incoming pod' : 'Preemption is not helpful for scheduling')),
  );
  return `${head}: ${reasons}. preemption: ${head}: ${preemption}.`;
}

import type { KubeObject } from '../../store/types';

export const RevisionAnnotation = 'deployment.kubernetes.io/revision';

export interface RollingParams {
  desired: number;
  maxSurge: number;
  maxUnavailable: number;
}

type IntOrPercent = number | string | undefined;

function resolve(value: IntOrPercent, fallback: string, total: number, roundUp: boolean): number {
  const v = value ?? fallback;
  if (typeof v === 'number') return v;
  if (v.endsWith('%')) {
    const exact = (Number(v.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  return Number(v) || 0;
}

/** maxSurge and maxUnavailable of a Deployment, resolved against its replica count. */
export function rollingParams(deployment: KubeObject): RollingParams {
  const spec = deployment.spec as {
    replicas?: number;
    strategy?: { type?: string; rollingUpdate?: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent } };
  };
  const desired = spec.replicas ?? 1;
  if (spec.strategy?.type === 'Recreate') return { desired, maxSurge: 0, maxUnavailable: desired };
  const ru = spec.strategy?.rollingUpdate ?? {};
  const maxSurge = resolve(ru.maxSurge, '25%', desired, true);
  let maxUnavailable = resolve(ru.maxUnavailable, '25%', desired, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { desired, maxSurge, maxUnavailable };
}

export const replicasOf = (rs: KubeObject) => (rs.spec as { replicas?: number }).replicas ?? 0;
const statusOf = (rs: KubeObject) =>
  (rs.status ?? {}) as { replicas?: number; readyReplicas?: number; availableReplicas?: number };
export const availableOf = (rs: KubeObject) => statusOf(rs).availableReplicas ?? 0;
export const revisionOf = (rs: KubeObject) => Number(rs.metadata.annotations?.[RevisionAnnotation] ?? 0);

/** The replica count the new ReplicaSet may grow to now. */
export function newReplicaCount(params: RollingParams, all: KubeObject[], newRs: KubeObject): number {
  const current = replicasOf(newRs);
  if (current >= params.desired) return params.desired;
  const total = all.reduce((sum, rs) => sum + replicasOf(rs), 0);
  const room = params.desired + params.maxSurge - total;
  return Math.min(params.desired, current + Math.max(0, room));
}

/**
 * New replica counts for the old ReplicaSets: unavailable old pods go first, then available
 * ones as long as at least desired - maxUnavailable pods stay available.
 */
export function scaleDownOld(params: RollingParams, all: KubeObject[], newRs: KubeObject, old: KubeObject[]): Map<KubeObject, number> {
  const result = new Map<KubeObject, number>(old.map(rs => [rs, replicasOf(rs)]));
  const minAvailable = params.desired - params.maxUnavailable;
  const total = all.reduce((sum, rs) => sum + replicasOf(rs), 0);
  const newUnavailable = replicasOf(newRs) - availableOf(newRs);
  let budget = total - minAvailable - newUnavailable;
  const oldestFirst = [...old].sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of oldestFirst) {
    if (budget <= 0) break;
    const unhealthy = Math.max(0, replicasOf(rs) - availableOf(rs));
    const cut = Math.min(unhealthy, budget);
    result.set(rs, replicasOf(rs) - cut);
    budget -= cut;
  }
  let available = all.reduce((sum, rs) => sum + availableOf(rs), 0);
  for (const rs of oldestFirst) {
    const remaining = result.get(rs)!;
    const cut = Math.min(remaining, Math.max(0, available - minAvailable), availableOf(rs));
    if (cut <= 0) continue;
    result.set(rs, remaining - cut);
    available -= cut;
  }
  return result;
}

/** Deployment status from its ReplicaSets, conditions aside. */
export function aggregateStatus(all: KubeObject[], newRs: KubeObject | undefined) {
  const sum = (f: (rs: KubeObject) => number) => all.reduce((n, rs) => n + f(rs), 0);
  return {
    replicas: sum(rs => statusOf(rs).replicas ?? 0),
    updatedReplicas: newRs ? statusOf(newRs).replicas ?? 0 : 0,
    readyReplicas: sum(rs => statusOf(rs).readyReplicas ?? 0),
    availableReplicas: sum(availableOf),
  };
}

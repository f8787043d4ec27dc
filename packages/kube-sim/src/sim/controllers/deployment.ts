import type { KubeObject } from '../../store/types';
import { cloneJson } from '../../store/objects';
import type { SimContext } from '../context';
import { ownedBy, simMs } from '../context';
import { controllerRef, nowIso, R } from '../resources';
import { templateHash, type PodTemplate } from '../podtemplate';
import { setCondition, startController, toOwner, writeStatus, type ObjectRef } from './controller';
import {
  aggregateStatus, newReplicaCount, replicasOf, revisionOf, rollingParams, scaleDownOld,
  RevisionAnnotation, type RollingParams,
} from './rollout';

const source = { component: 'deployment-controller' };
const HashLabel = 'pod-template-hash';

interface DeploymentSpec {
  replicas?: number;
  selector?: { matchLabels?: Record<string, string> };
  template?: PodTemplate;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  paused?: boolean;
}

type Condition = { type: string; status: string; reason: string; message: string; lastUpdateTime: string; lastTransitionTime: string };

function templateWithoutHash(template: PodTemplate | undefined): PodTemplate {
  const copy = cloneJson(template ?? {});
  if (copy.metadata?.labels) delete copy.metadata.labels[HashLabel];
  return copy;
}

/** Deployment annotations a new ReplicaSet inherits (e.g. kubernetes.io/change-cause for rollout history). */
function copiedAnnotations(d: KubeObject): Record<string, string> {
  const skip = (key: string) => key === 'kubectl.kubernetes.io/last-applied-configuration' || key.startsWith('deployment.kubernetes.io/');
  return Object.fromEntries(Object.entries(d.metadata.annotations ?? {}).filter(([key]) => !skip(key)));
}

function createReplicaSet(ctx: SimContext, d: KubeObject, hash: string, revision: number): KubeObject {
  const spec = d.spec as DeploymentSpec;
  const template = cloneJson(spec.template ?? {});
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [HashLabel]: hash } };
  const params = rollingParams(d);
  const rs = ctx.store.create(R.replicasets, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      annotations: {
        ...copiedAnnotations(d),
        'deployment.kubernetes.io/desired-replicas': String(params.desired),
        'deployment.kubernetes.io/max-replicas': String(params.desired + params.maxSurge),
        [RevisionAnnotation]: String(revision),
      },
      ownerReferences: [controllerRef(d)],
    },
    spec: {
      replicas: 0,
      selector: { ...spec.selector, matchLabels: { ...spec.selector?.matchLabels, [HashLabel]: hash } },
      template,
    },
  });
  return rs;
}

function scale(ctx: SimContext, d: KubeObject, rs: KubeObject, replicas: number): KubeObject {
  const from = replicasOf(rs);
  if (from === replicas) return rs;
  const params = rollingParams(d);
  const updated = ctx.store.update(R.replicasets, {
    ...rs,
    metadata: {
      ...rs.metadata,
      resourceVersion: undefined,
      annotations: {
        ...rs.metadata.annotations,
        'deployment.kubernetes.io/desired-replicas': String(params.desired),
        'deployment.kubernetes.io/max-replicas': String(params.desired + params.maxSurge),
      },
    },
    spec: { ...(rs.spec as object), replicas },
  });
  const verb = replicas > from ? 'up' : 'down';
  ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${replicas}`, source);
  return updated;
}

/** Finds or creates the ReplicaSet of the current template; an old one comes back on undo. */
function newReplicaSet(ctx: SimContext, d: KubeObject, all: KubeObject[]): KubeObject {
  const hash = templateHash(templateWithoutHash((d.spec as DeploymentSpec).template));
  const maxRevision = Math.max(0, ...all.map(revisionOf));
  const existing = all.find(rs => rs.metadata.labels?.[HashLabel] === hash);
  const paused = (d.spec as DeploymentSpec).paused;
  // A paused Deployment rolls nothing out: template edits wait for `kubectl rollout resume`.
  if (!existing && paused && all.length) return all.reduce((a, b) => (revisionOf(b) > revisionOf(a) ? b : a));
  if (!existing) {
    const rs = createReplicaSet(ctx, d, hash, maxRevision + 1);
    ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${rs.metadata.name} from 0 to 0`, source);
    return rs;
  }
  if (revisionOf(existing) === maxRevision) return existing;
  return ctx.store.update(R.replicasets, {
    ...existing,
    metadata: {
      ...existing.metadata,
      resourceVersion: undefined,
      annotations: { ...existing.metadata.annotations, [RevisionAnnotation]: String(maxRevision + 1) },
    },
  });
}

function pruneHistory(ctx: SimContext, d: KubeObject, old: KubeObject[]): void {
  const limit = (d.spec as DeploymentSpec).revisionHistoryLimit ?? 10;
  const idle = old
    .filter(rs => replicasOf(rs) === 0 && ((rs.status as { replicas?: number })?.replicas ?? 0) === 0)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
    ctx.store.delete(R.replicasets, rs.metadata.namespace, rs.metadata.name);
  }
}

function rollingUpdate(ctx: SimContext, d: KubeObject, params: RollingParams, all: KubeObject[], newRs: KubeObject): void {
  const old = all.filter(rs => rs !== newRs);
  const grown = scale(ctx, d, newRs, newReplicaCount(params, all, newRs));
  const withNew = all.map(rs => (rs === newRs ? grown : rs));
  for (const [rs, replicas] of scaleDownOld(params, withNew, grown, old)) scale(ctx, d, rs, replicas);
}

function recreate(ctx: SimContext, d: KubeObject, params: RollingParams, all: KubeObject[], newRs: KubeObject): void {
  const old = all.filter(rs => rs !== newRs);
  old.forEach(rs => scale(ctx, d, rs, 0));
  const oldPods = old.reduce((n, rs) => n + ((rs.status as { replicas?: number })?.replicas ?? 0), 0);
  if (oldPods === 0) scale(ctx, d, newRs, params.desired);
}

function reconcile(ctx: SimContext, ref: ObjectRef): void {
  const d = ctx.store.get(R.deployments, ref.namespace, ref.name);
  if (!d || d.metadata.deletionTimestamp) return;
  const spec = d.spec as DeploymentSpec & { strategy?: { type?: string } };
  let all = ownedBy(ctx, R.replicasets, d);
  const newRs = newReplicaSet(ctx, d, all);
  all = ownedBy(ctx, R.replicasets, d);
  const current = all.find(rs => rs.metadata.name === newRs.metadata.name) ?? newRs;
  const params = rollingParams(d);
  if (!spec.paused) {
    if (spec.strategy?.type === 'Recreate') recreate(ctx, d, params, all, current);
    else rollingUpdate(ctx, d, params, all, current);
  }
  all = ownedBy(ctx, R.replicasets, d);
  const latest = all.find(rs => rs.metadata.name === newRs.metadata.name);
  pruneHistory(ctx, d, all.filter(rs => rs !== latest));
  syncRevision(ctx, d, latest);
  updateStatus(ctx, ref, params, all, latest);
}

function syncRevision(ctx: SimContext, d: KubeObject, newRs: KubeObject | undefined): void {
  const revision = newRs?.metadata.annotations?.[RevisionAnnotation];
  if (!revision || d.metadata.annotations?.[RevisionAnnotation] === revision) return;
  const fresh = ctx.store.get(R.deployments, d.metadata.namespace, d.metadata.name)!;
  ctx.store.update(R.deployments, {
    ...fresh,
    metadata: { ...fresh.metadata, resourceVersion: undefined, annotations: { ...fresh.metadata.annotations, [RevisionAnnotation]: revision } },
  });
}

type Counts = ReturnType<typeof aggregateStatus>;

function progressing(ctx: SimContext, d: KubeObject, counts: Counts, complete: boolean, newRs: KubeObject | undefined, now: string): Condition {
  const rsName = newRs?.metadata.name ?? '';
  const status = (d.status ?? {}) as Partial<Counts> & { conditions?: Condition[] };
  const previous = status.conditions?.find(c => c.type === 'Progressing');
  const base = { type: 'Progressing', status: 'True', lastUpdateTime: now, lastTransitionTime: now };
  if ((d.spec as DeploymentSpec).paused) {
    return { ...base, status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' };
  }
  if (complete) {
    return { ...base, reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` };
  }
  const moved =
    !previous || previous.status === 'False' || previous.reason === 'NewReplicaSetAvailable' || !previous.message.includes(`"${rsName}"`) ||
    status.updatedReplicas !== counts.updatedReplicas || status.availableReplicas !== counts.availableReplicas;
  const since = moved ? ctx.now() : Date.parse(previous.lastUpdateTime);
  const deadline = simMs(ctx, (d.spec as DeploymentSpec).progressDeadlineSeconds ?? 600);
  const timedOut = previous?.status === 'False' && previous.message.includes(`"${rsName}"`);
  if (timedOut || ctx.now() - since > deadline) {
    return { ...base, status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` };
  }
  if (moved) {
    const ref = { namespace: d.metadata.namespace, name: d.metadata.name };
    ctx.timers.after(deadline + 1000, () => ctx.queue.add(`deployment:${ref.namespace}/${ref.name}`, () => reconcile(ctx, ref)));
  }
  const created = !previous || previous.reason === 'NewReplicaSetAvailable' ? false : previous.reason === 'NewReplicaSetCreated';
  return {
    ...base,
    reason: created ? 'NewReplicaSetCreated' : 'ReplicaSetUpdated',
    message: created ? `Created new replica set "${rsName}"` : `ReplicaSet "${rsName}" is progressing.`,
    lastUpdateTime: moved ? now : previous.lastUpdateTime,
  };
}

function updateStatus(ctx: SimContext, ref: ObjectRef, params: RollingParams, all: KubeObject[], newRs: KubeObject | undefined): void {
  const d = ctx.store.get(R.deployments, ref.namespace, ref.name);
  if (!d) return;
  const now = nowIso();
  const counts = aggregateStatus(all, newRs);
  const previous = (d.status as { conditions?: Condition[] })?.conditions;
  const complete = counts.updatedReplicas === params.desired && counts.replicas === params.desired && counts.availableReplicas >= params.desired;
  const available = counts.availableReplicas >= params.desired - params.maxUnavailable;
  const availability: Condition = available
    ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: now, lastTransitionTime: now }
    : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: now, lastTransitionTime: now };
  const keepUpdateTime = (c: Condition) => {
    const before = previous?.find(p => p.type === c.type);
    return before && before.status === c.status && before.reason === c.reason && c.type === 'Available'
      ? { ...c, lastUpdateTime: before.lastUpdateTime }
      : c;
  };
  const conditions = setCondition(setCondition(previous, availability), progressing(ctx, d, counts, complete, newRs, now));
  writeStatus(ctx, R.deployments, d, {
    observedGeneration: d.metadata.generation,
    ...counts,
    ...(params.desired > counts.availableReplicas ? { unavailableReplicas: params.desired - counts.availableReplicas } : {}),
    conditions: conditions.map(keepUpdateTime),
  });
}

/** Deployment → ReplicaSets: rolling updates, restarts (template changes), undo and status. */
export function startDeploymentController(ctx: SimContext) {
  return startController(ctx, {
    name: 'deployment',
    key: R.deployments,
    reconcile,
    related: [{ key: R.replicasets, map: toOwner('Deployment') }],
  });
}

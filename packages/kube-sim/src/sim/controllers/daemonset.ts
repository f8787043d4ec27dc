import type { KubeObject } from '../../store/types';
import type { SimContext } from '../context';
import { ownedBy } from '../context';
import { matchesNodeSelection, untoleratedTaint, type PodSpecLike, type Toleration } from '../nodefit';
import { isActivePod, isPodReady, podFromTemplate, templateHash, type PodTemplate } from '../podtemplate';
import { R } from '../resources';
import { startController, toOwner, writeStatus, type ObjectRef } from './controller';
import { ensureRevision } from './revisions';

const source = { component: 'daemonset-controller' };

/** Tolerations the DaemonSet controller adds so its pods survive node trouble. */
const daemonTolerations: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

const nodeOf = (pod: KubeObject) =>
  ((pod.spec as PodSpecLike).affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0]) ??
  (pod.spec as PodSpecLike).nodeName;

function wantsNode(set: KubeObject, node: KubeObject): boolean {
  const spec = ((set.spec as { template?: PodTemplate }).template?.spec ?? {}) as PodSpecLike;
  const tolerations = [...(spec.tolerations ?? []), ...daemonTolerations];
  return matchesNodeSelection(node, spec) && !untoleratedTaint(node, tolerations);
}

function createFor(ctx: SimContext, set: KubeObject, node: string, hash: string): void {
  const template = (set.spec as { template?: PodTemplate }).template ?? {};
  const spec = (template.spec ?? {}) as PodSpecLike;
  const pod = ctx.store.create(R.pods, podFromTemplate(template, set, { generateName: `${set.metadata.name}-` }, {
    labels: { 'controller-revision-hash': hash, 'pod-template-generation': String(set.metadata.generation ?? 1) },
    spec: {
      tolerations: [...(spec.tolerations ?? []), ...daemonTolerations],
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } },
    },
  }));
  ctx.events.record(set, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, source);
}

function reconcile(ctx: SimContext, ref: ObjectRef): void {
  const set = ctx.store.get(R.daemonsets, ref.namespace, ref.name);
  if (!set || set.metadata.deletionTimestamp) return;
  const template = (set.spec as { template?: PodTemplate }).template;
  const hash = templateHash(template);
  ensureRevision(ctx, set, template, hash);
  const nodes = ctx.store.list(R.nodes).items.filter(n => wantsNode(set, n));
  const pods = ownedBy(ctx, R.pods, set).filter(isActivePod);
  const wanted = new Set(nodes.map(n => n.metadata.name));
  for (const pod of pods) {
    const outdated = pod.metadata.labels?.['controller-revision-hash'] !== hash && pods.every(isPodReady);
    if (!wanted.has(nodeOf(pod) ?? '') || outdated) {
      ctx.store.delete(R.pods, pod.metadata.namespace, pod.metadata.name);
      ctx.events.record(set, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, source);
      if (outdated) break;
    }
  }
  const covered = new Set(ownedBy(ctx, R.pods, set).filter(isActivePod).map(nodeOf));
  nodes.filter(n => !covered.has(n.metadata.name)).forEach(n => createFor(ctx, set, n.metadata.name, hash));
  const live = ownedBy(ctx, R.pods, set).filter(isActivePod);
  const scheduled = live.filter(p => (p.spec as PodSpecLike).nodeName);
  const ready = live.filter(isPodReady).length;
  const current = ctx.store.get(R.daemonsets, ref.namespace, ref.name)!;
  writeStatus(ctx, R.daemonsets, current, {
    currentNumberScheduled: scheduled.length,
    desiredNumberScheduled: wanted.size,
    numberMisscheduled: 0,
    numberReady: ready,
    numberAvailable: ready,
    ...(wanted.size - ready > 0 ? { numberUnavailable: wanted.size - ready } : {}),
    updatedNumberScheduled: live.filter(p => p.metadata.labels?.['controller-revision-hash'] === hash).length,
    observedGeneration: current.metadata.generation,
  });
}

/** DaemonSet → one pod per node it fits (node selector, taints beyond the daemon tolerations). */
export function startDaemonSetController(ctx: SimContext) {
  const controller = startController(ctx, {
    name: 'daemonset',
    key: R.daemonsets,
    reconcile,
    related: [
      { key: R.pods, map: toOwner('DaemonSet') },
      { key: R.nodes, map: (_node, c) => c.store.list(R.daemonsets).items.map(d => ({ namespace: d.metadata.namespace, name: d.metadata.name })) },
    ],
  });
  return controller;
}

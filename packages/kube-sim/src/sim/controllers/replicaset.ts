import type { KubeObject } from '../../store/types';
import type { SimContext } from '../context';
import { ownedBy } from '../context';
import { isActivePod, isPodReady, podFromTemplate, type PodTemplate } from '../podtemplate';
import { R } from '../resources';
import { startController, toOwner, writeStatus, type ObjectRef } from './controller';

const source = { component: 'replicaset-controller' };

interface ReplicaSetSpec {
  replicas?: number;
  selector?: { matchLabels?: Record<string, string> };
  template?: PodTemplate;
}

/** Deletion preference: unscheduled, then not running, then not ready, then newest first. */
function deletionOrder(a: KubeObject, b: KubeObject): number {
  const score = (pod: KubeObject) =>
    ((pod.spec as { nodeName?: string })?.nodeName ? 4 : 0) +
    ((pod.status as { phase?: string })?.phase === 'Running' ? 2 : 0) +
    (isPodReady(pod) ? 1 : 0);
  const diff = score(a) - score(b);
  if (diff !== 0) return diff;
  return (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '');
}

function reconcile(ctx: SimContext, ref: ObjectRef): void {
  const rs = ctx.store.get(R.replicasets, ref.namespace, ref.name);
  if (!rs || rs.metadata.deletionTimestamp) return;
  const spec = rs.spec as ReplicaSetSpec;
  const pods = ownedBy(ctx, R.pods, rs).filter(isActivePod);
  const desired = spec.replicas ?? 1;
  if (pods.length < desired) {
    for (let i = pods.length; i < desired; i++) {
      const pod = ctx.store.create(
        R.pods,
        podFromTemplate(spec.template ?? {}, rs, { generateName: `${rs.metadata.name}-` }),
      );
      ctx.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, source);
      pods.push(pod);
    }
  } else if (pods.length > desired) {
    const victims = [...pods].sort(deletionOrder).slice(0, pods.length - desired);
    for (const pod of victims) {
      ctx.store.delete(R.pods, pod.metadata.namespace, pod.metadata.name);
      ctx.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, source);
    }
    pods.splice(0, pods.length, ...pods.filter(p => !victims.includes(p)));
  }
  const current = ctx.store.get(R.replicasets, ref.namespace, ref.name)!;
  const live = ownedBy(ctx, R.pods, rs).filter(isActivePod);
  const ready = live.filter(isPodReady).length;
  writeStatus(ctx, R.replicasets, current, {
    replicas: live.length,
    fullyLabeledReplicas: live.length,
    readyReplicas: ready,
    availableReplicas: ready,
    observedGeneration: current.metadata.generation,
  });
}

/** ReplicaSet → Pods: keeps `spec.replicas` active pods, reports ready and available ones. */
export function startReplicaSetController(ctx: SimContext) {
  return startController(ctx, {
    name: 'replicaset',
    key: R.replicasets,
    reconcile,
    related: [{ key: R.pods, map: toOwner('ReplicaSet') }],
  });
}

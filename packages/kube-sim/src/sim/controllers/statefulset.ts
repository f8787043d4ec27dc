import type { KubeObject } from '../../store/types';
import { cloneJson } from '../../store/objects';
import type { SimContext } from '../context';
import { ownedBy } from '../context';
import { isActivePod, isPodReady, podFromTemplate, templateHash, type PodTemplate } from '../podtemplate';
import { R } from '../resources';
import { startController, toOwner, writeStatus, type ObjectRef } from './controller';
import { ensureRevision } from './revisions';

const source = { component: 'statefulset-controller' };
const RevisionLabel = 'controller-revision-hash';

interface StatefulSetSpec {
  replicas?: number;
  serviceName?: string;
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  selector?: { matchLabels?: Record<string, string> };
  template?: PodTemplate;
  volumeClaimTemplates?: Array<{ metadata: { name: string; labels?: Record<string, string> }; spec: Record<string, unknown> }>;
}

const ordinalOf = (set: KubeObject, pod: KubeObject) => Number(pod.metadata.name.slice(set.metadata.name.length + 1));

function ensureClaims(ctx: SimContext, set: KubeObject, ordinal: number): Array<{ name: string; persistentVolumeClaim: { claimName: string } }> {
  const spec = set.spec as StatefulSetSpec;
  return (spec.volumeClaimTemplates ?? []).map(template => {
    const claimName = `${template.metadata.name}-${set.metadata.name}-${ordinal}`;
    if (!ctx.store.get(R.pvcs, set.metadata.namespace, claimName)) {
      ctx.store.create(R.pvcs, {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: claimName, namespace: set.metadata.namespace, labels: { ...spec.selector?.matchLabels, ...template.metadata.labels } },
        spec: { volumeMode: 'Filesystem', ...cloneJson(template.spec) },
        status: { phase: 'Pending' },
      });
      ctx.events.record(set, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${set.metadata.name}-${ordinal} in StatefulSet ${set.metadata.name} success`, source);
    }
    return { name: template.metadata.name, persistentVolumeClaim: { claimName } };
  });
}

function createPod(ctx: SimContext, set: KubeObject, ordinal: number, revision: string): void {
  const spec = set.spec as StatefulSetSpec;
  const name = `${set.metadata.name}-${ordinal}`;
  const claims = ensureClaims(ctx, set, ordinal);
  const volumes = [...(((spec.template?.spec as { volumes?: unknown[] })?.volumes) ?? []), ...claims];
  const pod = podFromTemplate(spec.template ?? {}, set, { name }, {
    labels: { [RevisionLabel]: revision, 'statefulset.kubernetes.io/pod-name': name, 'apps.kubernetes.io/pod-index': String(ordinal) },
    spec: { hostname: name, ...(spec.serviceName ? { subdomain: spec.serviceName } : {}), volumes },
  });
  ctx.store.create(R.pods, pod);
  ctx.events.record(set, 'Normal', 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${set.metadata.name} successful`, source);
}

function deletePod(ctx: SimContext, set: KubeObject, pod: KubeObject): void {
  ctx.store.delete(R.pods, pod.metadata.namespace, pod.metadata.name);
  ctx.events.record(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`, source);
}

/** One step towards the wanted pods: create the lowest missing ordinal, else remove or update the highest. */
function step(ctx: SimContext, set: KubeObject, pods: KubeObject[], revision: string): void {
  const spec = set.spec as StatefulSetSpec;
  const replicas = spec.replicas ?? 1;
  const ordered = spec.podManagementPolicy !== 'Parallel';
  const byOrdinal = new Map(pods.map(p => [ordinalOf(set, p), p]));
  for (let i = 0; i < replicas; i++) {
    if (!byOrdinal.has(i)) {
      createPod(ctx, set, i, revision);
      if (ordered) return;
    } else if (ordered && !isPodReady(byOrdinal.get(i)!)) {
      return;
    }
  }
  const extra = pods.filter(p => ordinalOf(set, p) >= replicas).sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a));
  if (extra.length) {
    (ordered ? extra.slice(0, 1) : extra).forEach(p => deletePod(ctx, set, p));
    return;
  }
  const outdated = pods.filter(p => p.metadata.labels?.[RevisionLabel] !== revision).sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a));
  if (outdated.length && pods.every(isPodReady)) deletePod(ctx, set, outdated[0]);
}

function reconcile(ctx: SimContext, ref: ObjectRef): void {
  const set = ctx.store.get(R.statefulsets, ref.namespace, ref.name);
  if (!set || set.metadata.deletionTimestamp) return;
  const template = (set.spec as StatefulSetSpec).template;
  const revision = ensureRevision(ctx, set, template, templateHash(template)).metadata.name;
  step(ctx, set, ownedBy(ctx, R.pods, set).filter(isActivePod), revision);
  const pods = ownedBy(ctx, R.pods, set).filter(isActivePod);
  const ready = pods.filter(isPodReady).length;
  const updated = pods.filter(p => p.metadata.labels?.[RevisionLabel] === revision).length;
  const previous = (set.status ?? {}) as { currentRevision?: string };
  const current = ctx.store.get(R.statefulsets, ref.namespace, ref.name)!;
  writeStatus(ctx, R.statefulsets, current, {
    observedGeneration: current.metadata.generation,
    replicas: pods.length,
    readyReplicas: ready,
    availableReplicas: ready,
    currentReplicas: updated === pods.length ? pods.length : pods.length - updated,
    updatedReplicas: updated,
    currentRevision: updated === pods.length ? revision : previous.currentRevision ?? revision,
    updateRevision: revision,
    collisionCount: 0,
  });
}

/** StatefulSet → Pods with stable ordinal names and their PVCs from volumeClaimTemplates. */
export function startStatefulSetController(ctx: SimContext) {
  return startController(ctx, {
    name: 'statefulset',
    key: R.statefulsets,
    reconcile,
    related: [{ key: R.pods, map: toOwner('StatefulSet') }],
  });
}

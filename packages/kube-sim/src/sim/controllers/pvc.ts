import type { KubeObject } from '../../store/types';
import type { SimContext } from '../context';
import { parseQuantity } from '../quantity';
import { nowIso, R } from '../resources';
import { startController, writeStatus, type ObjectRef } from './controller';

const source = { component: 'persistentvolume-controller' };
const DefaultClass = 'storageclass.kubernetes.io/is-default-class';
const NoProvisioner = 'kubernetes.io/no-provisioner';

type ClaimSpec = { storageClassName?: string | null; accessModes?: string[]; resources?: { requests?: { storage?: string } }; volumeName?: string; volumeMode?: string };
type VolumeSpec = { storageClassName?: string; accessModes?: string[]; capacity?: { storage?: string }; claimRef?: { uid?: string; name?: string; namespace?: string } };

function className(ctx: SimContext, claim: KubeObject): string | undefined {
  const spec = claim.spec as ClaimSpec;
  if (spec.storageClassName !== undefined && spec.storageClassName !== null) return spec.storageClassName;
  return ctx.store.list(R.storageclasses).items.find(c => c.metadata.annotations?.[DefaultClass] === 'true')?.metadata.name;
}

function fits(volume: KubeObject, claim: KubeObject, storageClass: string): boolean {
  const v = volume.spec as VolumeSpec;
  const c = claim.spec as ClaimSpec;
  if ((volume.status as { phase?: string })?.phase !== 'Available' || v.claimRef) return false;
  if ((v.storageClassName ?? '') !== storageClass) return false;
  if (parseQuantity(v.capacity?.storage) < parseQuantity(c.resources?.requests?.storage)) return false;
  return (c.accessModes ?? []).every(mode => (v.accessModes ?? []).includes(mode));
}

function bind(ctx: SimContext, claim: KubeObject, volume: KubeObject, provisioned: boolean): void {
  const claimRef = { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion };
  const boundVolume = ctx.store.update(R.pvs, {
    ...volume,
    metadata: { ...volume.metadata, resourceVersion: undefined, annotations: { ...volume.metadata.annotations, 'pv.kubernetes.io/bound-by-controller': 'yes' } },
    spec: { ...(volume.spec as object), claimRef },
  });
  writeStatus(ctx, R.pvs, boundVolume, { phase: 'Bound', lastPhaseTransitionTime: nowIso() });
  const annotations: Record<string, string> = { ...claim.metadata.annotations, 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
  if (provisioned) annotations['volume.kubernetes.io/storage-provisioner'] = String((volume.metadata.annotations ?? {})['pv.kubernetes.io/provisioned-by'] ?? '');
  const boundClaim = ctx.store.update(R.pvcs, {
    ...claim,
    metadata: { ...claim.metadata, resourceVersion: undefined, annotations, finalizers: ['kubernetes.io/pvc-protection'] },
    spec: { ...(claim.spec as object), storageClassName: (volume.spec as VolumeSpec).storageClassName ?? '', volumeName: volume.metadata.name },
  });
  const v = volume.spec as VolumeSpec;
  writeStatus(ctx, R.pvcs, boundClaim, { phase: 'Bound', accessModes: v.accessModes, capacity: { storage: v.capacity?.storage } });
}

function provision(ctx: SimContext, claim: KubeObject, storageClass: KubeObject): KubeObject {
  const c = claim.spec as ClaimSpec;
  const provisioner = String(storageClass.provisioner ?? '');
  ctx.events.record(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claim.metadata.namespace}/${claim.metadata.name}"`, { component: `${provisioner}_kube-sim` });
  const name = `pvc-${claim.metadata.uid}`;
  const volume = ctx.store.create(R.pvs, {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations: { 'pv.kubernetes.io/provisioned-by': provisioner }, finalizers: ['kubernetes.io/pv-protection'] },
    spec: {
      accessModes: c.accessModes ?? ['ReadWriteOnce'],
      capacity: { storage: c.resources?.requests?.storage ?? '1Gi' },
      hostPath: { path: `/var/lib/kube-sim/volumes/${name}`, type: 'DirectoryOrCreate' },
      persistentVolumeReclaimPolicy: String(storageClass.reclaimPolicy ?? 'Delete'),
      storageClassName: storageClass.metadata.name,
      volumeMode: c.volumeMode ?? 'Filesystem',
    },
    status: { phase: 'Available' },
  });
  ctx.events.record(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`, { component: `${provisioner}_kube-sim` });
  return volume;
}

function reconcile(ctx: SimContext, ref: ObjectRef): void {
  const claim = ctx.store.get(R.pvcs, ref.namespace, ref.name);
  if (!claim || claim.metadata.deletionTimestamp || (claim.status as { phase?: string })?.phase === 'Bound') return;
  const storageClass = className(ctx, claim) ?? '';
  const volume = ctx.store.list(R.pvs).items.find(v => fits(v, claim, storageClass));
  if (volume) {
    bind(ctx, claim, volume, false);
    return;
  }
  if (claim.status === undefined || (claim.status as { phase?: string }).phase !== 'Pending') writeStatus(ctx, R.pvcs, claim, { phase: 'Pending' });
  if (!storageClass) {
    ctx.events.record(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', source);
    return;
  }
  const cls = ctx.store.get(R.storageclasses, undefined, storageClass);
  if (!cls) {
    ctx.events.record(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${storageClass}" not found`, source);
    return;
  }
  if (cls.provisioner === NoProvisioner) {
    ctx.events.record(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', source);
    return;
  }
  bind(ctx, ctx.store.get(R.pvcs, ref.namespace, ref.name)!, provision(ctx, claim, cls), true);
}

/** Releases (Retain) or deletes (Delete) the volume of a removed claim. */
function reclaim(ctx: SimContext, volume: KubeObject): void {
  const ref = (volume.spec as VolumeSpec).claimRef;
  if (!ref || (volume.status as { phase?: string })?.phase !== 'Bound') return;
  const claim = ctx.store.get(R.pvcs, ref.namespace, ref.name ?? '');
  if (claim && claim.metadata.uid === ref.uid) return;
  if ((volume.spec as { persistentVolumeReclaimPolicy?: string }).persistentVolumeReclaimPolicy === 'Delete') {
    ctx.store.update(R.pvs, { ...volume, metadata: { ...volume.metadata, resourceVersion: undefined, finalizers: [] } });
    if (ctx.store.get(R.pvs, undefined, volume.metadata.name)) ctx.store.delete(R.pvs, undefined, volume.metadata.name);
  } else {
    writeStatus(ctx, R.pvs, volume, { phase: 'Released', lastPhaseTransitionTime: nowIso() });
  }
}

/** PVC binding: a fitting Available PV, else dynamic provisioning, else Pending with an event. */
export function startPersistentVolumeController(ctx: SimContext) {
  const pending = (c: SimContext) => c.store.list(R.pvcs).items.filter(p => (p.status as { phase?: string })?.phase !== 'Bound').map(p => ({ namespace: p.metadata.namespace, name: p.metadata.name }));
  const controller = startController(ctx, {
    name: 'pvc',
    key: R.pvcs,
    reconcile,
    related: [
      { key: R.storageclasses, map: (_o, c) => pending(c) },
      { key: R.pvs, map: (_o, c) => pending(c) },
    ],
  });
  const boundVolumes = () => ctx.store.list(R.pvs).items.forEach(v => ctx.queue.add(`pv:${v.metadata.name}`, () => {
    const current = ctx.store.get(R.pvs, undefined, v.metadata.name);
    if (current) reclaim(ctx, current);
  }));
  ctx.watches.push(ctx.store.watch(R.pvcs, { resourceVersion: ctx.store.currentResourceVersion() }, e => e.type === 'DELETED' && boundVolumes()));
  return controller;
}

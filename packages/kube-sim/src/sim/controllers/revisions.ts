import type { KubeObject } from '../../store/types';
import { cloneJson } from '../../store/objects';
import type { SimContext } from '../context';
import { ownedBy } from '../context';
import { controllerRef } from '../resources';
import type { PodTemplate } from '../podtemplate';

const Revisions = { group: 'apps', version: 'v1', resource: 'controllerrevisions' };
const HashLabel = 'controller.kubernetes.io/hash';

const revisionOf = (cr: KubeObject) => Number(cr.revision ?? 0);

/**
 * The ControllerRevision of a StatefulSet's or DaemonSet's current template, created (or, after
 * an undo, renumbered) as the real controllers do; `kubectl rollout history/undo` read these.
 */
export function ensureRevision(ctx: SimContext, owner: KubeObject, template: PodTemplate | undefined, hash: string): KubeObject {
  const revisions = ownedBy(ctx, Revisions, owner);
  const latest = Math.max(0, ...revisions.map(revisionOf));
  const existing = revisions.find(cr => cr.metadata.labels?.[HashLabel] === hash);
  if (existing) {
    if (revisionOf(existing) === latest) return existing;
    return ctx.store.update(Revisions, { ...existing, metadata: { ...existing.metadata, resourceVersion: undefined }, revision: latest + 1 });
  }
  const created = ctx.store.create(Revisions, {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${owner.metadata.name}-${hash}`,
      namespace: owner.metadata.namespace,
      labels: { ...(owner.spec as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels, [HashLabel]: hash },
      ownerReferences: [controllerRef(owner)],
    },
    data: { spec: { template: { ...cloneJson(template ?? {}), $patch: 'replace' } } },
    revision: latest + 1,
  });
  pruneRevisions(ctx, owner, [...revisions, created]);
  return created;
}

function pruneRevisions(ctx: SimContext, owner: KubeObject, revisions: KubeObject[]): void {
  const limit = (owner.spec as { revisionHistoryLimit?: number }).revisionHistoryLimit ?? 10;
  const oldest = [...revisions].sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const cr of oldest.slice(0, Math.max(0, oldest.length - 1 - limit))) {
    ctx.store.delete(Revisions, cr.metadata.namespace, cr.metadata.name);
  }
}

import type { KubeObject, ResourceKey } from '../../store/types';
import { inform, objectKey } from '../informer';
import type { SimContext } from '../context';

export interface ObjectRef {
  namespace?: string;
  name: string;
}

export interface ControllerSpec {
  name: string;
  /** The resource this controller reconciles. */
  key: ResourceKey;
  reconcile(ctx: SimContext, ref: ObjectRef): void;
  /** Other resources whose changes call for reconciling some primary objects. */
  related?: Array<{ key: ResourceKey; map(object: KubeObject, ctx: SimContext): ObjectRef[] }>;
}

export interface Controller {
  enqueue(ref: ObjectRef): void;
}

const RetryMs = 1000;

/**
 * Runs a controller: every change of a primary or related object queues a reconcile; a
 * reconcile that throws (say, a write that lost a race) is retried a second later.
 */
export function startController(ctx: SimContext, spec: ControllerSpec): Controller {
  const enqueue = (ref: ObjectRef): void =>
    ctx.queue.add(`${spec.name}:${objectKey(ref.namespace, ref.name)}`, () => {
      try {
        spec.reconcile(ctx, ref);
      } catch (error) {
        ctx.timers.after(RetryMs, () => enqueue(ref));
        throw error;
      }
    });
  for (const related of spec.related ?? []) {
    ctx.watches.push(
      inform(ctx.store, related.key, event => related.map(event.object, ctx).forEach(enqueue)),
    );
  }
  ctx.watches.push(
    inform(ctx.store, spec.key, event =>
      enqueue({ namespace: event.object.metadata.namespace, name: event.object.metadata.name }),
    ),
  );
  return { enqueue };
}

/** Maps an object to its controlling owner of `kind`, if any. */
export function toOwner(kind: string) {
  return (object: KubeObject): ObjectRef[] => {
    const owner = object.metadata.ownerReferences?.find(ref => ref.controller && ref.kind === kind);
    return owner ? [{ namespace: object.metadata.namespace, name: owner.name }] : [];
  };
}

/** Writes `status` through the status subresource unless it is unchanged. */
export function writeStatus(ctx: SimContext, key: ResourceKey, object: KubeObject, status: unknown): KubeObject {
  return ctx.store.update(
    key,
    { ...object, metadata: { ...object.metadata, resourceVersion: undefined }, status },
    { subresource: 'status' },
  );
}

/** A condition list with `condition` set, keeping lastTransitionTime when the status is unchanged. */
export function setCondition<C extends { type: string; status: string; lastTransitionTime?: string }>(
  conditions: C[] | undefined,
  condition: C,
): C[] {
  const list = conditions ?? [];
  const previous = list.find(c => c.type === condition.type);
  const merged =
    previous && previous.status === condition.status
      ? { ...condition, lastTransitionTime: previous.lastTransitionTime ?? condition.lastTransitionTime }
      : condition;
  return previous ? list.map(c => (c.type === condition.type ? merged : c)) : [...list, merged];
}

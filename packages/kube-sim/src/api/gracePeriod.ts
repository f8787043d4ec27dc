import type { KubeObject, ResourceKey } from '../store/types';
import { badRequest } from './status';

/**
 * The grace period of a deletion as the API server's pod strategy decides it: the requested
 * one (negative counts as 1), else the pod's `terminationGracePeriodSeconds`; 0 for a pod not
 * bound to a node or already finished. Undefined for other resources, which go at once.
 */
export function gracePeriodOf(key: ResourceKey, object: KubeObject, requested?: number): number | undefined {
  if (key.group !== '' || key.resource !== 'pods') return undefined;
  const wanted = requested !== undefined && requested < 0 ? 1 : requested;
  // A pod being deleted already may only have its period shortened.
  if (object.metadata.deletionTimestamp) return wanted;
  const spec = object.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
  const phase = (object.status as { phase?: string } | undefined)?.phase;
  if (!spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  return wanted ?? spec.terminationGracePeriodSeconds ?? 0;
}

/** The `gracePeriodSeconds` of a delete request: the query parameter, else the DeleteOptions body's. */
export function requestedGracePeriod(queryValue: string | undefined, bodyValue: unknown): number | undefined {
  const raw = queryValue ?? bodyValue;
  if (raw === undefined || raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw badRequest(`gracePeriodSeconds: Invalid value: "${String(raw)}": must be an integer`);
  return value;
}

import type { KubeObject } from '../store/types';
import { qualifiedResource } from '../store/ObjectStore';
import { serverSideApply } from './apply';
import { query, type ResourceRequest } from './context';
import { checkFieldValidation, createObject, currentForPatch, fieldManager, requireNamespace, storeUpdate } from './crud';
import { parseBody, readBody } from './http';
import { respondObject } from './negotiate';
import { apiVersionOf } from './resources';
import { toStorageVersion } from './conversion';
import { applyJsonPatch, applyMergePatch, strategicMerge } from './patch';
import { ApiError, badRequest, notFound } from './status';

const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
  'application/apply-patch+cbor',
];

function patchType(r: ResourceRequest): string {
  const type = (r.req.headers['content-type'] ?? '').split(';')[0].trim();
  if (!PATCH_TYPES.includes(type)) {
    throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.join(', ')}`);
  }
  if (type === 'application/strategic-merge-patch+json' && r.def.crd) {
    throw new ApiError(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
  }
  return type;
}

/** Applies a patch body of the given type to `current`. */
export function patched(type: string, current: unknown, patch: unknown): KubeObject {
  switch (type) {
    case 'application/json-patch+json':
      return applyJsonPatch(current, patch) as KubeObject;
    case 'application/merge-patch+json':
      return applyMergePatch(current, patch) as KubeObject;
    default:
      return strategicMerge(current, patch) as unknown as KubeObject;
  }
}

/** PATCH on an object or its status: JSON, merge, strategic merge and server-side apply. */
export async function patchObject(r: ResourceRequest, subresource?: 'status'): Promise<void> {
  const type = patchType(r);
  const body = parseBody(await readBody(r.req), type === 'application/apply-patch+yaml' ? 'application/yaml' : 'application/json');
  const current = currentForPatch(r);
  const name = r.info.name!;
  if (type.startsWith('application/apply-patch')) {
    await apply(r, current, body as KubeObject, subresource);
    return;
  }
  if (!current) throw notFound(`${qualifiedResource(r.def)} "${name}" not found`, { name, group: r.def.group || undefined, kind: r.def.resource });
  const next = patched(type, current, body);
  if (!next || typeof next !== 'object' || !next.metadata) throw badRequest('the patch produced an object without metadata');
  if (next.metadata.name !== name) throw badRequest(`the name of the object (${next.metadata.name}) does not match the name on the URL (${name})`);
  checkFieldValidation(r, next);
  const stored = r.services.store.get(r.def, r.namespace, name)!;
  respondObject(r, 200, storeUpdate(r, stored, toStorageVersion(r.def, next), subresource));
}

async function apply(r: ResourceRequest, current: KubeObject | undefined, applied: KubeObject, subresource?: 'status'): Promise<void> {
  if (!query(r, 'fieldManager')) throw badRequest('PATCH /apply requires a fieldManager parameter: fieldManager is required for apply requests');
  if (!applied || typeof applied !== 'object' || !applied.metadata) throw badRequest('error decoding YAML: the applied configuration has no metadata');
  if (applied.kind !== r.def.kind || (applied.apiVersion !== apiVersionOf(r.def))) {
    throw badRequest(`the API version in the data (${applied.apiVersion}) does not match the expected API version (${apiVersionOf(r.def)})`);
  }
  if (applied.metadata.name !== r.info.name) {
    throw badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${r.info.name})`);
  }
  checkFieldValidation(r, applied);
  const force = ['true', '1'].includes(query(r, 'force') ?? '');
  const result = serverSideApply(current, applied, {
    manager: fieldManager(r),
    force,
    apiVersion: apiVersionOf(r.def),
    now: r.services.store.timestamp(),
    strategic: !r.def.crd,
  });
  if (!current) {
    requireNamespace(r);
    await createObject(r, toStorageVersion(r.def, result));
    return;
  }
  result.metadata.resourceVersion = current.metadata.resourceVersion;
  const stored = r.services.store.get(r.def, r.namespace, r.info.name!)!;
  respondObject(r, 200, storeUpdate(r, stored, toStorageVersion(r.def, result), subresource, false));
}

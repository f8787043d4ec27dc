import { randomUUID } from 'node:crypto';
import type { KubeObject, ResourceKey } from '../store/types';
import { cloneJson } from '../store/objects';
import { qualifiedResource, specChanged } from '../store/ObjectStore';
import { defaultManager, recordUpdate } from './apply';
import { details, isDryRun, query, served, type ResourceRequest } from './context';
import { applyDefaults } from './defaults';
import { gracePeriodOf, requestedGracePeriod } from './gracePeriod';
import { toStorageVersion } from './conversion';
import { parseBody, readBody, sendJson } from './http';
import { respondList, respondObject } from './negotiate';
import { apiVersionOf } from './resources';
import { ApiError, badRequest, invalid, notFound, toApiError } from './status';
import { checkCustomResource, crdVersionSchema } from './crdSchema';
import { unknownFields, validate } from './validate';

const NAMESPACES: ResourceKey = { group: '', version: 'v1', resource: 'namespaces' };

export function fieldManager(r: ResourceRequest): string {
  return query(r, 'fieldManager') ?? defaultManager(r.req.headers['user-agent']);
}

/** Applies the `fieldValidation` directive (default Warn) to unknown fields of the object. */
export function checkFieldValidation(r: ResourceRequest, object: KubeObject): void {
  const mode = query(r, 'fieldValidation') ?? 'Warn';
  const schema = r.def.crd ? crdVersionSchema(r.services.store, r.def) : undefined;
  const findings = schema ? checkCustomResource(schema, object) : undefined;
  if (findings?.invalid.length) throw invalid(r.def.kind, object.metadata?.name ?? '', findings.invalid, r.def.group);
  if (mode === 'Ignore') return;
  const unknown = findings ? findings.unknown : unknownFields(r.def, object);
  if (unknown.length === 0) return;
  if (mode === 'Strict') {
    const list = unknown.map(f => `unknown field "${f}"`).join(', ');
    throw badRequest(`${r.def.kind} in version "${r.def.version}" cannot be handled as a ${r.def.kind}: strict decoding error: ${list}`);
  }
  r.res.setHeader('Warning', unknown.map(f => `299 - "unknown field \\"${f}\\""`));
}

/** Reads the request body as a Kubernetes object of the request's kind. */
export async function readObject(r: ResourceRequest): Promise<KubeObject> {
  const body = parseBody(await readBody(r.req), r.req.headers['content-type']);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('the body must be a JSON object');
  const object = body as KubeObject;
  const apiVersion = apiVersionOf(r.def);
  if (object.kind && object.kind !== r.def.kind) {
    throw badRequest(`the kind of the provided object (${object.kind}) does not match the expected kind (${r.def.kind})`);
  }
  if (object.apiVersion && object.apiVersion !== apiVersion && !r.def.crd) {
    throw badRequest(`the API version in the data (${object.apiVersion}) does not match the expected API version (${apiVersion})`);
  }
  object.apiVersion = apiVersion;
  object.kind = r.def.kind;
  object.metadata = { ...(object.metadata ?? {}) } as KubeObject['metadata'];
  checkFieldValidation(r, object);
  return toStorageVersion(r.def, object);
}

/** Fills and checks metadata.namespace against the URL. */
export function bindNamespace(r: ResourceRequest, object: KubeObject): void {
  if (!r.def.namespaced) {
    delete object.metadata.namespace;
    return;
  }
  if (object.metadata.namespace && object.metadata.namespace !== r.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  object.metadata.namespace = r.namespace;
}

export function requireNamespace(r: ResourceRequest): void {
  if (!r.def.namespaced || !r.namespace) return;
  const ns = r.services.store.get(NAMESPACES, undefined, r.namespace);
  if (!ns) throw notFound(`namespaces "${r.namespace}" not found`, { name: r.namespace, kind: 'namespaces' });
  if (ns.metadata.deletionTimestamp) {
    throw new ApiError(403, 'Forbidden', `${r.def.resource} "${r.info.name ?? ''}" is forbidden: unable to create new content in namespace ${r.namespace} because it is being terminated`);
  }
}

const qualifiedName = (r: ResourceRequest) => qualifiedResource(r.def);

function mustGet(r: ResourceRequest, name: string): KubeObject {
  const object = r.services.store.get(r.def, r.namespace, name);
  if (!object) throw notFound(`${qualifiedName(r)} "${name}" not found`, details(r, name));
  return object;
}

export async function getObject(r: ResourceRequest): Promise<void> {
  respondObject(r, 200, mustGet(r, r.info.name!));
}

/**
 * `resourceVersion`/`resourceVersionMatch` on lists. The store keeps no snapshots, so a list is
 * always served at the current version: a version newer than that is refused the way the real
 * server times out, one older than the watch history answers 410 Expired.
 */
function checkListVersion(r: ResourceRequest): void {
  const wanted = query(r, 'resourceVersion');
  const match = query(r, 'resourceVersionMatch');
  if (match && !wanted) throw badRequest(`resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided`);
  if (!wanted || wanted === '0') return;
  const version = Number(wanted);
  if (!Number.isSafeInteger(version)) throw badRequest(`invalid resource version: ${wanted}`);
  const store = r.services.store;
  const current = Number(store.currentResourceVersion());
  if (version > current) {
    throw new ApiError(504, 'Timeout', `Too large resource version: ${version}, current: ${current}`, {
      causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
      retryAfterSeconds: 1,
    });
  }
  if (match === 'Exact' && version < Number(store.oldestResumableVersion())) {
    throw new ApiError(410, 'Expired', `The resourceVersion for the provided list is too old.`);
  }
}

export async function listObjects(r: ResourceRequest): Promise<void> {
  checkListVersion(r);
  const limit = query(r, 'limit');
  const result = r.services.store.list(r.def, {
    namespace: r.namespace,
    labelSelector: query(r, 'labelSelector'),
    fieldSelector: query(r, 'fieldSelector'),
    limit: limit ? Number(limit) : undefined,
    continue: query(r, 'continue'),
  });
  await respondList(r, result);
}

/** The object a create would store, for dryRun=All. */
function dryRunCreated(r: ResourceRequest, object: KubeObject): KubeObject {
  const name = object.metadata.name || `${object.metadata.generateName ?? ''}${randomUUID().slice(0, 5)}`;
  if (r.services.store.get(r.def, r.namespace, name)) {
    throw new ApiError(409, 'AlreadyExists', `${qualifiedName(r)} "${name}" already exists`, details(r, name));
  }
  return {
    ...object,
    metadata: { ...object.metadata, name, uid: randomUUID(), creationTimestamp: r.services.store.timestamp(), generation: 1 },
  };
}

/** Creates from the body, or from `prepared` (server-side apply, which tracks its own fields). */
export async function createObject(r: ResourceRequest, prepared?: KubeObject): Promise<void> {
  const object = prepared ?? (await readObject(r));
  bindNamespace(r, object);
  requireNamespace(r);
  const store = r.services.store;
  if (store.hasStatusSubresource(r.def)) delete object.status;
  applyDefaults(r.def, object);
  validate(r.def, object);
  const withFields = prepared ? object : recordUpdate(undefined, object, fieldManager(r), apiVersionOf(r.def), store.timestamp());
  if (isDryRun(r)) {
    respondObject(r, 201, dryRunCreated(r, withFields));
    return;
  }
  try {
    respondObject(r, 201, store.create(r.def, withFields));
  } catch (error) {
    throw toApiError(error, details(r, object.metadata.name));
  }
}

/** Stores a changed object (PUT, PATCH) after defaulting and validation; dryRun stops short. */
export function storeUpdate(r: ResourceRequest, current: KubeObject, next: KubeObject, subresource?: 'status', track = true): KubeObject {
  const store = r.services.store;
  next.metadata.name = current.metadata.name;
  if (current.metadata.namespace) next.metadata.namespace = current.metadata.namespace;
  if (!subresource) {
    applyDefaults(r.def, next, current);
    validate(r.def, next);
  }
  const withFields = track ? recordUpdate(current, next, fieldManager(r), apiVersionOf(r.def), store.timestamp(), subresource) : next;
  if (isDryRun(r)) {
    const generation = (current.metadata.generation ?? 0) + (!subresource && specChanged(current, withFields) ? 1 : 0);
    return { ...withFields, metadata: { ...withFields.metadata, resourceVersion: current.metadata.resourceVersion, generation } };
  }
  try {
    return store.update(r.def, withFields, subresource ? { subresource } : {});
  } catch (error) {
    throw toApiError(error, details(r, current.metadata.name));
  }
}

export async function replaceObject(r: ResourceRequest, subresource?: 'status'): Promise<void> {
  const object = await readObject(r);
  const name = r.info.name!;
  if (object.metadata.name && object.metadata.name !== name) {
    throw badRequest(`the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`);
  }
  object.metadata.name = name;
  bindNamespace(r, object);
  const current = mustGet(r, name);
  respondObject(r, 200, storeUpdate(r, current, object, subresource));
}

interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: string[];
}

async function deleteOptions(r: ResourceRequest): Promise<DeleteOptions> {
  const raw = await readBody(r.req);
  const options = raw.length && raw.toString().trim() ? (parseBody(raw, r.req.headers['content-type']) as DeleteOptions) : {};
  const policy = query(r, 'propagationPolicy') ?? options.propagationPolicy;
  if (policy && !['Background', 'Foreground', 'Orphan'].includes(policy)) {
    throw badRequest(`propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  const orphan = query(r, 'orphanDependents') === 'true' || options.orphanDependents === true;
  return {
    ...options,
    gracePeriodSeconds: requestedGracePeriod(query(r, 'gracePeriodSeconds'), options.gracePeriodSeconds),
    propagationPolicy: (policy as DeleteOptions['propagationPolicy']) ?? (orphan ? 'Orphan' : undefined),
  };
}

function deleteOne(r: ResourceRequest, current: KubeObject, options: DeleteOptions): KubeObject {
  const rv = options.preconditions?.resourceVersion;
  if (rv && rv !== current.metadata.resourceVersion) {
    throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedName(r)} "${current.metadata.name}": Precondition failed: ResourceVersion in precondition: ${rv}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`, details(r, current.metadata.name));
  }
  if (isDryRun(r, options)) return current;
  try {
    return r.services.store.delete(r.def, r.namespace, current.metadata.name, {
      propagationPolicy: options.propagationPolicy,
      preconditionUid: options.preconditions?.uid,
      gracePeriodSeconds: gracePeriodOf(r.def, current, options.gracePeriodSeconds),
    });
  } catch (error) {
    throw toApiError(error, details(r, current.metadata.name));
  }
}

export async function deleteObject(r: ResourceRequest): Promise<void> {
  const options = await deleteOptions(r);
  const current = mustGet(r, r.info.name!);
  const result = deleteOne(r, current, options);
  const stillThere = r.services.store.get(r.def, r.namespace, current.metadata.name);
  if (stillThere || r.def.group !== '' || ['pods', 'namespaces', 'services', 'persistentvolumeclaims', 'persistentvolumes', 'nodes'].includes(r.def.resource)) {
    // Like the API server: 202 only for `orphanDependents: false`; a pending graceful or
    // finalizer-held deletion otherwise answers 200 with the object.
    const accepted = stillThere && !isDryRun(r, options) && options.orphanDependents === false;
    respondObject(r, accepted ? 202 : 200, stillThere ?? result);
    return;
  }
  sendJson(r.res, 200, {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success',
    details: { ...details(r, current.metadata.name), uid: current.metadata.uid },
  });
}

export async function deleteCollection(r: ResourceRequest): Promise<void> {
  const options = await deleteOptions(r);
  const { items } = r.services.store.list(r.def, {
    namespace: r.namespace,
    labelSelector: query(r, 'labelSelector'),
    fieldSelector: query(r, 'fieldSelector'),
  });
  const deleted: KubeObject[] = [];
  for (const item of items) {
    const current = r.services.store.get(r.def, r.namespace, item.metadata.name);
    if (current) deleted.push(served(r.def, deleteOne(r, current, options)));
  }
  sendJson(r.res, 200, {
    kind: `${r.def.kind}List`, apiVersion: apiVersionOf(r.def),
    metadata: { resourceVersion: r.services.store.currentResourceVersion() }, items: deleted,
  });
}

/** A mutable copy of the stored object, for patching. */
export function currentForPatch(r: ResourceRequest): KubeObject | undefined {
  const object = r.services.store.get(r.def, r.namespace, r.info.name!);
  return object ? (cloneJson(served(r.def, object)) as KubeObject) : undefined;
}

export { mustGet };

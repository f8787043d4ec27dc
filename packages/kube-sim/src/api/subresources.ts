import type { KubeObject } from '../store/types';
import { cloneJson } from '../store/objects';
import { formatTimestamp, qualifiedResource } from '../store/ObjectStore';
import { gracePeriodOf } from './gracePeriod';
import { formatSelector } from './table/format';
import { isDryRun, type ResourceRequest } from './context';
import { mustGet, replaceObject, storeUpdate } from './crud';
import { parseBody, readBody, sendJson } from './http';
import { requestedShape, respondObject } from './negotiate';
import { patchObject, patched } from './patchHandler';
import { ApiError, badRequest, methodNotAllowed, notFound } from './status';

function scaleOf(object: KubeObject) {
  const spec = (object.spec ?? {}) as { replicas?: number; selector?: unknown };
  const status = (object.status ?? {}) as { replicas?: number };
  const selector = formatSelector(spec.selector);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: object.metadata.name,
      namespace: object.metadata.namespace,
      uid: object.metadata.uid,
      resourceVersion: object.metadata.resourceVersion,
      creationTimestamp: object.metadata.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, ...(selector !== '<none>' ? { selector } : {}) },
  };
}

/** GET, PUT and PATCH of `.../scale` for deployments, replica sets and stateful sets. */
async function scale(r: ResourceRequest): Promise<void> {
  const current = mustGet(r, r.info.name!);
  if (r.info.verb === 'get') {
    const scaled = scaleOf(current);
    if (requestedShape(r.req.headers.accept) !== 'table') {
      sendJson(r.res, 200, scaled);
      return;
    }
    sendJson(r.res, 200, {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: scaled.metadata.resourceVersion },
      columnDefinitions: [
        { name: 'Name', type: 'string', format: 'name', priority: 0, description: 'Name' },
        { name: 'Desired', type: 'integer', format: '', priority: 0, description: 'Desired replicas' },
        { name: 'Available', type: 'integer', format: '', priority: 0, description: 'Current replicas' },
      ],
      rows: [{ cells: [scaled.metadata.name, scaled.spec.replicas, scaled.status.replicas], object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: scaled.metadata } }],
    });
    return;
  }
  const body = parseBody(await readBody(r.req), r.req.headers['content-type']);
  let wanted: ReturnType<typeof scaleOf>;
  if (r.info.verb === 'update') wanted = body as ReturnType<typeof scaleOf>;
  else if (r.info.verb === 'patch') {
    const type = (r.req.headers['content-type'] ?? '').split(';')[0];
    wanted = patched(type, scaleOf(current), body) as unknown as ReturnType<typeof scaleOf>;
  } else throw methodNotAllowed(`the server does not allow this method on the requested resource`);
  const rv = wanted.metadata?.resourceVersion;
  if (rv && rv !== current.metadata.resourceVersion) {
    throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(r.def)} "${current.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`);
  }
  const replicas = wanted.spec?.replicas;
  if (typeof replicas !== 'number' || replicas < 0) throw badRequest('spec.replicas: Invalid value: must be a non-negative integer');
  const next = cloneJson(current) as KubeObject;
  next.spec = { ...(next.spec as object), replicas };
  sendJson(r.res, 200, scaleOf(storeUpdate(r, current, next)));
}

/** POST serviceaccounts/{name}/token: a TokenRequest answered with a signed token. */
async function token(r: ResourceRequest): Promise<void> {
  if (r.info.verb !== 'create') throw methodNotAllowed('the server does not allow this method on the requested resource');
  const account = mustGet(r, r.info.name!);
  const body = parseBody(await readBody(r.req), r.req.headers['content-type']) as KubeObject;
  const spec = (body.spec ?? {}) as { expirationSeconds?: number; audiences?: string[] };
  const seconds = spec.expirationSeconds ?? 3600;
  const exp = Math.floor(Date.now() / 1000) + seconds;
  const value = r.services.authn.serviceAccountTokens.mint({
    namespace: account.metadata.namespace!,
    name: account.metadata.name,
    uid: account.metadata.uid!,
    exp,
  });
  sendJson(r.res, 201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: account.metadata.name, namespace: account.metadata.namespace, creationTimestamp: null },
    spec: { audiences: spec.audiences ?? ['https://kubernetes.default.svc'], expirationSeconds: seconds, boundObjectRef: null },
    status: { token: value, expirationTimestamp: formatTimestamp(new Date(exp * 1000)) },
  });
}

/** POST pods/{name}/binding (what a scheduler sends) and pods/{name}/eviction. */
async function podAction(r: ResourceRequest): Promise<void> {
  if (r.info.verb !== 'create') throw methodNotAllowed('the server does not allow this method on the requested resource');
  const pod = mustGet(r, r.info.name!);
  const body = parseBody(await readBody(r.req), r.req.headers['content-type']) as KubeObject;
  if (r.info.subresource === 'binding') {
    const node = (body.target as { name?: string } | undefined)?.name;
    if (!node) throw badRequest('target.name: Required value');
    if ((pod.spec as { nodeName?: string }).nodeName) {
      throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on pods/binding "${pod.metadata.name}": pod ${pod.metadata.name} is already assigned to node "${(pod.spec as { nodeName?: string }).nodeName}"`);
    }
    const next = cloneJson(pod) as KubeObject;
    next.spec = { ...(next.spec as object), nodeName: node };
    storeUpdate(r, pod, next);
  } else if (!isDryRun(r)) {
    const requested = (body.deleteOptions as { gracePeriodSeconds?: number } | undefined)?.gracePeriodSeconds;
    r.services.store.delete(r.def, r.namespace, pod.metadata.name, { gracePeriodSeconds: gracePeriodOf(r.def, pod, requested) });
  }
  sendJson(r.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

/** Routes a request for a subresource. */
export async function handleSubresource(r: ResourceRequest): Promise<void> {
  const sub = r.info.subresource!;
  if (!r.def.subresources.includes(sub)) {
    throw notFound(`the server could not find the requested resource`);
  }
  switch (sub) {
    case 'status':
      if (r.info.verb === 'get') return respondObject(r, 200, mustGet(r, r.info.name!));
      if (r.info.verb === 'update') return replaceObject(r, 'status');
      if (r.info.verb === 'patch') return patchObject(r, 'status');
      throw methodNotAllowed('the server does not allow this method on the requested resource');
    case 'scale':
      return scale(r);
    case 'token':
      return token(r);
    case 'binding':
    case 'eviction':
      return podAction(r);
    case 'log':
      return podLog(r);
    default:
      throw notFound(`the server could not find the requested resource`);
  }
}

function podLog(r: ResourceRequest): void {
  mustGet(r, r.info.name!);
  const simulation = r.services.simulation;
  if (!simulation) {
    throw badRequest(`container logs are not available: the simulation is not running (pod "${r.info.name}")`);
  }
  simulation.log(r.req, r.res, { namespace: r.namespace!, name: r.info.name!, query: r.url.searchParams });
}

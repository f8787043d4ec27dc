import type { IncomingMessage, ServerResponse } from 'node:http';
import { impersonate } from '../auth/authenticate';
import { forbiddenMessage, MASTERS } from '../auth/rbac';
import { answerReview, REVIEW_RESOURCES } from '../auth/reviews';
import type { Attributes, UserInfo } from '../auth/types';
import type { KubeObject } from '../store/types';
import type { ApiServices, ResourceRequest } from './context';
import { createObject, deleteCollection, deleteObject, getObject, listObjects, replaceObject } from './crud';
import { AGGREGATED_DISCOVERY, aggregatedDiscovery, coreVersions, group, groupList, resourceList, versionInfo, wantsAggregatedDiscovery } from './discovery';
import { parseBody, readBody, sendError, sendJson } from './http';
import { serveOpenApi } from './openapi/index';
import { patchObject } from './patchHandler';
import { parseRequestInfo, type RequestInfo } from './requestInfo';
import { ApiError, methodNotAllowed, notFound } from './status';
import { handleSubresource } from './subresources';
import { watchObjects } from './watch';

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);
const NOT_FOUND = () => notFound('the server could not find the requested resource');

export function authorize(services: ApiServices, attributes: Attributes): void {
  if (services.rbac.authorize(attributes).allowed) return;
  const { apiGroup, name } = attributes;
  const details = attributes.isResourceRequest ? { ...(name ? { name } : {}), group: apiGroup ?? '', kind: attributes.resource } : undefined;
  throw new ApiError(403, 'Forbidden', forbiddenMessage(attributes), details);
}

export function attributesOf(info: RequestInfo, user: UserInfo): Attributes {
  if (!info.isResourceRequest) return { user, verb: info.verb, isResourceRequest: false, path: info.path };
  return {
    user,
    verb: info.verb,
    isResourceRequest: true,
    apiGroup: info.apiGroup,
    resource: info.resource,
    subresource: info.subresource,
    namespace: info.namespace,
    name: info.name,
  };
}

/** Authenticates (then impersonates) the caller. */
export function identify(services: ApiServices, req: IncomingMessage): UserInfo {
  return impersonate(req, services.authn.authenticate(req), services.rbac);
}

/** GET/PATCH /kube-sim/chaos (settings) and POST /kube-sim/chaos/drop-watches; admins only. */
async function chaosAdmin(services: ApiServices, req: IncomingMessage, res: ServerResponse, user: UserInfo, path: string): Promise<void> {
  if (!user.groups.includes(MASTERS)) throw new ApiError(403, 'Forbidden', `forbidden: User "${user.username}" cannot use the kube-sim admin endpoint`);
  if (path === '/kube-sim/chaos/drop-watches') {
    if (req.method !== 'POST') throw methodNotAllowed('use POST');
    sendJson(res, 200, { dropped: services.chaos.dropAllWatches() });
  } else if (req.method === 'GET') {
    sendJson(res, 200, services.chaos.settings);
  } else if (req.method === 'PUT' || req.method === 'PATCH' || req.method === 'POST') {
    let settings;
    try {
      settings = services.chaos.update(parseBody(await readBody(req), 'application/json') as Record<string, unknown>);
    } catch (error) {
      throw error instanceof ApiError ? error : new ApiError(400, 'BadRequest', (error as Error).message);
    }
    sendJson(res, 200, settings);
  } else {
    throw methodNotAllowed('use GET or PATCH');
  }
}

async function nonResource(services: ApiServices, info: RequestInfo, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = info.path.replace(/\/$/, '') || '/';
  const serverAddress = req.headers.host ?? '127.0.0.1';
  if (path.startsWith('/openapi/')) {
    await serveOpenApi(services, path, req, res);
    return;
  }
  const segments = path.split('/').filter(Boolean);
  let body: object | undefined;
  if ((path === '/api' || path === '/apis') && wantsAggregatedDiscovery(req.headers.accept)) {
    const text = JSON.stringify(aggregatedDiscovery(services.registry, path === '/api'));
    res.writeHead(200, { 'Content-Type': AGGREGATED_DISCOVERY, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
    res.end(text);
    return;
  }
  if (path === '/version') body = versionInfo(services.version);
  else if (path === '/api') body = coreVersions(serverAddress);
  else if (path === '/apis') body = groupList(services.registry);
  else if (segments[0] === 'apis' && segments.length === 2) body = group(services.registry, segments[1]);
  else if (info.apiVersion) body = resourceList(services.registry, info.apiGroup, info.apiVersion);
  if (!body) throw NOT_FOUND();
  sendJson(res, 200, body);
}

async function resource(r: ResourceRequest): Promise<void> {
  const { info, def } = r;
  if (REVIEW_RESOURCES.has(def.resource)) {
    if (info.verb !== 'create') throw methodNotAllowed('the server does not allow this method on the requested resource');
    const body = parseBody(await readBody(r.req), r.req.headers['content-type']);
    const s = r.services;
    sendJson(r.res, 201, answerReview(def.resource, body as KubeObject, r.user, r.namespace, s.rbac, s.authn));
    return undefined;
  }
  if (def.group === 'metrics.k8s.io') {
    if (!r.services.simulation) throw new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
    if (info.verb !== 'get' && info.verb !== 'list') throw methodNotAllowed('the server does not allow this method on the requested resource');
    r.services.simulation.metrics(r.req, r.res, { resource: def.resource as 'nodes' | 'pods', namespace: r.namespace, name: info.name, query: r.url.searchParams });
    return undefined;
  }
  if (info.subresource) return handleSubresource(r);
  const needsName = ['update', 'patch', 'delete'].includes(info.verb);
  const needsNamespace = def.namespaced && ['create', 'update', 'patch', 'delete', 'deletecollection'].includes(info.verb);
  if ((needsName && !info.name) || (needsNamespace && !r.namespace)) {
    throw methodNotAllowed('the server does not allow this method on the requested resource');
  }
  switch (info.verb) {
    case 'get':
      return getObject(r);
    case 'list':
      return listObjects(r);
    case 'watch':
      return watchObjects(r);
    case 'create':
      if (info.name) throw methodNotAllowed('the server does not allow this method on the requested resource');
      return createObject(r);
    case 'update':
      return replaceObject(r);
    case 'patch':
      return patchObject(r);
    case 'delete':
      return deleteObject(r);
    case 'deletecollection':
      return deleteCollection(r);
    default:
      throw methodNotAllowed('the server does not allow this method on the requested resource');
  }
}

/** Finds the served resource of a request; 404 when unknown or addressed in the wrong scope. */
export function resolveResource(services: ApiServices, info: RequestInfo) {
  const def = services.registry.find(info.apiGroup, info.apiVersion, info.resource ?? '');
  if (!def) throw NOT_FOUND();
  if (!def.namespaced && info.namespace && !(def.group === '' && def.resource === 'namespaces')) throw NOT_FOUND();
  return def;
}

async function chaosGate(services: ApiServices, res: ServerResponse): Promise<boolean> {
  const { latencyMs } = services.chaos.settings;
  if (latencyMs > 0) await new Promise(resolve => setTimeout(resolve, latencyMs));
  switch (services.chaos.roll()) {
    case '429':
      sendError(res, new ApiError(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds: 1 }));
      return false;
    case '500':
      sendError(res, new ApiError(500, 'InternalError', 'Internal error occurred: injected by kube-sim chaos'));
      return false;
    case 'hang':
      return false;
    default:
      return true;
  }
}

/** The whole request pipeline: health, authentication, admin, chaos, authorization, dispatch. */
export async function handleRequest(services: ApiServices, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://kube-sim');
    if (HEALTH.has(url.pathname)) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end('ok');
      return;
    }
    const user = identify(services, req);
    if (url.pathname.startsWith('/kube-sim/chaos')) {
      await chaosAdmin(services, req, res, user, url.pathname);
      return;
    }
    if (!(await chaosGate(services, res))) return;
    const info = parseRequestInfo(req.method ?? 'GET', url);
    if (!info.isResourceRequest || !info.resource) {
      authorize(services, attributesOf({ ...info, isResourceRequest: false }, user));
      await nonResource(services, info, req, res);
      return;
    }
    authorize(services, attributesOf(info, user));
    const def = resolveResource(services, info);
    await resource({ req, res, url, info, def, user, namespace: def.namespaced ? info.namespace : undefined, services });
  } catch (error) {
    sendError(res, error);
  }
}

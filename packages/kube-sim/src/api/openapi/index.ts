import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiServices } from '../context';
import { sendJson } from '../http';
import { apiVersionOf, type ResourceDef } from '../resources';
import { crdVersionSchema } from '../crdSchema';
import { notFound } from '../status';
import { KINDS, META, SHARED, TYPE_META, ref, type Schema } from './schemas';
import { encodeOpenApiV2 } from './v2';

const GROUP_PACKAGES: Record<string, string> = {
  '': 'io.k8s.api.core',
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
};

/** The component name of a kind's schema, following the real server's naming. */
export function schemaName(def: ResourceDef): string {
  if (def.crd) return `${def.group.split('.').reverse().join('.')}.${def.version}.${def.kind}`;
  const pkg = GROUP_PACKAGES[def.group] ?? `io.k8s.api.${def.group.split('.')[0]}`;
  return `${pkg}.${def.version}.${def.kind}`;
}

const gvk = (def: ResourceDef) => ({ group: def.group, version: def.version, kind: def.kind });

function kindSchema(services: ApiServices, def: ResourceDef): Schema {
  const metadata = ref(`${META}.ObjectMeta`, "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata");
  const extension = { 'x-kubernetes-group-version-kind': [gvk(def)] };
  if (def.crd) {
    const own = (crdVersionSchema(services.store, def) as Schema | undefined) ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    const props = (own.properties as Record<string, Schema> | undefined) ?? {};
    return { ...own, type: 'object', properties: { ...TYPE_META, metadata, ...props }, ...extension };
  }
  const known = KINDS[schemaName(def)];
  const properties: Record<string, Schema> = { ...TYPE_META, metadata };
  if (known?.spec) properties.spec = known.spec;
  if (known?.status) properties.status = known.status;
  Object.assign(properties, known?.extra ?? {});
  if (!known) {
    properties.spec = { type: 'object', description: `Specification of the desired behavior of the ${def.kind}.`, 'x-kubernetes-preserve-unknown-fields': true };
    properties.status = { type: 'object', description: `Most recently observed status of the ${def.kind}.`, 'x-kubernetes-preserve-unknown-fields': true };
  }
  return { type: 'object', description: known?.description ?? `${def.kind} is a ${def.namespaced ? 'namespaced' : 'cluster-scoped'} ${apiVersionOf(def)} resource.`, properties, ...extension };
}

const queryParam = (name: string, description: string) => ({ name, in: 'query', description, schema: { type: 'string', uniqueItems: true } });

/** Paths of one resource. PATCH lists fieldValidation (so kubectl validates server-side) but not strategic merge (so kubectl computes apply patches from its built-in types). */
function resourcePaths(def: ResourceDef, schema: string): Record<string, Schema> {
  const base = `/${def.group ? `apis/${def.group}` : 'api'}/${def.version}${def.namespaced ? '/namespaces/{namespace}' : ''}/${def.resource}`;
  const body = { content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } };
  const response = { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } } };
  const op = (action: string, extra: Schema = {}) => ({
    operationId: `${action}${def.kind}`,
    responses: response,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk(def),
    ...extra,
  });
  const writeParams = [
    queryParam('dryRun', 'When present, indicates that modifications should not be persisted.'),
    queryParam('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes.'),
    queryParam('fieldValidation', 'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields.'),
  ];
  const patchBody = { content: { 'application/json-patch+json': { schema: { type: 'object' } }, 'application/merge-patch+json': { schema: { type: 'object' } }, 'application/apply-patch+yaml': { schema: { type: 'object' } } } };
  return {
    [base]: { get: op('list'), post: op('post', { parameters: writeParams, requestBody: body }) },
    [`${base}/{name}`]: {
      get: op('get'),
      put: op('put', { parameters: writeParams, requestBody: body }),
      patch: op('patch', { parameters: [...writeParams, queryParam('force', 'Force is going to "force" Apply requests.')], requestBody: patchBody }),
      delete: op('delete'),
    },
  };
}

function groupVersionDoc(services: ApiServices, defs: ResourceDef[]): Schema {
  const schemas: Record<string, Schema> = { ...SHARED };
  let paths: Record<string, Schema> = {};
  for (const def of defs) {
    if (def.group === 'metrics.k8s.io' || def.verbs.length === 1) continue;
    const name = schemaName(def);
    schemas[name] = kindSchema(services, def);
    paths = { ...paths, ...resourcePaths(def, name) };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: services.version },
    paths,
    components: { schemas },
  };
}

function groupVersions(services: ApiServices): Map<string, ResourceDef[]> {
  const out = new Map<string, ResourceDef[]>();
  for (const def of services.registry.all()) {
    const key = def.group ? `apis/${def.group}/${def.version}` : `api/${def.version}`;
    out.set(key, [...(out.get(key) ?? []), def]);
  }
  return out;
}

/** GET /openapi/v3 (the index), /openapi/v3/{api/v1 | apis/group/version} and /openapi/v2 (protobuf, operations only). */
export async function serveOpenApi(services: ApiServices, path: string, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  const gvs = groupVersions(services);
  if (path === '/openapi/v2') {
    let paths: Record<string, Schema> = {};
    for (const defs of gvs.values()) paths = { ...paths, ...(groupVersionDoc(services, defs).paths as Record<string, Schema>) };
    const body = encodeOpenApiV2(services.version, paths);
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length });
    res.end(body);
    return;
  }
  if (path === '/openapi/v3') {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const [key, defs] of gvs) {
      const hash = createHash('sha256').update(JSON.stringify(groupVersionDoc(services, defs))).digest('hex').slice(0, 32).toUpperCase();
      paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
    }
    sendJson(res, 200, { paths });
    return;
  }
  const key = path.replace(/^\/openapi\/v3\//, '');
  const defs = path.startsWith('/openapi/v3/') ? gvs.get(key) : undefined;
  if (!defs) throw notFound('the server could not find the requested resource');
  sendJson(res, 200, groupVersionDoc(services, defs));
}

import type { KubeObject, ListResult } from '../store/types';
import { sendJson, streamJsonList } from './http';
import { buildTable, type IncludeObject } from './table';
import { served, type ResourceRequest } from './context';
import { apiVersionOf } from './resources';

export type Shape = 'object' | 'table' | 'metadata';

/** Which representation the client asked for in its Accept header. */
export function requestedShape(accept: string | undefined): Shape {
  const first = (accept ?? '').split(',')[0];
  if (/as=Table/.test(first)) return 'table';
  if (/as=PartialObjectMetadata/.test(first)) return 'metadata';
  return 'object';
}

export function includeObject(r: ResourceRequest): IncludeObject {
  const value = r.url.searchParams.get('includeObject');
  return value === 'None' || value === 'Object' ? value : 'PartialObjectMetadata';
}

const partial = (o: KubeObject) => ({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata });

/** Writes one object in the representation the client asked for. */
export function respondObject(r: ResourceRequest, code: number, object: KubeObject): void {
  const shape = requestedShape(r.req.headers.accept);
  if (shape === 'table') {
    sendJson(r.res, code, buildTable(r.def, [object], { resourceVersion: object.metadata.resourceVersion ?? '' }, { include: includeObject(r) }));
  } else if (shape === 'metadata') {
    sendJson(r.res, code, partial(object));
  } else {
    sendJson(r.res, code, served(r.def, object));
  }
}

/** Writes a list (streamed, as lists can hold many thousands of objects). */
export async function respondList(r: ResourceRequest, result: ListResult): Promise<void> {
  const metadata: Record<string, unknown> = { resourceVersion: result.resourceVersion };
  if (result.continue) metadata.continue = result.continue;
  if (result.remainingItemCount !== undefined) metadata.remainingItemCount = result.remainingItemCount;
  const shape = requestedShape(r.req.headers.accept);
  if (shape === 'table') {
    sendJson(r.res, 200, buildTable(r.def, result.items, metadata, { include: includeObject(r) }));
    return;
  }
  if (shape === 'metadata') {
    await streamJsonList(r.res, { kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata }, result.items.map(partial));
    return;
  }
  const items = result.items.map(o => served(r.def, o));
  await streamJsonList(r.res, { kind: `${r.def.kind}List`, apiVersion: apiVersionOf(r.def), metadata }, items);
}

import { cloneJson } from '../store/objects';
import { ApiError, badRequest } from './status';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

interface JsonPatchOp {
  op: string;
  path: string;
  from?: string;
  value?: Json;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`json patch: invalid path "${path}"`);
  return path.slice(1).split('/').map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** One step down a JSON pointer; undefined when the step does not exist. */
function child(current: Json, segment: string): Json | undefined {
  if (Array.isArray(current)) return current[Number(segment)];
  return isObject(current) ? current[segment] : undefined;
}

function parentOf(doc: Json, segments: string[], path: string): [Json[] | JsonObject, string] {
  let current: Json | undefined = doc;
  for (const s of segments.slice(0, -1)) {
    current = child(current, s);
    if (current === undefined || current === null) throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: doc is missing path: "${path}"`);
  }
  if (!Array.isArray(current) && !isObject(current ?? null)) throw badRequest(`json patch: cannot address "${path}"`);
  return [current as Json[] | JsonObject, segments[segments.length - 1]];
}

function getAt(doc: Json, path: string): Json {
  let current: Json | undefined = doc;
  for (const s of pointer(path)) {
    current = child(current as Json, s);
    if (current === undefined) throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: doc is missing path: "${path}"`);
  }
  return current;
}

function add(doc: Json, path: string, value: Json): Json {
  const segments = pointer(path);
  if (segments.length === 0) return value;
  const [parent, key] = parentOf(doc, segments, path);
  if (Array.isArray(parent)) parent.splice(key === '-' ? parent.length : Number(key), 0, value);
  else parent[key] = value;
  return doc;
}

function remove(doc: Json, path: string): Json {
  const segments = pointer(path);
  const [parent, key] = parentOf(doc, segments, path);
  if (Array.isArray(parent)) {
    if (Number(key) >= parent.length) throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: doc is missing path: "${path}"`);
    parent.splice(Number(key), 1);
  } else {
    if (!(key in parent)) throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: doc is missing path: "${path}"`);
    delete parent[key];
  }
  return doc;
}

/** RFC 6902 JSON patch. */
export function applyJsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw badRequest('json patch: the patch must be an array of operations');
  let doc = cloneJson(target) as Json;
  for (const op of ops as JsonPatchOp[]) {
    switch (op.op) {
      case 'add':
        doc = add(doc, op.path, cloneJson(op.value as Json));
        break;
      case 'remove':
        doc = remove(doc, op.path);
        break;
      case 'replace':
        doc = remove(doc, op.path);
        doc = add(doc, op.path, cloneJson(op.value as Json));
        break;
      case 'move': {
        const value = getAt(doc, op.from ?? '');
        doc = add(remove(doc, op.from ?? ''), op.path, value);
        break;
      }
      case 'copy':
        doc = add(doc, op.path, cloneJson(getAt(doc, op.from ?? '')));
        break;
      case 'test':
        if (JSON.stringify(getAt(doc, op.path)) !== JSON.stringify(op.value)) {
          throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: testing value ${op.path} failed`);
        }
        break;
      default:
        throw badRequest(`json patch: unsupported operation "${op.op}"`);
    }
  }
  return doc;
}

/** RFC 7386 JSON merge patch. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch as Json)) return cloneJson(patch);
  const out: JsonObject = isObject(target as Json) ? (cloneJson(target) as JsonObject) : {};
  for (const [k, v] of Object.entries(patch as JsonObject)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v) as Json;
  }
  return out;
}

/** The merge key of a list field under strategic merge (undefined: replace the list; 'set': union of primitives). */
export function mergeKeyOf(field: string, items: Json[]): string | undefined {
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
    case 'resourceClaims':
      return 'name';
    case 'ports': {
      const sample = items.find(isObject);
      return sample && 'containerPort' in sample ? 'containerPort' : 'port';
    }
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'conditions':
      return 'type';
    case 'hostAliases':
      return 'ip';
    case 'ownerReferences':
      return 'uid';
    case 'topologySpreadConstraints':
      return 'topologyKey';
    case 'finalizers':
      return 'set';
    default:
      return undefined;
  }
}

function mergeList(field: string, live: Json[], patch: Json[]): Json[] {
  const key = mergeKeyOf(field, [...patch, ...live]);
  if (!key) return patch.filter(item => !(isObject(item) && item.$patch === 'delete')).map(i => strip(i));
  if (key === 'set') return [...live, ...patch.filter(p => !live.includes(p))];
  if (patch.some(p => isObject(p) && p.$patch === 'replace')) {
    return patch.filter(p => !(isObject(p) && p.$patch)).map(i => strip(i));
  }
  const out = [...live];
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = out.findIndex(existing => isObject(existing) && existing[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) out.splice(index, 1);
    } else if (index >= 0) out[index] = strategicMerge(out[index], item);
    else out.push(strip(item));
  }
  return out;
}

/** Removes strategic-merge directives from a value that is copied in as is. */
function strip(value: Json): Json {
  if (Array.isArray(value)) return value.map(strip);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$') || v === null) continue;
    out[k] = strip(v);
  }
  return out;
}

/** Kubernetes strategic merge patch for built-in kinds (lists merged by their patch merge keys). */
export function strategicMerge(live: unknown, patch: unknown): Json {
  if (!isObject(patch as Json)) return cloneJson(patch as Json);
  const p = patch as JsonObject;
  if (p.$patch === 'replace') return strip(p);
  if (p.$patch === 'delete') return {};
  const out: JsonObject = isObject(live as Json) ? (cloneJson(live) as JsonObject) : {};
  for (const [k, v] of Object.entries(p)) {
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const current = out[field];
      if (Array.isArray(current) && Array.isArray(v)) out[field] = current.filter(x => !v.includes(x));
      continue;
    }
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = mergeList(k, Array.isArray(out[k]) ? (out[k] as Json[]) : [], v);
    else if (isObject(v)) out[k] = strategicMerge(out[k], v);
    else out[k] = v;
  }
  return out;
}

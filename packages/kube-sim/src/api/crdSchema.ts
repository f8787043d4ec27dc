import type { InMemoryObjectStore } from '../store/ObjectStore';
import type { KubeObject } from '../store/types';
import { CRD_KEY, type ResourceDef } from './resources';

/** The parts of a structural schema (openAPIV3Schema) that validation and pruning use. */
export interface StructuralSchema {
  type?: string;
  properties?: Record<string, StructuralSchema>;
  items?: StructuralSchema;
  additionalProperties?: StructuralSchema | boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  [key: string]: unknown;
}

/** The openAPIV3Schema of a custom resource's version, from its CRD. */
export function crdVersionSchema(store: InMemoryObjectStore, def: ResourceDef): StructuralSchema | undefined {
  const crd = store.get(CRD_KEY, undefined, `${def.resource}.${def.group}`);
  const versions = ((crd?.spec as { versions?: Array<{ name: string; schema?: { openAPIV3Schema?: StructuralSchema } }> })?.versions) ?? [];
  return versions.find(v => v.name === def.version)?.schema?.openAPIV3Schema;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function typeMatches(schema: StructuralSchema, value: unknown): boolean {
  if (schema['x-kubernetes-int-or-string']) return typeof value === 'string' || Number.isInteger(value);
  switch (schema.type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

export interface SchemaFindings {
  /** Paths of fields the schema does not know (pruned from the object). */
  unknown: string[];
  /** Fields whose value has the wrong type, worded like the real server's 422 causes. */
  invalid: Array<{ field: string; message: string }>;
}

function walk(schema: StructuralSchema, value: unknown, path: string, out: SchemaFindings): void {
  if (value === null || value === undefined) return;
  if (!typeMatches(schema, value)) {
    const actual = Array.isArray(value) ? 'array' : typeof value;
    const expected = schema['x-kubernetes-int-or-string'] ? 'integer,string' : schema.type;
    out.invalid.push({ field: path, message: `Invalid value: "${actual}": ${path} in body must be of type ${expected}: "${actual}"` });
    return;
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => walk(schema.items!, item, `${path}[${i}]`, out));
    return;
  }
  if (!isObject(value) || schema['x-kubernetes-preserve-unknown-fields']) return;
  const additional = schema.additionalProperties;
  for (const key of Object.keys(value)) {
    const child = schema.properties?.[key] ?? (typeof additional === 'object' ? additional : undefined);
    const childPath = path ? `${path}.${key}` : key;
    if (child) walk(child, value[key], childPath, out);
    else if (additional !== true) {
      out.unknown.push(childPath);
      delete value[key];
    }
  }
}

/**
 * Validates a custom resource against its structural schema and prunes the fields the schema
 * does not declare (apiVersion, kind and metadata are the server's). Mutates `object`.
 */
export function checkCustomResource(schema: StructuralSchema, object: KubeObject): SchemaFindings {
  const out: SchemaFindings = { unknown: [], invalid: [] };
  const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = object;
  const body: Record<string, unknown> = rest;
  walk(schema, body, '', out);
  for (const key of Object.keys(object)) {
    if (!['apiVersion', 'kind', 'metadata'].includes(key) && !(key in body)) delete object[key];
  }
  return out;
}

import { stringify } from 'yaml';
import { ProtoWriter } from '../protobuf/writer';
import type { Schema } from './schemas';

/**
 * OpenAPI v2 for kubectl 1.27 and 1.28, which read it (as gnostic protobuf) to learn that the
 * server validates fields itself. Only the operations are published, with the
 * `x-kubernetes-group-version-kind` and `fieldValidation` parameter kubectl looks for, so those
 * versions keep computing apply patches from their built-in types.
 */

type Operation = { operationId?: string; parameters?: Array<{ name: string; in: string }>; 'x-kubernetes-group-version-kind'?: object; 'x-kubernetes-action'?: string };

function vendorExtension(w: ProtoWriter, field: number, name: string, value: unknown): void {
  w.message(field, named => named.string(1, name).message(2, any => any.string(2, stringify(value))));
}

function writeOperation(w: ProtoWriter, op: Operation): void {
  w.string(5, op.operationId);
  for (const p of op.parameters ?? []) {
    // ParametersItem.parameter → Parameter.non_body_parameter → NonBodyParameter.query_parameter_sub_schema
    w.message(8, item => item.message(1, param => param.message(2, nonBody => nonBody.message(3, q => q.string(2, p.in).string(4, p.name).string(6, 'string')))));
  }
  w.message(9, responses => responses.message(1, code => code.string(1, '200').message(2, value => value.message(1, r => r.string(1, 'OK')))));
  if (op['x-kubernetes-action']) vendorExtension(w, 13, 'x-kubernetes-action', op['x-kubernetes-action']);
  if (op['x-kubernetes-group-version-kind']) vendorExtension(w, 13, 'x-kubernetes-group-version-kind', op['x-kubernetes-group-version-kind']);
}

const OPERATION_FIELDS: Record<string, number> = { get: 2, put: 3, post: 4, delete: 5, patch: 8 };

/** Encodes the paths of OpenAPI v3 documents as a gnostic OpenAPI v2 Document. */
export function encodeOpenApiV2(version: string, paths: Record<string, Schema>): Buffer {
  const w = new ProtoWriter();
  w.string(1, '2.0');
  w.message(2, info => info.string(1, 'Kubernetes').string(2, version));
  w.message(8, out => {
    for (const [path, item] of Object.entries(paths)) {
      out.message(2, named =>
        named.string(1, path).message(2, pathItem => {
          for (const [method, field] of Object.entries(OPERATION_FIELDS)) {
            const op = item[method] as Operation | undefined;
            if (op) pathItem.message(field, o => writeOperation(o, op));
          }
        }),
      );
    }
  });
  return w.finish();
}

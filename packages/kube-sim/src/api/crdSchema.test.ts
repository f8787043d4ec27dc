import type { KubeObject } from '../store/types';
import { checkCustomResource, type StructuralSchema } from './crdSchema';

const schema: StructuralSchema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        size: { type: 'integer' },
        port: { 'x-kubernetes-int-or-string': true },
        tags: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' } } } },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        raw: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
    status: { type: 'object', properties: { ready: { type: 'boolean' } } },
  },
};

const widget = (spec: object, extra: object = {}): KubeObject => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec, ...extra });

describe('checkCustomResource', () => {
  it('prunes undeclared fields at every level and keeps preserved or additional ones', () => {
    const object = widget({ size: 1, port: 'http', tags: [{ key: 'a', extra: 1 }], labels: { x: 'y' }, raw: { anything: [1] }, colour: 'red' }, { junk: true });
    const findings = checkCustomResource(schema, object);
    expect(findings).toEqual({ unknown: ['spec.tags[0].extra', 'spec.colour', 'junk'], invalid: [] });
    expect(object).toEqual(widget({ size: 1, port: 'http', tags: [{ key: 'a' }], labels: { x: 'y' }, raw: { anything: [1] } }));
  });

  it('reports values of the wrong type like the real server', () => {
    const findings = checkCustomResource(schema, widget({ size: '3', port: 1.5, labels: { x: 1 } }));
    expect(findings.invalid).toEqual([
      { field: 'spec.size', message: 'Invalid value: "string": spec.size in body must be of type integer: "string"' },
      { field: 'spec.port', message: 'Invalid value: "number": spec.port in body must be of type integer,string: "number"' },
      { field: 'spec.labels.x', message: 'Invalid value: "number": spec.labels.x in body must be of type string: "number"' },
    ]);
  });
});

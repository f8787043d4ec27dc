import { serverSideApply } from './apply';
import { applyJsonPatch, applyMergePatch, strategicMerge } from './patch';
import type { KubeObject } from '../store/types';

const live = {
  spec: {
    containers: [
      { name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }], ports: [{ containerPort: 80 }] },
      { name: 'b', image: 'b:1' },
    ],
    volumes: [{ name: 'v1' }],
    tolerations: [{ key: 't' }],
  },
  metadata: { finalizers: ['f1'], labels: { keep: 'yes', drop: 'me' } },
};

describe('patches', () => {
  it('merges lists by their patch merge keys in strategic merge patches', () => {
    const out = strategicMerge(live, {
      spec: {
        containers: [{ name: 'a', image: 'a:2', env: [{ name: 'Y', value: '2' }] }, { name: 'b', $patch: 'delete' }],
        tolerations: [{ key: 'u' }],
        $setElementOrder: {},
      },
      metadata: { finalizers: ['f2'], labels: { drop: null } },
    }) as typeof live;
    expect(out.spec.containers).toEqual([
      { name: 'a', image: 'a:2', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }], ports: [{ containerPort: 80 }] },
    ]);
    expect(out.spec.tolerations).toEqual([{ key: 'u' }]);
    expect(out.spec.volumes).toEqual([{ name: 'v1' }]);
    expect(out.metadata).toEqual({ finalizers: ['f1', 'f2'], labels: { keep: 'yes' } });
  });

  it('replaces lists in merge patches and applies JSON patch operations', () => {
    expect((applyMergePatch(live, { spec: { volumes: [] } }) as typeof live).spec.volumes).toEqual([]);
    const out = applyJsonPatch(live, [
      { op: 'replace', path: '/spec/containers/0/image', value: 'a:3' },
      { op: 'add', path: '/spec/volumes/-', value: { name: 'v2' } },
      { op: 'remove', path: '/metadata/labels/drop' },
      { op: 'test', path: '/spec/containers/1/name', value: 'b' },
    ]) as typeof live;
    expect(out.spec.containers[0].image).toBe('a:3');
    expect(out.spec.volumes).toEqual([{ name: 'v1' }, { name: 'v2' }]);
    expect(out.metadata.labels).toEqual({ keep: 'yes' });
    expect(() => applyJsonPatch(live, [{ op: 'test', path: '/spec/containers/1/name', value: 'x' }])).toThrow(/testing value/);
    expect(() => applyJsonPatch(live, [{ op: 'remove', path: '/nope/x' }])).toThrow(/missing path/);
  });
});

describe('server-side apply', () => {
  const cm = (data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'n' }, data });
  const apply = (current: KubeObject | undefined, applied: KubeObject, manager: string, force = false) =>
    serverSideApply(current, applied, { manager, force, apiVersion: 'v1', now: '2026-01-01T00:00:00Z', strategic: true });

  it('records ownership, removes fields a manager stops applying and reports conflicts', () => {
    const first = apply(undefined, cm({ a: '1', b: '2' }), 'alice');
    expect(first.data).toEqual({ a: '1', b: '2' });
    expect(first.metadata.managedFields).toEqual([
      expect.objectContaining({ manager: 'alice', operation: 'Apply', fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } } }),
    ]);
    const shrunk = apply(first, cm({ a: '1' }), 'alice');
    expect(shrunk.data).toEqual({ a: '1' });
    expect(() => apply(shrunk, cm({ a: '9' }), 'bob')).toThrow('Apply failed with 1 conflict: conflict with "alice" using v1: .data.a');
    const shared = apply(shrunk, cm({ a: '1', c: '3' }), 'bob');
    expect(shared.data).toEqual({ a: '1', c: '3' });
    const forced = apply(shared, cm({ a: '9' }), 'bob', true);
    expect(forced.data).toEqual({ a: '9' });
    expect((forced.metadata.managedFields as Array<{ manager: string }>).map(m => m.manager)).toEqual(['bob']);
  });
});

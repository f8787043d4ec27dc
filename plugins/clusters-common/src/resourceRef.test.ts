import {
  decodeClusterResourceRef,
  encodeClusterResourceRef,
} from './resourceRef';

describe('cluster resource refs', () => {
  it('round-trips names with slashes and cluster-scoped objects', () => {
    const ns = {
      cluster: 'arn:aws/eks/prod',
      namespace: 'team-a',
      kind: 'Pod',
    };
    const node = { cluster: 'demo', kind: 'Node' };
    expect(decodeClusterResourceRef(encodeClusterResourceRef(ns))).toEqual(ns);
    expect(decodeClusterResourceRef(encodeClusterResourceRef(node))).toEqual(
      node,
    );
    expect(decodeClusterResourceRef('nonsense')).toBeUndefined();
  });
});

import { clusterResourcePermissionRules } from './rules';

const { isInCluster, isInNamespace, isKind } = clusterResourcePermissionRules;

const pod = { cluster: 'demo', namespace: 'team-a', kind: 'Pod' };
const node = { cluster: 'demo', kind: 'Node' };

describe('clusterResourcePermissionRules', () => {
  it('names the rules as policies refer to them', () => {
    expect([isInCluster.name, isInNamespace.name, isKind.name]).toEqual([
      'IS_IN_CLUSTER',
      'IS_IN_NAMESPACE',
      'IS_KIND',
    ]);
    for (const rule of [isInCluster, isInNamespace, isKind]) {
      expect(rule.resourceType).toBe('kubedeck-cluster-resource');
    }
  });

  describe('IS_IN_CLUSTER', () => {
    it('matches objects in one of the clusters', () => {
      expect(isInCluster.apply(pod, { clusters: ['prod', 'demo'] })).toBe(true);
      expect(isInCluster.apply(pod, { clusters: ['prod'] })).toBe(false);
      expect(isInCluster.apply(pod, { clusters: [] })).toBe(false);
    });

    it('filters by cluster', () => {
      expect(isInCluster.toQuery({ clusters: ['demo'] })).toEqual({
        property: 'cluster',
        values: ['demo'],
      });
    });
  });

  describe('IS_IN_NAMESPACE', () => {
    it('matches objects in one of the namespaces', () => {
      expect(isInNamespace.apply(pod, { namespaces: ['team-a'] })).toBe(true);
      expect(isInNamespace.apply(pod, { namespaces: ['team-b'] })).toBe(false);
    });

    it('never matches cluster-scoped objects', () => {
      expect(isInNamespace.apply(node, { namespaces: ['team-a'] })).toBe(false);
      expect(isInNamespace.apply(node, { namespaces: [''] })).toBe(false);
    });

    it('filters by namespace', () => {
      expect(
        isInNamespace.toQuery({ namespaces: ['team-a', 'team-b'] }),
      ).toEqual({ property: 'namespace', values: ['team-a', 'team-b'] });
    });
  });

  describe('IS_KIND', () => {
    it('matches objects of one of the kinds', () => {
      expect(isKind.apply(pod, { kinds: ['Deployment', 'Pod'] })).toBe(true);
      expect(isKind.apply(node, { kinds: ['Pod'] })).toBe(false);
    });

    it('filters by kind', () => {
      expect(isKind.toQuery({ kinds: ['Pod'] })).toEqual({
        property: 'kind',
        values: ['Pod'],
      });
    });
  });
});

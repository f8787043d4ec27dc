import { isResourcePermission } from '@backstage/plugin-permission-common';
import { CLUSTER_RESOURCE_TYPE, clustersPermissions } from './permissions';

describe('clustersPermissions', () => {
  it('names every permission under kubedeck.clusters, once', () => {
    const names = clustersPermissions.map(permission => permission.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every(name => name.startsWith('kubedeck.clusters.'))).toBe(
      true,
    );
  });

  it('makes everything but listing clusters a cluster resource permission', () => {
    const basic = clustersPermissions.filter(
      permission => !isResourcePermission(permission, CLUSTER_RESOURCE_TYPE),
    );
    expect(basic.map(permission => permission.name)).toEqual([
      'kubedeck.clusters.read',
    ]);
  });
});

import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { clusterResourceUpdatePermission } from '@kubedeck/plugin-clusters-common';
import {
  clusterResourceConditions,
  createClusterResourceConditionalDecision,
} from './conditions';

describe('clusterResourceConditions', () => {
  it('builds conditional decisions addressed to the clusters plugin', () => {
    expect(
      createClusterResourceConditionalDecision(
        clusterResourceUpdatePermission,
        clusterResourceConditions.isInNamespace({ namespaces: ['team-a'] }),
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'clusters',
      resourceType: 'kubedeck-cluster-resource',
      conditions: {
        rule: 'IS_IN_NAMESPACE',
        resourceType: 'kubedeck-cluster-resource',
        params: { namespaces: ['team-a'] },
      },
    });
  });
});

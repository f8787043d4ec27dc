import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  clusterResourceReadPermission,
  clustersReadPermission,
} from '@kubedeck/plugin-clusters-common';
import {
  createClusterResourceConditionalDecision,
  clusterResourceConditions,
} from '../conditions';
import { ClusterPermissionChecker } from './permissions';

describe('ClusterPermissionChecker', () => {
  const credentials = mockCredentials.user();

  it('names the missing permission', async () => {
    const checker = new ClusterPermissionChecker(
      mockServices.permissions.mock({
        authorize: async () => [{ result: AuthorizeResult.DENY }],
      }),
      credentials,
    );
    await expect(checker.assertBasic(clustersReadPermission)).rejects.toThrow(
      'Missing permission kubedeck.clusters.read',
    );
  });

  it('evaluates conditional decisions locally by namespace', async () => {
    const decision = createClusterResourceConditionalDecision(
      clusterResourceReadPermission,
      clusterResourceConditions.isInNamespace({ namespaces: ['team-a'] }),
    );
    const checker = new ClusterPermissionChecker(
      mockServices.permissions.mock({
        authorizeConditional: async () => [decision],
      }),
      credentials,
    );
    const visible = await checker.filter(clusterResourceReadPermission);
    expect(visible({ cluster: 'demo', namespace: 'team-a', kind: 'Pod' })).toBe(
      true,
    );
    expect(visible({ cluster: 'demo', namespace: 'team-b', kind: 'Pod' })).toBe(
      false,
    );
    await expect(
      checker.assert(clusterResourceReadPermission, {
        cluster: 'demo',
        namespace: 'team-b',
        kind: 'Pod',
      }),
    ).rejects.toThrow('Missing permission kubedeck.clusters.resource.read');
  });

  it('announces the refusals it throws, not the decisions it only asks', async () => {
    const denials = { announce: jest.fn() };
    const checker = new ClusterPermissionChecker(
      mockServices.permissions.mock({
        authorize: async () => [{ result: AuthorizeResult.DENY }],
        authorizeConditional: async () => [{ result: AuthorizeResult.DENY }],
      }),
      credentials,
      denials,
    );
    const pod = { cluster: 'demo', namespace: 'team-a', kind: 'Pod' };

    await checker.isAllowed(clusterResourceReadPermission, pod);
    await checker.predicate(clusterResourceReadPermission);
    expect(denials.announce).not.toHaveBeenCalled();

    await expect(checker.assertBasic(clustersReadPermission)).rejects.toThrow();
    await expect(
      checker.assert(clusterResourceReadPermission, pod),
    ).rejects.toThrow();
    await expect(
      checker.filter(clusterResourceReadPermission),
    ).rejects.toThrow();
    expect(denials.announce.mock.calls).toEqual([
      [credentials, clustersReadPermission],
      [credentials, clusterResourceReadPermission],
      [credentials, clusterResourceReadPermission],
    ]);
  });
});

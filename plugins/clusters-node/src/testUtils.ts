/**
 * Test utilities for the Kubedeck clusters plugin: a cluster registry and access service over a
 * fixed list of clusters.
 *
 * @packageDocumentation
 */
import { mockServices } from '@backstage/backend-test-utils';
import {
  ClusterRegistryService,
  DefaultClusterAccessService,
  DefaultClusterRegistry,
} from './access';
import type { ClusterDefinition } from './cluster';

/**
 * A registry that supplies exactly `clusters`.
 *
 * @public
 */
export function fixedClusterRegistry(
  clusters: ClusterDefinition[],
): DefaultClusterRegistry {
  const registry = new DefaultClusterRegistry({
    logger: mockServices.logger.mock(),
  });
  registry.addSuppliers([{ id: 'test', getClusters: async () => clusters }]);
  return registry;
}

/**
 * The clusters access service over `registry`, with every Kubedeck permission granted.
 *
 * @public
 */
export function openClusterAccess(
  registry: ClusterRegistryService,
): DefaultClusterAccessService {
  return new DefaultClusterAccessService(
    registry,
    mockServices.permissions.mock(),
    mockServices.userInfo.mock(),
  );
}

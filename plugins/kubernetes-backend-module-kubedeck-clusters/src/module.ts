import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  kubernetesAuthStrategyExtensionPoint,
  kubernetesClusterSupplierExtensionPoint,
} from '@backstage/plugin-kubernetes-node';
import { clusterRegistryServiceRef } from '@kubedeck/plugin-clusters-node';
import { KubedeckAuthStrategy } from './KubedeckAuthStrategy';
import {
  KUBEDECK_AUTH_PROVIDER,
  KubedeckClustersSupplier,
} from './KubedeckClustersSupplier';

/**
 * Feeds every Kubedeck cluster to `@backstage/plugin-kubernetes-backend`, next to the
 * clusters of its own config.
 *
 * @public
 */
export const kubernetesModuleKubedeckClusters = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'kubedeck-clusters',
  register(env) {
    env.registerInit({
      deps: {
        clusterSuppliers: kubernetesClusterSupplierExtensionPoint,
        authStrategies: kubernetesAuthStrategyExtensionPoint,
        registry: clusterRegistryServiceRef,
      },
      async init({ clusterSuppliers, authStrategies, registry }) {
        authStrategies.addAuthStrategy(
          KUBEDECK_AUTH_PROVIDER,
          new KubedeckAuthStrategy(registry),
        );
        clusterSuppliers.addClusterSupplier(async ({ getDefault }) => {
          const fallback = await getDefault().catch(() => undefined);
          return new KubedeckClustersSupplier(registry, fallback);
        });
      },
    });
  },
});

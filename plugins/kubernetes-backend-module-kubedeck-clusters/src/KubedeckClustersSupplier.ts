import {
  ClusterDetails,
  KubernetesClustersSupplier,
} from '@backstage/plugin-kubernetes-node';
import { ClusterRegistryService } from '@kubedeck/plugin-clusters-node';

/** The auth provider name the module registers for Kubedeck clusters. */
export const KUBEDECK_AUTH_PROVIDER = 'kubedeck';

/**
 * Lists Kubedeck's clusters, after whatever the Kubernetes plugin's own config supplies.
 * Credentials are not copied here: the `kubedeck` auth strategy fetches them per request.
 */
export class KubedeckClustersSupplier implements KubernetesClustersSupplier {
  constructor(
    private readonly registry: ClusterRegistryService,
    private readonly fallback?: KubernetesClustersSupplier,
  ) {}

  async getClusters(
    options: Parameters<KubernetesClustersSupplier['getClusters']>[0],
  ) {
    const own = this.fallback ? await this.fallback.getClusters(options) : [];
    const names = new Set(own.map(cluster => cluster.name));
    const kubedeck = (await this.registry.listClusters())
      .filter(definition => !names.has(definition.name))
      .flatMap((definition): ClusterDetails[] => {
        const cluster = definition.kubeConfig.getCurrentCluster();
        if (!cluster) {
          return [];
        }
        return [
          {
            name: definition.name,
            title: definition.title,
            url: cluster.server,
            caData: cluster.caData,
            caFile: cluster.caFile,
            skipTLSVerify: cluster.skipTLSVerify,
            authMetadata: {
              'kubernetes.io/auth-provider': KUBEDECK_AUTH_PROVIDER,
            },
          },
        ];
      });
    return [...own, ...kubedeck];
  }
}

import { Config } from '@backstage/config';
import {
  ClusterDefinition,
  ClusterSupplier,
} from '@kubedeck/plugin-clusters-node';
import { KubeConfig } from '@kubernetes/client-node';
import { namespaceFiltersFromConfig } from './namespaceFiltersFromConfig';

/**
 * The cluster Backstage runs in, through its service account
 * (`kubedeck.clusters.inCluster.enabled`). Only when `KUBERNETES_SERVICE_HOST` is set.
 */
export class InClusterSupplier implements ClusterSupplier {
  readonly id = 'in-cluster';

  private constructor(private readonly cluster: ClusterDefinition) {}

  static fromConfig(config: Config): InClusterSupplier | undefined {
    const inCluster = config.getOptionalConfig('kubedeck.clusters.inCluster');
    if (
      !inCluster?.getOptionalBoolean('enabled') ||
      !process.env.KUBERNETES_SERVICE_HOST
    ) {
      return undefined;
    }
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromCluster();
    return new InClusterSupplier({
      name: inCluster.getOptionalString('name') ?? 'in-cluster',
      title: inCluster.getOptionalString('title'),
      connectionType: 'direct',
      kubeConfig,
      impersonateUsers:
        inCluster.getOptionalBoolean('impersonateUsers') ?? false,
      namespaceFilters: namespaceFiltersFromConfig(inCluster),
    });
  }

  async getClusters(): Promise<ClusterDefinition[]> {
    return [this.cluster];
  }
}

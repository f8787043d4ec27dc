import { Config } from '@backstage/config';
import {
  ClusterDefinition,
  ClusterSupplier,
} from '@kubedeck/plugin-clusters-node';
import { KubeConfig, User } from '@kubernetes/client-node';
import { namespaceFiltersFromConfig } from './namespaceFiltersFromConfig';

function userFromConfig(name: string, auth: Config | undefined): User {
  const token = auth?.getOptionalString('token');
  const tokenFile = auth?.getOptionalString('tokenFile');
  const certData = auth?.getOptionalString('clientCertData');
  const keyData = auth?.getOptionalString('clientKeyData');
  const kinds = [token, tokenFile, certData ?? keyData].filter(Boolean).length;
  if (kinds > 1) {
    throw new Error(
      `Cluster ${name}: auth takes one of token, tokenFile or clientCertData+clientKeyData`,
    );
  }
  if (Boolean(certData) !== Boolean(keyData)) {
    throw new Error(
      `Cluster ${name}: auth.clientCertData and auth.clientKeyData go together`,
    );
  }
  if (tokenFile) {
    return {
      name,
      authProvider: { name: 'tokenFile', config: { tokenFile } },
    };
  }
  return { name, token, certData, keyData };
}

/** Reads one `kubedeck.clusters.list[]` entry. */
export function clusterFromConfig(config: Config): ClusterDefinition {
  const name = config.getString('name');
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromClusterAndUser(
    {
      name,
      server: config.getString('url'),
      caData: config.getOptionalString('caData'),
      caFile: config.getOptionalString('caFile'),
      skipTLSVerify: config.getOptionalBoolean('skipTLSVerify') ?? false,
    },
    userFromConfig(name, config.getOptionalConfig('auth')),
  );
  return {
    name,
    title: config.getOptionalString('title'),
    connectionType: 'direct',
    kubeConfig,
    impersonateUsers: config.getOptionalBoolean('impersonateUsers') ?? false,
    namespaceFilters: namespaceFiltersFromConfig(config),
  };
}

/** Clusters listed under `kubedeck.clusters.list`. Read once: config does not change. */
export class ConfigClusterSupplier implements ClusterSupplier {
  readonly id = 'config';
  readonly #clusters: ClusterDefinition[];

  constructor(entries: Config[]) {
    this.#clusters = entries.map(clusterFromConfig);
  }

  static fromConfig(config: Config): ConfigClusterSupplier {
    return new ConfigClusterSupplier(
      config.getOptionalConfigArray('kubedeck.clusters.list') ?? [],
    );
  }

  async getClusters(): Promise<ClusterDefinition[]> {
    return this.#clusters;
  }
}

import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterSupplier } from '@kubedeck/plugin-clusters-node';
import { ConfigClusterSupplier } from './ConfigClusterSupplier';
import { DemoClusterSupplier } from './DemoClusterSupplier';
import { InClusterSupplier } from './InClusterSupplier';
import { KubeconfigFileSupplier } from './KubeconfigFileSupplier';

/** The built-in suppliers enabled by `kubedeck.clusters` config. */
export function builtInSuppliers(
  config: Config,
  logger: LoggerService,
): ClusterSupplier[] {
  return [
    ConfigClusterSupplier.fromConfig(config),
    KubeconfigFileSupplier.fromConfig(config, logger),
    InClusterSupplier.fromConfig(config),
    DemoClusterSupplier.fromConfig(config, logger),
  ].filter((supplier): supplier is NonNullable<typeof supplier> =>
    Boolean(supplier),
  );
}

export {
  ConfigClusterSupplier,
  DemoClusterSupplier,
  InClusterSupplier,
  KubeconfigFileSupplier,
};

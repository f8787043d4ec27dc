import fs from 'node:fs/promises';
import path from 'node:path';
import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterDefinition,
  ClusterSupplier,
} from '@kubedeck/plugin-clusters-node';
import { KubeConfig } from '@kubernetes/client-node';

/**
 * The kube-sim demo cluster (`kubedeck.clusters.demo.kubeconfigPath`). `make start` writes the
 * kubeconfig when kube-sim starts; until the file exists there is no demo cluster.
 */
export class DemoClusterSupplier implements ClusterSupplier {
  readonly id = 'demo';
  #cached?: { mtimeMs: number; cluster: ClusterDefinition };
  #reportedMissing = false;

  constructor(
    private readonly kubeconfigPath: string,
    private readonly name: string,
    private readonly title: string,
    private readonly logger: LoggerService,
  ) {}

  static fromConfig(
    config: Config,
    logger: LoggerService,
  ): DemoClusterSupplier | undefined {
    const demo = config.getOptionalConfig('kubedeck.clusters.demo');
    const kubeconfigPath = demo?.getOptionalString('kubeconfigPath');
    if (!demo || !kubeconfigPath) {
      return undefined;
    }
    return new DemoClusterSupplier(
      path.resolve(kubeconfigPath),
      demo.getOptionalString('name') ?? 'demo',
      demo.getOptionalString('title') ?? 'Demo cluster (kube-sim)',
      logger,
    );
  }

  async getClusters(): Promise<ClusterDefinition[]> {
    let mtimeMs: number;
    try {
      mtimeMs = (await fs.stat(this.kubeconfigPath)).mtimeMs;
    } catch {
      if (!this.#reportedMissing) {
        this.logger.info(
          `No demo cluster: ${this.kubeconfigPath} does not exist (kube-sim writes it when it starts)`,
        );
        this.#reportedMissing = true;
      }
      return [];
    }
    this.#reportedMissing = false;
    if (this.#cached?.mtimeMs !== mtimeMs) {
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromFile(this.kubeconfigPath);
      this.#cached = {
        mtimeMs,
        cluster: {
          name: this.name,
          title: this.title,
          connectionType: 'demo',
          kubeConfig,
        },
      };
    }
    return [this.#cached.cluster];
  }
}

import fs from 'node:fs/promises';
import path from 'node:path';
import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterDefinition,
  ClusterSupplier,
} from '@kubedeck/plugin-clusters-node';
import { KubeConfig } from '@kubernetes/client-node';
import { namespaceFiltersFromConfig } from './namespaceFiltersFromConfig';
import { splitKubeConfig } from './kubeconfigContexts';

type Entry = {
  path: string;
  contexts?: string[];
  impersonateUsers: boolean;
  config: Config;
};

/**
 * Clusters from kubeconfig files (`kubedeck.clusters.kubeconfig[]`), one per context. Files are
 * re-read when they change; a missing or broken file is logged and yields no cluster.
 */
export class KubeconfigFileSupplier implements ClusterSupplier {
  readonly id = 'kubeconfig';
  readonly #cache = new Map<
    string,
    { mtimeMs: number; clusters: ClusterDefinition[] }
  >();

  constructor(
    private readonly entries: Entry[],
    private readonly logger: LoggerService,
  ) {}

  static fromConfig(config: Config, logger: LoggerService) {
    const entries = (
      config.getOptionalConfigArray('kubedeck.clusters.kubeconfig') ?? []
    ).map(entry => ({
      path: path.resolve(entry.getString('path')),
      contexts: entry.getOptionalStringArray('contexts'),
      impersonateUsers: entry.getOptionalBoolean('impersonateUsers') ?? false,
      config: entry,
    }));
    return new KubeconfigFileSupplier(entries, logger);
  }

  async getClusters(): Promise<ClusterDefinition[]> {
    const all = await Promise.all(this.entries.map(entry => this.#read(entry)));
    return all.flat();
  }

  async #read(entry: Entry): Promise<ClusterDefinition[]> {
    let mtimeMs: number;
    try {
      mtimeMs = (await fs.stat(entry.path)).mtimeMs;
    } catch {
      this.logger.warn(`Kubeconfig file ${entry.path} not found`);
      return [];
    }
    const cached = this.#cache.get(entry.path);
    if (cached && cached.mtimeMs === mtimeMs) {
      return cached.clusters;
    }
    const source = new KubeConfig();
    source.loadFromFile(entry.path);
    const clusters = [...splitKubeConfig(source, entry.contexts)].map(
      ([context, kubeConfig]): ClusterDefinition => ({
        name: context,
        title: context,
        connectionType: 'direct',
        kubeConfig,
        impersonateUsers: entry.impersonateUsers,
        namespaceFilters: namespaceFiltersFromConfig(entry.config),
      }),
    );
    this.#cache.set(entry.path, { mtimeMs, clusters });
    return clusters;
  }
}

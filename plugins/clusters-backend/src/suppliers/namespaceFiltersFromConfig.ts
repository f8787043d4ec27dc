import { Config } from '@backstage/config';
import { ClusterNamespaceFilters } from '@kubedeck/plugin-clusters-node';

function validPatterns(config: Config, key: string): string[] | undefined {
  const patterns = config.getOptionalStringArray(key);
  for (const pattern of patterns ?? []) {
    try {
      RegExp(pattern);
    } catch (error) {
      throw new Error(
        `Invalid regular expression in ${key}: ${(error as Error).message}`,
      );
    }
  }
  return patterns;
}

/** Reads the optional `namespaces` block of a cluster entry. */
export function namespaceFiltersFromConfig(
  config: Config,
): ClusterNamespaceFilters | undefined {
  const namespaces = config.getOptionalConfig('namespaces');
  if (!namespaces) {
    return undefined;
  }
  return {
    allow: namespaces.getOptionalStringArray('allow'),
    include: validPatterns(namespaces, 'include'),
    exclude: validPatterns(namespaces, 'exclude'),
    excludeLabels: namespaces.getOptionalStringArray('excludeLabels'),
  };
}

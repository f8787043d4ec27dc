import type { ClusterInfo } from '@kubedeck/plugin-clusters-common';
import {
  ClusterClient,
  ClusterDefinition,
} from '@kubedeck/plugin-clusters-node';

const PROBE_TIMEOUT_MS = 5_000;
const COUNT_PAGE = 5_000;

type ListBody = {
  items?: unknown[];
  metadata?: { continue?: string; remainingItemCount?: number };
};

/**
 * Counts the objects of a list path without reading them all when the server reports
 * `remainingItemCount`; otherwise pages through them.
 */
export async function countObjects(
  client: ClusterClient,
  path: string,
  signal?: AbortSignal,
): Promise<number> {
  const first = await client.requestJson<ListBody>({
    path,
    query: { limit: 1 },
    signal,
  });
  const seen = first.items?.length ?? 0;
  if (first.metadata?.remainingItemCount !== undefined) {
    return seen + first.metadata.remainingItemCount;
  }
  let total = seen;
  let token = first.metadata?.continue;
  while (token) {
    const page = await client.requestJson<ListBody>({
      path,
      query: { limit: COUNT_PAGE, continue: token },
      signal,
    });
    total += page.items?.length ?? 0;
    token = page.metadata?.continue;
  }
  return total;
}

/** Human-readable error without anything that could carry a credential. */
export function probeErrorMessage(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (err?.name === 'AbortError' || err?.name === 'TimeoutError') {
    return 'The cluster did not answer in time';
  }
  if (err?.code) {
    return `${err.code}: ${err.message}`;
  }
  return err?.message ?? String(error);
}

/** Probes one cluster: version, counts and capabilities. Never throws. */
export async function probeCluster(
  definition: ClusterDefinition,
  client: ClusterClient,
  previous?: ClusterInfo,
): Promise<ClusterInfo> {
  const base = {
    name: definition.name,
    title: definition.title ?? definition.name,
    connectionType: definition.connectionType,
    labels: definition.labels,
  };
  const checkedAt = new Date().toISOString();
  const signal = AbortSignal.timeout(PROBE_TIMEOUT_MS);
  try {
    const [version, groups, nodeCount, podCount] = await Promise.all([
      client.requestJson<{ gitVersion?: string }>({ path: '/version', signal }),
      client.requestJson<{ groups?: { name: string }[] }>({
        path: '/apis',
        signal,
      }),
      countObjects(client, '/api/v1/nodes', signal),
      countObjects(client, '/api/v1/pods', signal),
    ]);
    const groupNames = new Set((groups.groups ?? []).map(g => g.name));
    return {
      ...base,
      status: { reachable: true, checkedAt, lastSeenAt: checkedAt },
      version: version.gitVersion,
      nodeCount,
      podCount,
      capabilities: {
        metrics: groupNames.has('metrics.k8s.io'),
        crds: groupNames.has('apiextensions.k8s.io'),
      },
    };
  } catch (error) {
    return {
      ...base,
      status: {
        reachable: false,
        checkedAt,
        lastError: probeErrorMessage(error),
        lastSeenAt: previous?.status.lastSeenAt,
      },
      version: previous?.version,
      capabilities: previous?.capabilities ?? { metrics: false, crds: false },
    };
  }
}

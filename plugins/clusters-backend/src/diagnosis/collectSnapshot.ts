import { ClusterClient } from '@kubedeck/plugin-clusters-node';
import { listAll } from '../service/listAll';
import { ClusterSnapshot } from './types';

const PATHS = {
  pods: '/api/v1/pods',
  events: '/api/v1/events',
  nodes: '/api/v1/nodes',
  pvcs: '/api/v1/persistentvolumeclaims',
  jobs: '/apis/batch/v1/jobs',
  deployments: '/apis/apps/v1/deployments',
  services: '/api/v1/services',
  hpas: '/apis/autoscaling/v2/horizontalpodautoscalers',
};
const PREVIOUS_LOG_LINES = 5;
const MAX_LOG_FETCHES = 20;

async function previousLogs(client: ClusterClient, pods: any[]) {
  const logs = new Map<string, string[]>();
  const crashing = pods.flatMap(pod =>
    (pod.status?.containerStatuses ?? [])
      .filter((s: any) => s.state?.waiting?.reason === 'CrashLoopBackOff')
      .map((s: any) => ({ pod, container: s.name })),
  );
  for (const { pod, container } of crashing.slice(0, MAX_LOG_FETCHES)) {
    const { namespace, name } = pod.metadata;
    const response = await client.request({
      path: `/api/v1/namespaces/${namespace}/pods/${name}/log`,
      query: { container, previous: true, tailLines: PREVIOUS_LOG_LINES },
    });
    const chunks: Buffer[] = [];
    for await (const chunk of response.body) chunks.push(Buffer.from(chunk));
    if (response.status === 200) {
      const lines = Buffer.concat(chunks)
        .toString('utf8')
        .split('\n')
        .filter(Boolean);
      logs.set(
        `${namespace}/${name}/${container}`,
        lines.map(l => l.slice(0, 500)),
      );
    }
  }
  return logs;
}

/**
 * Reads what the analyzers need from one cluster, leaving out namespaces hidden by the
 * cluster's configured filters. A kind the cluster does not serve counts as empty.
 */
export async function collectSnapshot(
  client: ClusterClient,
): Promise<ClusterSnapshot> {
  const entries = await Promise.all(
    Object.entries(PATHS).map(async ([key, path]) => {
      const items = await listAll(client, path, { pageSize: 1000 })
        .then(list => list.items)
        .catch(error => {
          if (error?.name === 'NotFoundError') return [];
          throw error;
        });
      const visible = await Promise.all(
        items.map(item =>
          item.metadata?.namespace
            ? client.namespaces.allows(item.metadata.namespace)
            : true,
        ),
      );
      return [key, items.filter((_, i) => visible[i])] as const;
    }),
  );
  const lists = Object.fromEntries(entries) as Omit<
    ClusterSnapshot,
    'cluster' | 'previousLogs'
  >;
  return {
    cluster: client.name,
    ...lists,
    previousLogs: await previousLogs(client, lists.pods),
  };
}

import type {
  MetricsResult,
  ResourceUsage,
} from '@kubedeck/plugin-clusters-common';
import { clusterResourceReadPermission } from '@kubedeck/plugin-clusters-common';
import { ClusterClient, readKubeJson } from '@kubedeck/plugin-clusters-node';
import { Router } from 'express';
import { RequestContexts } from './RequestContext';
import { toBytes, toMillicores } from './quantity';
import { createVisibilityFilter, filterVisible } from './visibility';

const METRICS_GROUP = 'metrics.k8s.io';

type Usage = { cpu?: string; memory?: string };

function usage(u: Usage | undefined) {
  return {
    cpuMillicores: toMillicores(u?.cpu),
    memoryBytes: toBytes(u?.memory),
  };
}

async function metricsAvailability(
  contexts: RequestContexts,
  cluster: string,
): Promise<string | undefined> {
  const resources = await contexts.discovery.list(cluster);
  if (!resources.some(r => r.group === METRICS_GROUP)) {
    return `The cluster does not serve ${METRICS_GROUP} (metrics-server is not installed)`;
  }
  return undefined;
}

async function fetchMetrics(client: ClusterClient, path: string) {
  const response = await client.request({ path });
  if (response.status === 404 || response.status === 503) {
    response.body.resume();
    return { unavailable: `The metrics API answered ${response.status}` };
  }
  return { list: await readKubeJson<any>(response) };
}

async function podMetrics(
  client: ClusterClient,
  contexts: RequestContexts,
  namespace?: string,
): Promise<MetricsResult> {
  if (namespace) {
    await client.assertNamespaceVisible(namespace);
    await client.permissions!.assert(clusterResourceReadPermission, {
      cluster: client.name,
      namespace,
      kind: 'Pod',
    });
  }
  const visible = await createVisibilityFilter(
    client,
    'Pod',
    clusterResourceReadPermission,
  );
  const reason = await metricsAvailability(contexts, client.name);
  if (reason) {
    return { available: false, reason };
  }
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const result = await fetchMetrics(
    client,
    `/apis/${METRICS_GROUP}/v1beta1${ns}/pods`,
  );
  if (!result.list) {
    return { available: false, reason: result.unavailable! };
  }
  const items = (await filterVisible(result.list.items ?? [], visible)).map(
    (m: any): ResourceUsage => {
      const containers = (m.containers ?? []).map((c: any) => ({
        name: c.name,
        ...usage(c.usage),
      }));
      return {
        name: m.metadata?.name,
        namespace: m.metadata?.namespace,
        timestamp: m.timestamp,
        cpuMillicores: containers.reduce(
          (sum: number, c: any) => sum + (c.cpuMillicores ?? 0),
          0,
        ),
        memoryBytes: containers.reduce(
          (sum: number, c: any) => sum + (c.memoryBytes ?? 0),
          0,
        ),
        containers,
      };
    },
  );
  return { available: true, items };
}

async function nodeMetrics(
  client: ClusterClient,
  contexts: RequestContexts,
): Promise<MetricsResult> {
  await client.permissions!.assert(clusterResourceReadPermission, {
    cluster: client.name,
    kind: 'Node',
  });
  const reason = await metricsAvailability(contexts, client.name);
  if (reason) {
    return { available: false, reason };
  }
  const result = await fetchMetrics(
    client,
    `/apis/${METRICS_GROUP}/v1beta1/nodes`,
  );
  if (!result.list) {
    return { available: false, reason: result.unavailable! };
  }
  const items = (result.list.items ?? []).map(
    (m: any): ResourceUsage => ({
      name: m.metadata?.name,
      timestamp: m.timestamp,
      ...usage(m.usage),
    }),
  );
  return { available: true, items };
}

/** Pod and node CPU/memory from metrics.k8s.io. */
export function addMetricsRoutes(router: Router, contexts: RequestContexts) {
  router.get('/clusters/:cluster/metrics/nodes', async (req, res) => {
    res.json(await nodeMetrics(await contexts.client(req), contexts));
  });
  router.get('/clusters/:cluster/metrics/pods', async (req, res) => {
    res.json(await podMetrics(await contexts.client(req), contexts));
  });
  router.get(
    '/clusters/:cluster/namespaces/:namespace/metrics/pods',
    async (req, res) => {
      res.json(
        await podMetrics(
          await contexts.client(req),
          contexts,
          req.params.namespace,
        ),
      );
    },
  );
}

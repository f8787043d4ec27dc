import { HttpAuthService } from '@backstage/backend-plugin-api';
import type {
  ClusterDiagnosis,
  ClusterHealthSummary,
} from '@kubedeck/plugin-clusters-common';
import { clusterResourceReadPermission } from '@kubedeck/plugin-clusters-common';
import {
  ClusterAccessService,
  ClusterClient,
} from '@kubedeck/plugin-clusters-node';
import { Request, Router } from 'express';
import { z } from 'zod';
import { DiagnosisStore } from '../database/DiagnosisStore';
import { parseInput } from '@kubedeck/plugin-kubedeck-node';
import { kubeKind, kubeName, kubeNamespace } from '../service/validation';
import { permissionTarget } from '../service/visibility';

const listQuery = z.object({
  cluster: z.string().min(1).optional(),
  namespace: kubeNamespace.optional(),
  kind: kubeKind.optional(),
  name: kubeName.optional(),
  state: z.enum(['open', 'resolved', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** Keeps the diagnoses whose object the caller may read in a namespace it may see. */
async function visibleDiagnoses(
  client: ClusterClient,
  diagnoses: ClusterDiagnosis[],
) {
  const allowed = await client
    .permissions!.filter(clusterResourceReadPermission)
    .catch(() => () => false);
  const result: ClusterDiagnosis[] = [];
  for (const d of diagnoses) {
    const object = { metadata: { name: d.name, namespace: d.namespace } };
    if (!allowed(permissionTarget(client.name, d.kind, object))) continue;
    if (d.namespace && !(await client.namespaces.allows(d.namespace))) continue;
    result.push(d);
  }
  return result;
}

function summarize(
  cluster: string,
  diagnoses: ClusterDiagnosis[],
): ClusterHealthSummary {
  const summary: ClusterHealthSummary = {
    cluster,
    critical: 0,
    warning: 0,
    byType: {},
  };
  for (const d of diagnoses) {
    summary[d.severity] += 1;
    summary.byType[d.type] = (summary.byType[d.type] ?? 0) + 1;
  }
  return summary;
}

/** `GET /diagnoses`, `GET /health` and `GET /clusters/{c}/health`. */
export function addDiagnosisRoutes(
  router: Router,
  options: {
    httpAuth: HttpAuthService;
    access: ClusterAccessService;
    store: DiagnosisStore;
  },
) {
  const { httpAuth, access, store } = options;
  /** Clients for the named clusters (404 for an unknown one), or for every cluster. */
  const perCluster = async (req: Request, names?: string[]) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const selected =
      names ?? (await access.listClusters({ credentials })).map(c => c.name);
    return Promise.all(
      selected.map(cluster => access.forCaller({ credentials, cluster })),
    );
  };

  router.get('/diagnoses', async (req, res) => {
    const query = parseInput(listQuery, req.query, 'query');
    const clients = await perCluster(
      req,
      query.cluster ? [query.cluster] : undefined,
    );
    if (query.namespace && query.cluster) {
      // A namespace the cluster's filters hide looks missing, as on every other route.
      await clients[0].assertNamespaceVisible(query.namespace);
    }
    const items = [];
    for (const client of clients) {
      const stored = await store.list({ ...query, cluster: client.name });
      items.push(...(await visibleDiagnoses(client, stored)));
    }
    res.json({ items });
  });

  router.get('/health', async (req, res) => {
    const clients = await perCluster(req);
    const items = await Promise.all(
      clients.map(async client =>
        summarize(
          client.name,
          await visibleDiagnoses(
            client,
            await store.list({ cluster: client.name, state: 'open' }),
          ),
        ),
      ),
    );
    res.json({ items });
  });

  router.get('/clusters/:cluster/health', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const client = await access.forCaller({
      credentials,
      cluster: req.params.cluster,
    });
    const open = await store.list({ cluster: client.name, state: 'open' });
    res.json(summarize(client.name, await visibleDiagnoses(client, open)));
  });
}

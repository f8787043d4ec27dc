import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { ClusterAccessService } from '@kubedeck/plugin-clusters-node';
import { Router } from 'express';
import { ClusterStatusService } from './ClusterStatusService';
import { RequestContexts } from './RequestContext';

/** `GET /clusters`, `GET /clusters/{c}` and `GET /clusters/{c}/resources`. */
export function addClusterRoutes(
  router: Router,
  options: {
    httpAuth: HttpAuthService;
    access: ClusterAccessService;
    status: ClusterStatusService;
    contexts: RequestContexts;
  },
) {
  const { httpAuth, access, status, contexts } = options;

  router.get('/clusters', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const definitions = await access.listClusters({ credentials });
    const items = await Promise.all(definitions.map(d => status.statusOf(d)));
    res.json({ items });
  });

  router.get('/clusters/:cluster', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const definitions = await access.listClusters({ credentials });
    const definition = definitions.find(d => d.name === req.params.cluster);
    if (!definition) {
      throw new NotFoundError(`Cluster ${req.params.cluster} not found`);
    }
    res.json(await status.statusOf(definition));
  });

  router.get('/clusters/:cluster/resources', async (req, res) => {
    const client = await contexts.client(req);
    res.json({ items: await contexts.discovery.list(client.name) });
  });
}

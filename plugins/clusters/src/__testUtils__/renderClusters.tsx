import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ClustersApi, clustersApiRef } from '../api';
import { addClusterRouteRef, rootRouteRef } from '../routes';
import { ClustersPage } from '../components/ClustersPage';

/**
 * Renders the clusters page at `path` with a fake API; `deny` lists permission names the
 * user does not hold.
 */
export function renderClusters(
  api: ClustersApi,
  path: string,
  options: {
    deny?: string[];
    storage?: ReturnType<typeof mockApis.storage>;
  } = {},
) {
  const deny = new Set(options.deny ?? []);
  return renderInTestApp(<ClustersPage />, {
    mountPath: '/clusters/*',
    initialRouteEntries: [path],
    mountedRoutes: { '/clusters': rootRouteRef, '/agents': addClusterRouteRef },
    apis: [
      [clustersApiRef, api],
      mockApis.permission({
        authorize: request =>
          deny.has(request.permission.name)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }),
      options.storage ?? mockApis.storage(),
    ],
  });
}

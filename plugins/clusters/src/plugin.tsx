import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import CloudIcon from '@material-ui/icons/Cloud';
import { clustersApiRef, ClustersClient } from './api';
import { isKubernetesEntity } from './components/EntityWorkloads/entityWorkloadSelector';
import {
  clusterRouteRef,
  diagnosesRouteRef,
  podRouteRef,
  rootRouteRef,
  addClusterRouteRef,
} from './routes';

const clustersApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: clustersApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ClustersClient({ discoveryApi, fetchApi }),
    }),
});

/** `/clusters` and everything below it; its title and icon also make its sidebar entry. */
const clustersPage = PageBlueprint.make({
  params: {
    path: '/clusters',
    title: 'Clusters',
    icon: <CloudIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ClustersPage').then(m => <m.ClustersPage />),
  },
});

/** The entity's workloads across every cluster, for entities that name them. */
const entityWorkloadsContent = EntityContentBlueprint.make({
  name: 'workloads',
  params: {
    path: '/clusters',
    title: 'Clusters',
    filter: isKubernetesEntity,
    loader: () =>
      import('./components/EntityWorkloads').then(m => (
        <m.EntityWorkloadsContent />
      )),
  },
});

/**
 * The Kubedeck clusters plugin: overview, explorer, pod pages with logs and actions,
 * diagnoses, and an entity tab with the entity's workloads.
 *
 * @public
 */
export const clustersPlugin = createFrontendPlugin({
  pluginId: 'clusters',
  title: 'Clusters',
  icon: <CloudIcon />,
  routes: {
    root: rootRouteRef,
    cluster: clusterRouteRef,
    pod: podRouteRef,
    diagnoses: diagnosesRouteRef,
  },
  externalRoutes: { addCluster: addClusterRouteRef },
  extensions: [clustersApi, clustersPage, entityWorkloadsContent],
});

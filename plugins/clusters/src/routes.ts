import {
  createExternalRouteRef,
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/** The clusters overview, `/clusters`. */
export const rootRouteRef = createRouteRef();

/** Diagnoses across clusters. */
export const diagnosesRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/diagnoses',
});

/** One cluster's explorer. */
export const clusterRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/:cluster',
});

/** One pod's page. */
export const podRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/:cluster/namespaces/:namespace/pods/:pod',
});

/** Where a cluster is added: the agent hub's Agents page, when that plugin is installed. */
export const addClusterRouteRef = createExternalRouteRef({
  defaultTarget: 'agent-hub.root',
});

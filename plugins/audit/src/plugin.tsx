import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { auditApiRef, AuditClient } from './api';
import { rootRouteRef } from './routes';

const auditApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: auditApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AuditClient({ discoveryApi, fetchApi }),
    }),
});

/** The Audit page; its title and icon also make its sidebar entry. */
const auditPage = PageBlueprint.make({
  params: {
    path: '/audit',
    title: 'Audit',
    icon: <VerifiedUserIcon />,
    routeRef: rootRouteRef,
    loader: () => import('./components/AuditPage').then(m => <m.AuditPage />),
  },
});

/**
 * The Kubedeck Audit page: audit events with filters and the hash-chain verification result.
 *
 * @public
 */
export const auditPlugin = createFrontendPlugin({
  pluginId: 'kubedeck-audit',
  title: 'Audit',
  icon: <VerifiedUserIcon />,
  routes: { root: rootRouteRef },
  extensions: [auditApi, auditPage],
});

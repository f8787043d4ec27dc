import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import SettingsInputAntennaIcon from '@material-ui/icons/SettingsInputAntenna';
import { agentHubApiRef, AgentHubClient } from './api';
import { rootRouteRef } from './routes';

const agentHubApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: agentHubApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AgentHubClient({ discoveryApi, fetchApi }),
    }),
});

/** The Agents page; its title and icon also make its sidebar entry. */
const agentsPage = PageBlueprint.make({
  params: {
    path: '/agents',
    title: 'Agents',
    icon: <SettingsInputAntennaIcon />,
    routeRef: rootRouteRef,
    loader: () => import('./components/AgentsPage').then(m => <m.AgentsPage />),
  },
});

/**
 * Kubedeck agents: add a cluster through the agent and manage connected agents.
 *
 * @public
 */
export const agentHubPlugin = createFrontendPlugin({
  pluginId: 'agent-hub',
  title: 'Agents',
  icon: <SettingsInputAntennaIcon />,
  routes: { root: rootRouteRef },
  extensions: [agentHubApi, agentsPage],
});

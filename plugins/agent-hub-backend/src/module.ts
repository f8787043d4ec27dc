import { createBackendModule } from '@backstage/backend-plugin-api';
import { clustersSupplierExtensionPoint } from '@kubedeck/plugin-clusters-node';
import { agentTunnelsServiceRef } from './tunnel/AgentTunnels';

/**
 * Supplies agent-connected clusters to the Kubedeck clusters plugin. Each is served by the
 * agent hub as a Kubernetes API endpoint on loopback that forwards over the agent's stream.
 *
 * @public
 */
export const clustersModuleAgentHub = createBackendModule({
  pluginId: 'clusters',
  moduleId: 'agent-hub',
  register(env) {
    env.registerInit({
      deps: {
        suppliers: clustersSupplierExtensionPoint,
        tunnels: agentTunnelsServiceRef,
      },
      async init({ suppliers, tunnels }) {
        suppliers.add({
          id: 'agent-hub',
          getClusters: async () => {
            await tunnels.refresh();
            return tunnels.clusterDefinitions();
          },
        });
      },
    });
  },
});

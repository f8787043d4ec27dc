import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  clustersDiagnosisExtensionPoint,
  clustersSupplierExtensionPoint,
} from '@kubedeck/plugin-clusters-node';
import { failureFindings } from './service/failureFindings';
import { agentTunnelsServiceRef } from './tunnel/AgentTunnels';

/**
 * Supplies agent-connected clusters to the Kubedeck clusters plugin, and the failures their
 * agents report to its diagnoses. Each cluster is served by the agent hub as a Kubernetes API
 * endpoint on loopback that forwards over the agent's stream.
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
        diagnosis: clustersDiagnosisExtensionPoint,
        tunnels: agentTunnelsServiceRef,
      },
      async init({ suppliers, diagnosis, tunnels }) {
        suppliers.add({
          id: 'agent-hub',
          getClusters: async () => {
            await tunnels.refresh();
            return tunnels.clusterDefinitions();
          },
        });
        diagnosis.addFindingSource({
          id: 'agent-hub',
          getFindings: async cluster =>
            failureFindings(await tunnels.openFailures(cluster)),
        });
      },
    });
  },
});

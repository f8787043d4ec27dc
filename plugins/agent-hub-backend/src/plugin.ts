import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { agentHubPermissions } from '@kubedeck/plugin-agent-hub-common';
import { permissionDenialsServiceRef } from '@kubedeck/plugin-kubedeck-node';
import { readAgentHubConfig } from './config';
import { KnexAgentHubStore } from './database/KnexAgentHubStore';
import { HubGrpcServer } from './grpc/HubGrpcServer';
import { AgentLifecycle } from './service/AgentLifecycle';
import { AgentService } from './service/AgentService';
import { PUBLIC_PATHS } from './service/publicRoutes';
import { createRouter } from './service/router';
import { TokenService } from './service/TokenService';
import { agentTunnelsServiceRef } from './tunnel/AgentTunnels';

/**
 * The Kubedeck agent hub (plugin id `agent-hub`): registration tokens, the agents' gRPC
 * server, agent clusters as Kubernetes API endpoints, failure reports.
 *
 * @public
 */
export const agentHubPlugin = createBackendPlugin({
  pluginId: 'agent-hub',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        denials: permissionDenialsServiceRef,
        tunnels: agentTunnelsServiceRef,
        events: eventsServiceRef,
      },
      async init(deps) {
        const { logger, tunnels } = deps;
        const config = readAgentHubConfig(deps.config);
        deps.permissionsRegistry.addPermissions(agentHubPermissions);
        const store = await KnexAgentHubStore.create({
          database: deps.database,
        });
        const tokens = new TokenService(store);
        const lifecycle = new AgentLifecycle({
          store,
          events: deps.events,
          logger,
          offlineAfterSeconds: config.offlineAfterSeconds,
          heldHere: () => tunnels.connectedAgentIds(),
        });
        const agents = new AgentService({
          lifecycle,
          store,
          tunnels,
          logger,
          heartbeatIntervalSeconds: config.heartbeatIntervalSeconds,
          offlineAfterSeconds: config.offlineAfterSeconds,
        });
        await agents.refreshClusters();
        tunnels.connect({
          owners: clusterName => agents.ownerOf(clusterName),
          unavailable: clusterName => agents.unavailableReason(clusterName),
          refresh: () => agents.refreshClusters(),
          openFailures: clusterName => agents.openFailures(clusterName),
        });
        await deps.scheduler.scheduleTask({
          id: 'agent-hub-renew-leases',
          scope: 'local',
          frequency: {
            seconds: Math.max(1, tunnels.settings.leaseSeconds / 3),
          },
          timeout: { seconds: 30 },
          fn: () => agents.renewLeases(),
        });

        const grpc = await HubGrpcServer.start({
          ...config.grpc,
          logger,
          deps: {
            tokens,
            agents,
            tunnels,
            auditor: deps.auditor,
            logger,
            ...config,
          },
        });
        lifecycle.start();
        deps.lifecycle.addShutdownHook(() => {
          lifecycle.stop();
          return grpc.close();
        });

        for (const path of PUBLIC_PATHS) {
          deps.httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
        }
        deps.httpRouter.use(
          createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            denials: deps.denials,
            tokens,
            agents,
            config,
          }),
        );
      },
    });
  },
});

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { KubedeckPermissionPolicy } from './policy/KubedeckPermissionPolicy';

/**
 * Installs the Kubedeck role-based permission policy, configured under
 * `kubedeck.permissions`. Denials are published on `kubedeck.permission.denied`.
 *
 * @public
 */
export const permissionModuleKubedeckPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'kubedeck-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        userInfo: coreServices.userInfo,
        events: eventsServiceRef,
      },
      async init({ policy, config, logger, userInfo, events }) {
        const kubedeckPolicy = KubedeckPermissionPolicy.fromConfig(config, {
          logger,
          userInfo,
          events,
        });
        policy.setPolicy(kubedeckPolicy);
        logger.info(`Kubedeck permission policy: ${kubedeckPolicy.describe()}`);
      },
    });
  },
});

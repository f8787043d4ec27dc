import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { KubedeckPermissionPolicy } from './policy/KubedeckPermissionPolicy';

/**
 * Installs the Kubedeck role-based permission policy, configured under
 * `kubedeck.permissions`.
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
      },
      async init({ policy, config, logger, userInfo }) {
        const kubedeckPolicy = KubedeckPermissionPolicy.fromConfig(config, {
          logger,
          userInfo,
        });
        policy.setPolicy(kubedeckPolicy);
        logger.info(`Kubedeck permission policy: ${kubedeckPolicy.describe()}`);
      },
    });
  },
});

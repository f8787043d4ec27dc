import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { auditPermissions } from '@kubedeck/plugin-audit-common';
import { auditLogServiceRef } from '@kubedeck/plugin-audit-node';
import { permissionDenialsServiceRef } from '@kubedeck/plugin-kubedeck-node';
import { createRouter } from './service/router';

/**
 * Serves the audit trail: `GET /events` lists events, `GET /verify` walks the hash chain.
 * Reads the same root-scoped store that the Kubedeck auditor writes to.
 *
 * @public
 */
export const auditPlugin = createBackendPlugin({
  pluginId: 'kubedeck-audit',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditLog: auditLogServiceRef,
        denials: permissionDenialsServiceRef,
      },
      async init({
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        auditLog,
        denials,
      }) {
        permissionsRegistry.addPermissions(auditPermissions);
        httpRouter.use(
          await createRouter({ httpAuth, permissions, auditLog, denials }),
        );
      },
    });
  },
});

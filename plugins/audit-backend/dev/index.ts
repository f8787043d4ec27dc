/*
 * Runs the audit plugin alone: `yarn start` in this folder. Requests need no token (mock auth
 * acts as `user:default/mock`), every permission is allowed, and a small plugin writes a few
 * audit events at startup so that GET /api/kubedeck-audit/events has something to show.
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { kubedeckAuditorServiceFactory } from '@kubedeck/plugin-audit-node';

const sampleEventsPlugin = createBackendPlugin({
  pluginId: 'audit-dev-samples',
  register(env) {
    env.registerInit({
      deps: { auditor: coreServices.auditor },
      async init({ auditor }) {
        const scale = await auditor.createEvent({
          eventId: 'deployment-scale',
          severityLevel: 'medium',
          meta: {
            actionType: 'update',
            target: 'demo/default/deployments/web',
          },
        });
        await scale.success({ meta: { replicas: 3 } });
        const remove = await auditor.createEvent({
          eventId: 'pod-delete',
          severityLevel: 'high',
          meta: { actionType: 'delete', target: 'demo/default/pods/db-0' },
        });
        await remove.fail({ error: new Error('pods "db-0" is forbidden') });
      },
    });
  },
});

const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
);
backend.add(kubedeckAuditorServiceFactory);
backend.add(sampleEventsPlugin);
backend.add(import('../src'));

backend.start();

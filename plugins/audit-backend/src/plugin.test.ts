import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { kubedeckAuditorServiceFactory } from '@kubedeck/plugin-audit-node';
import express from 'express';
import request from 'supertest';
import { auditPlugin } from './plugin';

/** A plugin that audits its one mutating route, as every Kubedeck plugin does. */
const podsPlugin = createBackendPlugin({
  pluginId: 'kubedeck-pods',
  register(env) {
    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        httpRouter: coreServices.httpRouter,
      },
      async init({ auditor, httpRouter }) {
        const router = express.Router();
        router.delete('/pods/:name', async (req, res) => {
          const event = await auditor.createEvent({
            eventId: 'pod-delete',
            severityLevel: 'high',
            request: req,
            meta: {
              actionType: 'delete',
              target: `pods/${req.params.name}`,
              serviceAccountToken: 'must-not-be-stored',
            },
          });
          await event.success();
          res.status(204).end();
        });
        httpRouter.use(router);
      },
    });
  },
});

describe('auditPlugin', () => {
  it('serves what other plugins emit through coreServices.auditor', async () => {
    const { server } = await startTestBackend({
      features: [
        // One in-memory database: only a single shared connection can see the events.
        mockServices.rootConfig.factory({
          data: {
            backend: {
              database: { client: 'better-sqlite3', connection: ':memory:' },
            },
          },
        }),
        auditPlugin,
        podsPlugin,
        kubedeckAuditorServiceFactory,
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });

    await request(server).delete('/api/kubedeck-pods/pods/web-1').expect(204);

    const events = await request(server)
      .get('/api/kubedeck-audit/events?plugin=kubedeck-pods')
      .set('authorization', mockCredentials.user.header());
    expect(events.status).toBe(200);
    expect(events.body.items).toEqual([
      expect.objectContaining({
        sequence: 2,
        actor: 'user:default/mock',
        plugin: 'kubedeck-pods',
        eventId: 'pod-delete',
        action: 'delete',
        target: 'pods/web-1',
        outcome: 'succeeded',
      }),
      expect.objectContaining({ sequence: 1, outcome: 'initiated' }),
    ]);
    expect(JSON.stringify(events.body)).not.toContain('must-not-be-stored');

    const verification = await request(server)
      .get('/api/kubedeck-audit/verify')
      .set('authorization', mockCredentials.user.header());
    expect(verification.body).toEqual({ ok: true, checked: 2 });
  });

  it('registers kubedeck.audit.read and denies users without it', async () => {
    const { server } = await startTestBackend({
      features: [
        auditPlugin,
        kubedeckAuditorServiceFactory,
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });

    const metadata = await request(server).get(
      '/api/kubedeck-audit/.well-known/backstage/permissions/metadata',
    );
    expect(metadata.body.permissions).toEqual([
      {
        type: 'basic',
        name: 'kubedeck.audit.read',
        attributes: { action: 'read' },
      },
    ]);

    const denied = await request(server)
      .get('/api/kubedeck-audit/events')
      .set('authorization', mockCredentials.user.header());
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('kubedeck.audit.read');
  });
});

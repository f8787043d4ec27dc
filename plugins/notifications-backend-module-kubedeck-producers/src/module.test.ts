import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  clusterRegistryServiceRef,
  DefaultClusterRegistry,
  diagnosisEventsServiceRef,
  InMemoryDiagnosisEvents,
} from '@kubedeck/plugin-clusters-node';
import { messageBrokerServiceRef } from '@kubedeck/plugin-notifications-node';
import {
  DefaultEventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { AGENT_LIFECYCLE_TOPIC } from '@kubedeck/plugin-agent-hub-common';
import { recordingBroker } from './__testUtils__/events';
import producersModule from './index';

jest.setTimeout(60_000);

/** Stands in for the notifications plugin, which the module extends. */
const notificationsPlugin = createBackendPlugin({
  pluginId: 'kubedeck-notifications',
  register(env) {
    env.registerInit({ deps: {}, async init() {} });
  },
});

describe('notifications-backend-module-kubedeck-producers', () => {
  it("publishes the clusters plugin's diagnoses and the agent hub's lifecycle events to the backend's broker", async () => {
    const { broker, next } = await recordingBroker();
    const diagnosisEvents = new InMemoryDiagnosisEvents();
    const events = DefaultEventsService.create({
      logger: mockServices.logger.mock(),
    });
    const backend = await startTestBackend({
      features: [
        notificationsPlugin,
        producersModule,
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'https://portal.example.com' } },
        }),
        createServiceFactory({
          service: messageBrokerServiceRef,
          deps: {},
          factory: () => broker,
        }),
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => events,
        }),
        createServiceFactory({
          service: diagnosisEventsServiceRef,
          deps: {},
          factory: () => diagnosisEvents,
        }),
        createServiceFactory({
          service: clusterRegistryServiceRef,
          deps: { logger: coreServices.rootLogger },
          factory: ({ logger }) => new DefaultClusterRegistry({ logger }),
        }),
      ],
    });
    try {
      const now = new Date().toISOString();
      await diagnosisEvents.publish({
        type: 'diagnosis.opened',
        diagnosis: {
          id: 'd-1',
          cluster: 'prod',
          kind: 'PersistentVolumeClaim',
          namespace: 'db',
          name: 'data-0',
          type: 'PvcPending',
          severity: 'critical',
          title: 'data-0 is Pending',
          evidence: [],
          fix: 'Check the storage class',
          firstSeen: now,
          lastSeen: now,
        },
      });
      expect(await next(() => true)).toMatchObject({
        topic: 'alerts.critical',
        fingerprint: 'prod/db/PersistentVolumeClaim/data-0/PvcPending',
        link: 'https://portal.example.com/clusters/prod',
      });

      await events.publish({
        topic: AGENT_LIFECYCLE_TOPIC,
        eventPayload: {
          type: 'agent.offline',
          agentId: 'a-1',
          cluster: 'edge',
          at: now,
        },
      });
      expect(await next(e => e.cluster === 'edge')).toMatchObject({
        topic: 'alerts.operations',
        fingerprint: 'edge/-/Agent/a-1/AgentOffline',
      });
    } finally {
      await backend.stop();
    }
  });
});

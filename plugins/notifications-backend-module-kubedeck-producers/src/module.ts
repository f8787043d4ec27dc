import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  clusterAccessServiceRef,
  clusterRegistryServiceRef,
  diagnosisEventsServiceRef,
} from '@kubedeck/plugin-clusters-node';
import { messageBrokerServiceRef } from '@kubedeck/plugin-notifications-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { AgentLifecycleProducer } from './agents/AgentLifecycleProducer';
import { ClusterAddedProducer } from './clusters/ClusterAddedProducer';
import { KnownClusterStore } from './clusters/KnownClusterStore';
import { DiagnosisProducer } from './diagnosis/DiagnosisProducer';
import { PortalLinks } from './events';
import { CertificateExpiryProducer } from './security/CertificateExpiryProducer';
import { PermissionDenialBurstProducer } from './security/PermissionDenialBurstProducer';
import { PermissionDenialStore } from './security/PermissionDenialStore';
import { RbacWatchProducer } from './security/RbacWatchProducer';

/**
 * Publishes Kubedeck events to the notifications message broker: cluster diagnoses opening and
 * resolving, agents going offline and back, RBAC changes, expiring TLS certificates, bursts of
 * permission denials and newly added clusters and agents.
 *
 * @public
 */
export const notificationsModuleKubedeckProducers = createBackendModule({
  pluginId: 'kubedeck-notifications',
  moduleId: 'kubedeck-producers',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        scheduler: coreServices.scheduler,
        database: coreServices.database,
        broker: messageBrokerServiceRef,
        diagnosisEvents: diagnosisEventsServiceRef,
        registry: clusterRegistryServiceRef,
        access: clusterAccessServiceRef,
        events: eventsServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler, registry, access, broker } = deps;
        const links = new PortalLinks(config.getString('app.baseUrl'));
        const listNames = async () =>
          (await registry.listClusters()).map(c => c.name);

        const diagnoses = new DiagnosisProducer({ broker, links, logger });
        const unsubscribe = diagnoses.start(deps.diagnosisEvents);

        await new AgentLifecycleProducer({ broker, links, logger }).start(
          deps.events,
        );

        const denials = config.getOptionalConfig(
          'kubedeck.notifications.producers.permissionDenials',
        );
        await new PermissionDenialBurstProducer({
          store: await PermissionDenialStore.create({
            database: deps.database,
          }),
          broker,
          links,
          logger,
          threshold: denials?.getOptionalNumber('threshold') ?? 20,
          windowMs: (denials?.getOptionalNumber('windowMinutes') ?? 5) * 60_000,
        }).start(deps.events);

        const rbac = new RbacWatchProducer({ access, broker, links, logger });
        await scheduler.scheduleTask({
          id: 'kubedeck-producers-rbac-watch',
          scope: 'local',
          frequency: { minutes: 1 },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 10 },
          fn: async () => rbac.sync(await listNames()),
        });

        const certificates = new CertificateExpiryProducer({
          access,
          broker,
          links,
          logger,
          expiryDays:
            config.getOptionalNumber(
              'kubedeck.notifications.producers.certificateExpiryDays',
            ) ?? 14,
        });
        await scheduler.scheduleTask({
          id: 'kubedeck-producers-certificate-expiry',
          frequency: { days: 1 },
          timeout: { minutes: 30 },
          initialDelay: { minutes: 1 },
          fn: async () => certificates.checkAll(await listNames()),
        });

        const clustersAdded = new ClusterAddedProducer({
          store: await KnownClusterStore.create({ database: deps.database }),
          broker,
          links,
          logger,
        });
        await scheduler.scheduleTask({
          id: 'kubedeck-producers-cluster-added',
          frequency: { minutes: 1 },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 30 },
          fn: async () => clustersAdded.check(await registry.listClusters()),
        });

        deps.lifecycle.addShutdownHook(async () => {
          unsubscribe();
          await rbac.stop();
        });
      },
    });
  },
});

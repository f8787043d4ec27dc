import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  clustersPermissions,
  decodeClusterResourceRef,
} from '@kubedeck/plugin-clusters-common';
import {
  clusterAccessServiceRef,
  clusterRegistryServiceRef,
  clusterResourcePermissionResourceRef,
  clusterResourcePermissionRules,
  clustersDiagnosisExtensionPoint,
  ClusterSupplier,
  clustersSupplierExtensionPoint,
  DiagnosisFindingSource,
  diagnosisEventsServiceRef,
} from '@kubedeck/plugin-clusters-node';
import { KnexDiagnosisStore } from './database/KnexDiagnosisStore';
import { RetainedLogStore } from './database/RetainedLogStore';
import { LogRetainer } from './service/logs/LogRetainer';
import { DiagnosisService } from './diagnosis/DiagnosisService';
import { ClusterStatusService } from './service/ClusterStatusService';
import { readLogLimits } from './service/logs/logQuery';
import { ResourceDiscovery } from './service/ResourceDiscovery';
import { createRouter, STREAM_PATHS } from './service/router';
import { InformerRegistry } from './service/watch/InformerRegistry';
import { builtInSuppliers } from './suppliers';

/**
 * The Kubedeck clusters backend plugin (id `clusters`).
 *
 * @public
 */
export const clustersPlugin = createBackendPlugin({
  pluginId: 'clusters',
  register(env) {
    const suppliers: ClusterSupplier[] = [];
    env.registerExtensionPoint(clustersSupplierExtensionPoint, {
      add(supplier) {
        suppliers.push(supplier);
      },
    });
    const findingSources: DiagnosisFindingSource[] = [];
    env.registerExtensionPoint(clustersDiagnosisExtensionPoint, {
      addFindingSource(source) {
        // The id attributes diagnoses to their source: two sources must not share one.
        if (findingSources.some(existing => existing.id === source.id)) {
          throw new Error(
            `A diagnosis finding source with id '${source.id}' was already added`,
          );
        }
        findingSources.push(source);
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        auditor: coreServices.auditor,
        permissionsRegistry: coreServices.permissionsRegistry,
        registry: clusterRegistryServiceRef,
        access: clusterAccessServiceRef,
        diagnosisEvents: diagnosisEventsServiceRef,
      },
      async init(deps) {
        const { config, logger, registry, access } = deps;
        registry.addSuppliers([
          ...builtInSuppliers(config, logger),
          ...suppliers,
        ]);
        deps.permissionsRegistry.addResourceType({
          resourceRef: clusterResourcePermissionResourceRef,
          permissions: clustersPermissions,
          rules: Object.values(clusterResourcePermissionRules),
          getResources: async refs => refs.map(decodeClusterResourceRef),
        });

        const diagnosisStore = await KnexDiagnosisStore.create({
          database: deps.database,
        });
        const diagnosis = new DiagnosisService({
          registry,
          access,
          store: diagnosisStore,
          events: deps.diagnosisEvents,
          logger,
          sources: findingSources,
          resolveAfterMs:
            (config.getOptionalNumber(
              'kubedeck.clusters.diagnosis.resolveAfterSeconds',
            ) ?? 120) * 1000,
        });
        await deps.scheduler.scheduleTask({
          id: 'clusters-diagnosis',
          frequency: {
            seconds:
              config.getOptionalNumber(
                'kubedeck.clusters.diagnosis.intervalSeconds',
              ) ?? 30,
          },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 5 },
          fn: () => diagnosis.runAll(),
        });

        const informers = new InformerRegistry(logger);
        const logLimits = readLogLimits(config);
        const retainedLogs = await RetainedLogStore.create({
          database: deps.database,
        });
        const retentionMinutes =
          config.getOptionalNumber('kubedeck.clusters.logs.retentionMinutes') ??
          60;
        const retainer = new LogRetainer({
          registry,
          access,
          informers,
          store: retainedLogs,
          logger,
          maxLines: logLimits.maxTailLines,
          retentionMinutes,
        });
        if (retentionMinutes > 0) {
          await deps.scheduler.scheduleTask({
            id: 'clusters-log-retention',
            scope: 'local',
            frequency: { minutes: 1 },
            timeout: { minutes: 1 },
            initialDelay: { seconds: 5 },
            fn: () => retainer.refresh(),
          });
        }
        deps.lifecycle.addShutdownHook(() => {
          retainer.stop();
          informers.stopAll();
        });
        for (const path of STREAM_PATHS) {
          deps.httpRouter.addAuthPolicy({ path, allow: 'user-cookie' });
        }
        deps.httpRouter.use(
          await createRouter({
            auth: deps.auth,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            access,
            status: new ClusterStatusService(access),
            discovery: new ResourceDiscovery(access),
            informers,
            logLimits,
            diagnosisStore,
            retainedLogs,
          }),
        );
      },
    });
  },
});

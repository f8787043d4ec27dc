import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { kubedeckNotificationsPermissions } from '@kubedeck/plugin-notifications-common';
import {
  messageBrokerServiceRef,
  notificationChannelsExtensionPoint,
  NotificationChannelType,
} from '@kubedeck/plugin-notifications-node';
import { secretsCipherServiceRef } from '@kubedeck/plugin-secrets-node';
import { clusterRegistryServiceRef } from '@kubedeck/plugin-clusters-node';
import { permissionDenialsServiceRef } from '@kubedeck/plugin-kubedeck-node';
import { builtInChannelTypes } from './channels';
import { readNotificationsConfig } from './config';
import { createStores } from './database';
import { createRouter } from './service/router';
import { NotificationsService } from './service/NotificationsService';

/**
 * Kubedeck notifications: routes Kubedeck events to the Backstage inbox and to email, Teams,
 * Slack, Telegram and webhooks by user preference, with digests and delivery history.
 *
 * @public
 */
export const notificationsPlugin = createBackendPlugin({
  pluginId: 'kubedeck-notifications',
  register(env) {
    const channelTypes = new Map<string, NotificationChannelType>(
      builtInChannelTypes.map(t => [t.type, t]),
    );
    env.registerExtensionPoint(notificationChannelsExtensionPoint, {
      addChannelType(...types) {
        for (const type of types) {
          if (channelTypes.has(type.type)) {
            throw new Error(
              `Notification channel type '${type.type}' is already registered`,
            );
          }
          channelTypes.set(type.type, type);
        }
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        denials: permissionDenialsServiceRef,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        notifications: notificationService,
        broker: messageBrokerServiceRef,
        cipher: secretsCipherServiceRef,
        clusters: clusterRegistryServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(
          kubedeckNotificationsPermissions,
        );
        const stores = await createStores({ database: deps.database });
        const service = NotificationsService.create({
          ...deps,
          stores,
          config: readNotificationsConfig(deps.config),
          channelTypes: [...channelTypes.values()],
        });
        deps.httpRouter.use(
          createRouter({
            ...deps,
            channels: service.channels,
            deliveries: stores.deliveries,
            preferences: stores.preferences,
            worker: service.worker,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
        await service.scheduleTasks(deps.scheduler);
        deps.lifecycle.addStartupHook(() => service.start(deps.broker));
        deps.lifecycle.addShutdownHook(() => service.stop());
      },
    });
  },
});

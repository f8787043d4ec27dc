import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Create, edit, enable, disable, delete and test notification channels. Admins only.
 *
 * @public
 */
export const notificationChannelsManagePermission = createPermission({
  name: 'kubedeck.notifications.channels.manage',
  attributes: { action: 'update' },
});

/**
 * Read the delivery history of every notification and channel.
 *
 * @public
 */
export const notificationDeliveriesReadPermission = createPermission({
  name: 'kubedeck.notifications.deliveries.read',
  attributes: { action: 'read' },
});

/**
 * Read one's own notification preferences and subscriptions.
 *
 * @public
 */
export const notificationPreferencesReadPermission = createPermission({
  name: 'kubedeck.notifications.preferences.read',
  attributes: { action: 'read' },
});

/**
 * Change one's own notification preferences and subscriptions.
 *
 * @public
 */
export const notificationPreferencesUpdatePermission = createPermission({
  name: 'kubedeck.notifications.preferences.update',
  attributes: { action: 'update' },
});

/**
 * Every permission of Kubedeck notifications.
 *
 * @public
 */
export const kubedeckNotificationsPermissions = [
  notificationChannelsManagePermission,
  notificationDeliveriesReadPermission,
  notificationPreferencesReadPermission,
  notificationPreferencesUpdatePermission,
];

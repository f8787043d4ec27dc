import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { NotificationChannelType } from './types';

/**
 * Lets modules add channel types to the Kubedeck notifications plugin.
 *
 * @public
 */
export interface NotificationChannelsExtensionPoint {
  /** Adds channel types; a type id that is already registered is refused. */
  addChannelType(...types: NotificationChannelType[]): void;
}

/** @public */
export const notificationChannelsExtensionPoint =
  createExtensionPoint<NotificationChannelsExtensionPoint>({
    id: 'kubedeck-notifications.channels',
  });

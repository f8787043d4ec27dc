import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  ChannelTypeDescription,
  CreateChannelRequest,
  DeliveriesQuery,
  DeliveriesResponse,
  DeliveryStatus,
  NotificationChannel,
  PreferencesResponse,
  UpdateChannelRequest,
  UpdatePreferencesRequest,
} from '@kubedeck/plugin-notifications-common';

/**
 * A channel type the backend knows with its form fields, as `GET /channel-types` lists it.
 *
 * @public
 */
export type ChannelTypeInfo = ChannelTypeDescription;

/**
 * What a "send test message" did: the delivery's status after its first attempt.
 *
 * @public
 */
export interface ChannelTestResult {
  status: DeliveryStatus;
  attempts: number;
  error?: string;
}

/**
 * Kubedeck notifications: the caller's preferences, the channels admins configure and the
 * delivery history.
 *
 * @public
 */
export interface KubedeckNotificationsApi {
  /** Every category × channel cell for the signed-in user, defaults filled in. */
  getPreferences(): Promise<PreferencesResponse>;
  /** Stores the given cells for the signed-in user; cells not given keep their value. */
  updatePreferences(request: UpdatePreferencesRequest): Promise<void>;

  getChannelTypes(): Promise<ChannelTypeInfo[]>;
  listChannels(): Promise<NotificationChannel[]>;
  getChannel(id: string): Promise<NotificationChannel>;
  createChannel(request: CreateChannelRequest): Promise<NotificationChannel>;
  /** A secret given as a string replaces it, `null` removes it, an absent one is kept. */
  updateChannel(
    id: string,
    request: UpdateChannelRequest,
  ): Promise<NotificationChannel>;
  setChannelEnabled(id: string, enabled: boolean): Promise<NotificationChannel>;
  deleteChannel(id: string): Promise<void>;
  /** Sends a test message to the caller through the channel and waits for the first attempt. */
  testChannel(id: string): Promise<ChannelTestResult>;

  listDeliveries(query?: DeliveriesQuery): Promise<DeliveriesResponse>;

  /** Cluster names from the Kubedeck clusters backend, for subscriptions. */
  listClusters(): Promise<string[]>;
  /** A cluster's namespaces from the Kubedeck clusters backend, for subscriptions. */
  listNamespaces(cluster: string): Promise<string[]>;
}

/** @public */
export const kubedeckNotificationsApiRef =
  createApiRef<KubedeckNotificationsApi>().with({
    id: 'plugin.kubedeck-notifications.api',
    pluginId: 'kubedeck-notifications',
  });

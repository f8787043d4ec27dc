import { DatabaseService } from '@backstage/backend-plugin-api';
import { KnexChannelStore } from './ChannelStore';
import { KnexDeliveryStore } from './DeliveryStore';
import { KnexEventStore } from './EventStore';
import { migrate } from './migrations';
import { KnexPreferenceStore } from './PreferenceStore';

export type { ChannelRecord, ChannelStore } from './ChannelStore';
export type {
  DeliveryDraft,
  DeliveryOutcome,
  DeliveryRecord,
  DigestItemDraft,
} from './DeliveryStore';
export type { GroupOutcome, NotificationGroup } from './EventStore';
export type { PreferenceStore } from './PreferenceStore';
export { preferenceKey } from './PreferenceStore';
export {
  KnexChannelStore,
  KnexDeliveryStore,
  KnexEventStore,
  KnexPreferenceStore,
};

/** Every store of the plugin over one database. */
export interface NotificationsStores {
  channels: KnexChannelStore;
  preferences: KnexPreferenceStore;
  events: KnexEventStore;
  deliveries: KnexDeliveryStore;
}

export async function createStores(options: {
  database: DatabaseService;
}): Promise<NotificationsStores> {
  const client = await options.database.getClient();
  await migrate(options.database, client);
  return {
    channels: new KnexChannelStore(client),
    preferences: new KnexPreferenceStore(client),
    events: new KnexEventStore(client),
    deliveries: new KnexDeliveryStore(client),
  };
}

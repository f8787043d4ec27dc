import { z } from 'zod';
import {
  ALERT_CATEGORIES,
  AlertCategory,
  EVENT_SEVERITIES,
  FREQUENCIES,
  Frequency,
} from './types';

const channelName = z.string().trim().min(1).max(100);
const channelType = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lowercase channel type id');
const jsonObject = z.record(z.string(), z.unknown());

/** Who a shared channel hears about. @public */
export const channelRoutingSchema = z.object({
  categories: z.array(z.enum(ALERT_CATEGORIES)).default([...ALERT_CATEGORIES]),
  clusters: z.array(z.string().min(1)).optional(),
  namespaces: z.array(z.string().min(1)).optional(),
  minSeverity: z.enum(EVENT_SEVERITIES).optional(),
});

/** @public */
export type ChannelRouting = z.infer<typeof channelRoutingSchema>;

/** Body of `POST /channels`. @public */
export const createChannelRequestSchema = z.object({
  name: channelName,
  type: channelType,
  enabled: z.boolean().default(true),
  config: jsonObject.default({}),
  secrets: z.record(z.string(), z.string().min(1)).default({}),
  routing: channelRoutingSchema.optional(),
});

/** @public */
export type CreateChannelRequest = z.input<typeof createChannelRequestSchema>;

/**
 * Body of `PUT /channels/:id`. A secret set to a string replaces it, `null` removes it and an
 * absent secret stays as it is.
 *
 * @public
 */
export const updateChannelRequestSchema = z.object({
  name: channelName.optional(),
  enabled: z.boolean().optional(),
  config: jsonObject.optional(),
  secrets: z.record(z.string(), z.string().min(1).nullable()).optional(),
  routing: channelRoutingSchema.optional(),
});

/** @public */
export type UpdateChannelRequest = z.input<typeof updateChannelRequestSchema>;

/**
 * A channel as the API shows it: secrets are write-only, only whether each is configured.
 * Personal channels (email) reach each recipient; shared ones post to one place.
 *
 * @public
 */
export const notificationChannelSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  enabled: z.boolean(),
  personal: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  secrets: z.record(z.string(), z.object({ configured: z.literal(true) })),
  routing: channelRoutingSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** @public */
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

/** One cell of the preferences matrix. @public */
export const preferenceSchema = z.object({
  category: z.enum(ALERT_CATEGORIES),
  channel: z.string().min(1).max(100),
  frequency: z.enum(FREQUENCIES),
});

/** @public */
export interface Preference {
  category: AlertCategory;
  channel: string;
  frequency: Frequency;
}

/**
 * A subscription: the user hears about events matching every field given.
 *
 * @public
 */
export const subscriptionSchema = z
  .object({
    cluster: z.string().min(1).max(253).optional(),
    namespace: z.string().min(1).max(253).optional(),
    category: z.enum(ALERT_CATEGORIES).optional(),
  })
  .refine(s => s.cluster || s.namespace || s.category, {
    message: 'a subscription needs a cluster, a namespace or a category',
  });

/** @public */
export type Subscription = z.infer<typeof subscriptionSchema>;

/** Body of `PUT /preferences`. @public */
export const updatePreferencesRequestSchema = z.object({
  preferences: z.array(preferenceSchema).max(500),
  subscriptions: z.array(subscriptionSchema).max(200).optional(),
});

/** @public */
export type UpdatePreferencesRequest = z.input<
  typeof updatePreferencesRequestSchema
>;

/** Response of `GET /preferences`: every category × channel cell, defaults filled in. @public */
export const preferencesResponseSchema = z.object({
  preferences: z.array(preferenceSchema.extend({ isDefault: z.boolean() })),
  channels: z.array(
    z.object({ id: z.string(), name: z.string(), type: z.string() }),
  ),
  subscriptions: z.array(subscriptionSchema),
});

/** @public */
export type PreferencesResponse = z.infer<typeof preferencesResponseSchema>;

/** @public */
export const DELIVERY_STATUSES = [
  'pending',
  'retrying',
  'delivered',
  'failed',
  'skipped',
] as const;

/** @public */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Query of `GET /deliveries`. @public */
export const deliveriesQuerySchema = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: z.string().min(1).optional(),
  category: z.enum([...ALERT_CATEGORIES, 'digest']).optional(),
  cluster: z.string().min(1).optional(),
  recipient: z.string().min(1).optional(),
  kind: z.enum(['alert', 'digest', 'test']).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** @public */
export type DeliveriesQuery = z.input<typeof deliveriesQuerySchema>;

/** One delivery: a notification through one channel to one recipient. @public */
export const deliverySchema = z.object({
  id: z.string(),
  kind: z.enum(['alert', 'digest', 'test']),
  groupId: z.string().optional(),
  category: z.string(),
  severity: z.enum(EVENT_SEVERITIES),
  title: z.string(),
  cluster: z.string().optional(),
  recipient: z.string().optional(),
  channel: z.string(),
  channelType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deliveredAt: z.string().optional(),
});

/** @public */
export type Delivery = z.infer<typeof deliverySchema>;

/** Response of `GET /deliveries`. @public */
export const deliveriesResponseSchema = z.object({
  items: z.array(deliverySchema),
  totalCount: z.number().int(),
});

/** @public */
export type DeliveriesResponse = z.infer<typeof deliveriesResponseSchema>;

/**
 * One form field of a channel type, as `GET /channel-types` describes it. Derived by the
 * backend from the schemas that validate the channel, so a form built from it asks for what
 * the backend accepts.
 *
 * @public
 */
export interface ChannelFieldDescription {
  name: string;
  label: string;
  /** How to edit it: `json` for objects and anything not a string, number or boolean. */
  kind: 'text' | 'number' | 'boolean' | 'json';
  required: boolean;
  /** Secret fields are write-only: sent when typed, never returned. */
  secret: boolean;
  help?: string;
  /** The value used when the field is left out. */
  defaultValue?: string | number | boolean;
}

/**
 * A channel type the backend knows, as `GET /channel-types` lists it.
 *
 * @public
 */
export interface ChannelTypeDescription {
  type: string;
  title: string;
  /** Personal channels reach each recipient (email); shared ones post to one place. */
  personal: boolean;
  /** Config fields first, then secrets. */
  fields: ChannelFieldDescription[];
}

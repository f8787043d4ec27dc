import { z } from 'zod';

/**
 * Alert categories; each is also a message broker topic.
 *
 * @public
 */
export const ALERT_CATEGORIES = [
  'alerts.critical',
  'alerts.security',
  'alerts.operations',
  'alerts.info',
] as const;

/** @public */
export type AlertCategory = (typeof ALERT_CATEGORIES)[number];

/**
 * Every broker topic. `digest` carries events that only ever appear in digests.
 *
 * @public
 */
export const NOTIFICATION_TOPICS = [...ALERT_CATEGORIES, 'digest'] as const;

/** @public */
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

/** @public */
export const EVENT_SEVERITIES = [
  'critical',
  'high',
  'medium',
  'low',
  'info',
] as const;

/** @public */
export type EventSeverity = (typeof EVENT_SEVERITIES)[number];

/**
 * How often a user hears about a category through a channel.
 *
 * @public
 */
export const FREQUENCIES = [
  'immediate',
  'daily',
  'weekly',
  'disabled',
] as const;

/** @public */
export type Frequency = (typeof FREQUENCIES)[number];

/**
 * The channel every user has: Backstage's notification inbox (the bell).
 *
 * @public
 */
export const INBOX_CHANNEL = 'inbox';

/**
 * Channel types shipped with Kubedeck; modules may add more.
 *
 * @public
 */
export const BUILT_IN_CHANNEL_TYPES = [
  'email',
  'slack',
  'teams',
  'telegram',
  'webhook',
] as const;

/**
 * Defaults for a user who has not chosen: critical, security and operations immediately,
 * info in the daily digest.
 *
 * @public
 */
export const DEFAULT_FREQUENCIES: Record<AlertCategory, Frequency> = {
  'alerts.critical': 'immediate',
  'alerts.security': 'immediate',
  'alerts.operations': 'immediate',
  'alerts.info': 'daily',
};

/** @public */
export const kubedeckEventSchema = z.object({
  id: z.string().min(1).max(200).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  cluster: z.string().min(1).max(253),
  namespace: z.string().max(253).optional(),
  object: z
    .object({
      kind: z.string().min(1).max(100),
      name: z.string().min(1).max(253),
      apiVersion: z.string().max(200).optional(),
    })
    .optional(),
  entityRef: z.string().max(500).optional(),
  severity: z.enum(EVENT_SEVERITIES),
  category: z.enum(NOTIFICATION_TOPICS),
  title: z.string().min(1).max(500),
  description: z.string().max(10000).optional(),
  fingerprint: z.string().min(1).max(500),
  link: z.string().max(2000).optional(),
  resolved: z.boolean().optional(),
  source: z.string().max(200).optional(),
});

/**
 * An event that may become a notification: something happened to an object in a cluster.
 * Events with the same fingerprint are grouped; `resolved: true` closes the group.
 *
 * @public
 */
export type KubedeckEvent = z.infer<typeof kubedeckEventSchema>;

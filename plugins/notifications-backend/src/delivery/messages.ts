import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { ChannelMessage } from '@kubedeck/plugin-notifications-node';
import { DeliveryRecord, NotificationGroup } from '../database';
import { Recipient } from '../routing/RecipientResolver';

/** Links from producers may be app-relative; external channels need them absolute. */
export function absoluteLink(link: string | undefined, appBaseUrl: string) {
  if (!link) return undefined;
  try {
    return new URL(
      link,
      appBaseUrl.endsWith('/') ? appBaseUrl : `${appBaseUrl}/`,
    ).toString();
  } catch {
    return undefined;
  }
}

/**
 * A link into the portal as a path, so the inbox opens it in the same tab (Backstage opens
 * absolute links in a new one); links elsewhere stay as they are.
 */
export function appRelativeLink(link: string | undefined, appBaseUrl: string) {
  const base = appBaseUrl.replace(/\/+$/, '');
  if (!link?.startsWith(base)) return link;
  const rest = link.slice(base.length);
  if (rest === '' || /^[/?#]/.test(rest)) {
    return rest.startsWith('/') ? rest : `/${rest}`;
  }
  return link;
}

/** The message of a delivery: alerts render from their group's current state. */
export function messageFor(
  delivery: DeliveryRecord,
  group: NotificationGroup | undefined,
  recipient: Recipient | undefined,
  appBaseUrl: string,
): ChannelMessage {
  const base = group
    ? {
        kind: 'alert' as const,
        title: group.title,
        description: group.description,
        severity: group.severity,
        category: group.category,
        link: group.link,
        cluster: group.cluster,
        namespace: group.namespace,
        object: group.object,
        count: group.count,
        resolved: group.status === 'resolved',
      }
    : (delivery.payload as Omit<ChannelMessage, 'idempotencyKey'>);
  return {
    ...base,
    link: absoluteLink(base.link, appBaseUrl),
    recipient,
    idempotencyKey: delivery.idempotencyKey,
  };
}

/**
 * Backstage draws `normal` with a check mark, so a problem that is still open is at least
 * `high` (a warning sign) and `normal` is kept for resolutions.
 */
const INBOX_SEVERITY: Record<string, NotificationPayload['severity']> = {
  critical: 'critical',
  high: 'high',
  medium: 'high',
  low: 'low',
  info: 'low',
};

/**
 * The inbox entry for a delivery. Its scope is the same for every send about one group (or
 * one digest), so Backstage updates that entry instead of adding another: a repeat refreshes
 * the count, a resolution is shown on the same entry, and a send repeated after a crash
 * changes nothing visible.
 */
export function inboxPayload(
  delivery: DeliveryRecord,
  message: ChannelMessage,
  appBaseUrl: string,
): NotificationPayload {
  const repeats = message.count > 1 ? ` (×${message.count})` : '';
  const title =
    message.kind === 'alert'
      ? `${message.resolved ? 'Resolved: ' : ''}${message.title}${repeats}`
      : message.title;
  const where = [message.cluster, message.namespace].filter(Boolean).join('/');
  const summary = message.kind === 'digest' ? undefined : where || undefined;
  return {
    title,
    // Backstage's inbox shows the description as one paragraph: its lines become items.
    description:
      [...(message.description?.split('\n') ?? []), summary]
        .filter(Boolean)
        .join(' · ') || undefined,
    link: appRelativeLink(message.link, appBaseUrl),
    severity: message.resolved
      ? 'normal'
      : INBOX_SEVERITY[message.severity] ?? 'high',
    topic: message.category,
    scope: `kubedeck:${delivery.groupId ?? delivery.idempotencyKey}`,
    metadata: {
      'kubedeck.category': message.category,
      'kubedeck.count': message.count,
      ...(message.cluster ? { 'kubedeck.cluster': message.cluster } : {}),
    },
  };
}

import {
  AlertCategory,
  DEFAULT_FREQUENCIES,
  EVENT_SEVERITIES,
  EventSeverity,
  Frequency,
  INBOX_CHANNEL,
} from '@kubedeck/plugin-notifications-common';
import {
  ChannelRecord,
  DeliveryDraft,
  DigestItemDraft,
  GroupOutcome,
  NotificationGroup,
  preferenceKey,
} from '../database';

/** Everything the plan needs besides the event's group outcome. */
export interface Audience {
  recipients: string[];
  /** user → `category|channel` → chosen frequency. */
  preferences: Map<string, Map<string, Frequency>>;
  personalChannels: ChannelRecord[];
  sharedChannels: ChannelRecord[];
}

export interface Plan {
  deliveries: DeliveryDraft[];
  digestItems: DigestItemDraft[];
}

const severityRank = (s: EventSeverity) =>
  EVENT_SEVERITIES.length - EVENT_SEVERITIES.indexOf(s);

/** Which category's preferences apply: `digest` events follow the info preferences. */
const preferenceCategory = (category: string): AlertCategory =>
  category in DEFAULT_FREQUENCIES ? (category as AlertCategory) : 'alerts.info';

export function frequencyFor(
  preferences: Map<string, Frequency> | undefined,
  category: string,
  channel: string,
): Frequency {
  const effective = preferenceCategory(category);
  const chosen =
    preferences?.get(preferenceKey(effective, channel)) ??
    DEFAULT_FREQUENCIES[effective];
  // Digest-only events never interrupt anyone.
  return category === 'digest' && chosen === 'immediate' ? 'daily' : chosen;
}

/**
 * Which phase of a group a send announces. Repeats only refresh the inbox, and only when the
 * count reaches the next power of two, so a storm of 10,000 events touches each inbox entry
 * about 14 times and never adds a second one.
 */
function phaseOf(
  outcome: GroupOutcome & { group: NotificationGroup },
): string | undefined {
  if (outcome.kind === 'new') return 'open';
  if (outcome.kind === 'resolved') return 'resolved';
  const count = outcome.group.count;
  return (count & (count - 1)) === 0 ? `repeat-${count}` : undefined;
}

export function matchesRouting(
  channel: ChannelRecord,
  group: NotificationGroup,
): boolean {
  const { categories, clusters, namespaces, minSeverity } = channel.routing;
  return (
    (categories ?? []).includes(group.category as AlertCategory) &&
    (!clusters?.length || clusters.includes(group.cluster)) &&
    (!namespaces?.length ||
      (!!group.namespace && namespaces.includes(group.namespace))) &&
    (!minSeverity || severityRank(group.severity) >= severityRank(minSeverity))
  );
}

function draft(
  group: NotificationGroup,
  phase: string,
  channel: { id: string; type: string },
  recipient?: string,
): DeliveryDraft {
  return {
    idempotencyKey: `${group.id}/${phase}/${recipient ?? '-'}/${channel.id}`,
    kind: 'alert',
    groupId: group.id,
    category: group.category,
    severity: group.severity,
    title: group.title,
    cluster: group.cluster,
    recipient,
    channel: channel.id,
    channelType: channel.type,
  };
}

/** Turns a group outcome into outbox deliveries and digest items. Pure. */
export function planDeliveries(
  outcome: GroupOutcome,
  audience: Audience,
): Plan {
  const plan: Plan = { deliveries: [], digestItems: [] };
  if (!('group' in outcome)) {
    return plan;
  }
  const { group } = outcome;
  const phase = phaseOf(outcome);
  const channels = [
    { id: INBOX_CHANNEL, type: INBOX_CHANNEL },
    ...audience.personalChannels,
  ];
  for (const user of audience.recipients) {
    for (const channel of channels) {
      const frequency = frequencyFor(
        audience.preferences.get(user),
        group.category,
        channel.id,
      );
      const isInbox = channel.id === INBOX_CHANNEL;
      if (
        frequency === 'immediate' &&
        phase &&
        (isInbox || !phase.startsWith('repeat'))
      ) {
        plan.deliveries.push(draft(group, phase, channel, user));
      } else if (
        (frequency === 'daily' || frequency === 'weekly') &&
        outcome.kind === 'new'
      ) {
        plan.digestItems.push({
          userRef: user,
          channel: channel.id,
          frequency,
          groupId: group.id,
        });
      }
    }
  }
  if (phase === 'open' || phase === 'resolved') {
    for (const channel of audience.sharedChannels.filter(c =>
      matchesRouting(c, group),
    )) {
      plan.deliveries.push(draft(group, phase, channel));
    }
  }
  return plan;
}

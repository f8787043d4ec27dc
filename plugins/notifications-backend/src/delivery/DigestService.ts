import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EVENT_SEVERITIES,
  EventSeverity,
  INBOX_CHANNEL,
} from '@kubedeck/plugin-notifications-common';
import { DigestContent, DigestItem } from '@kubedeck/plugin-notifications-node';
import {
  DeliveryDraft,
  KnexDeliveryStore,
  KnexEventStore,
  NotificationGroup,
} from '../database';
import { ChannelService } from '../service/ChannelService';

export type DigestFrequency = 'daily' | 'weekly';

const TOP_ITEMS = 5;
const rank = (s: EventSeverity) => EVENT_SEVERITIES.indexOf(s);

/** `daily:2026-11-26`, or `weekly:` and the Monday starting the week (UTC). */
export function digestKey(frequency: DigestFrequency, now: number): string {
  const day = new Date(now);
  if (frequency === 'weekly') {
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  }
  return `${frequency}:${day.toISOString().slice(0, 10)}`;
}

/** Groups a user's digest by cluster and category, with counts and the top items. */
export function buildDigest(
  frequency: DigestFrequency,
  groups: NotificationGroup[],
): DigestContent {
  const sections = new Map<string, NotificationGroup[]>();
  for (const group of groups) {
    const key = `${group.cluster}\u0000${group.category}`;
    sections.set(key, [...(sections.get(key) ?? []), group]);
  }
  return {
    period: frequency,
    sections: [...sections.values()]
      .map(members => ({
        cluster: members[0].cluster,
        category: members[0].category,
        count: members.reduce((sum, g) => sum + g.count, 0),
        top: members
          .sort(
            (a, b) => rank(a.severity) - rank(b.severity) || b.count - a.count,
          )
          .slice(0, TOP_ITEMS)
          .map(
            (g): DigestItem => ({
              title: g.title,
              count: g.count,
              severity: g.severity,
              link: g.link,
              resolved: g.status === 'resolved',
            }),
          ),
      }))
      .sort(
        (a, b) =>
          a.cluster.localeCompare(b.cluster) ||
          a.category.localeCompare(b.category),
      ),
  };
}

/**
 * Turns waiting digest items into one digest delivery per user and channel. Running twice for
 * the same period produces the same deliveries once.
 */
export class DigestService {
  constructor(
    private readonly options: {
      deliveries: KnexDeliveryStore;
      events: KnexEventStore;
      channels: ChannelService;
      logger: LoggerService;
      onEnqueued?: () => void;
      now?: () => number;
    },
  ) {}

  async run(frequency: DigestFrequency): Promise<number> {
    const now = (this.options.now ?? Date.now)();
    const key = digestKey(frequency, now);
    const items = await this.options.deliveries.takeDigestItems(frequency, key);
    const groups = await this.options.events.getGroups([
      ...new Set(items.map(i => i.groupId)),
    ]);
    const channelTypes = new Map(
      (await this.options.channels.list()).map(c => [c.id, c.type]),
    );
    channelTypes.set(INBOX_CHANNEL, INBOX_CHANNEL);
    const perTarget = new Map<
      string,
      { user: string; channel: string; groups: NotificationGroup[] }
    >();
    for (const item of items) {
      const group = groups.get(item.groupId);
      if (!group || !channelTypes.has(item.channel)) continue;
      const target = `${item.userRef}\u0000${item.channel}`;
      const entry = perTarget.get(target) ?? {
        user: item.userRef,
        channel: item.channel,
        groups: [],
      };
      entry.groups.push(group);
      perTarget.set(target, entry);
    }
    const drafts = [...perTarget.values()].map(t =>
      this.#draft(
        key,
        frequency,
        t.user,
        t.channel,
        channelTypes.get(t.channel)!,
        t.groups,
      ),
    );
    const added = await this.options.deliveries.enqueue(drafts, now);
    this.options.logger.info(`Prepared ${added} ${frequency} digests (${key})`);
    if (added > 0) this.options.onEnqueued?.();
    return added;
  }

  #draft(
    key: string,
    frequency: DigestFrequency,
    user: string,
    channel: string,
    channelType: string,
    groups: NotificationGroup[],
  ): DeliveryDraft {
    const digest = buildDigest(frequency, groups);
    const total = digest.sections.reduce((sum, s) => sum + s.count, 0);
    const clusters = new Set(groups.map(g => g.cluster)).size;
    const severity = groups
      .map(g => g.severity)
      .sort((a, b) => rank(a) - rank(b))[0];
    const title = `Kubedeck ${frequency} digest: ${total} alert${
      total === 1 ? '' : 's'
    } in ${clusters} cluster${clusters === 1 ? '' : 's'}`;
    return {
      idempotencyKey: `digest/${key}/${user}/${channel}`,
      kind: 'digest',
      category: 'digest',
      severity,
      title,
      recipient: user,
      channel,
      channelType,
      payload: {
        kind: 'digest',
        title,
        severity,
        category: 'digest',
        count: total,
        resolved: false,
        digest,
      },
    };
  }
}

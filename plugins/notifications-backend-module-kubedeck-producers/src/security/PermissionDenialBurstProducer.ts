import { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import type { KubedeckEvent } from '@kubedeck/plugin-notifications-common';
import {
  MessageBroker,
  publishKubedeckEvent,
} from '@kubedeck/plugin-notifications-node';
import {
  PERMISSION_DENIED_TOPIC,
  PermissionDeniedEvent,
} from '@kubedeck/plugin-kubedeck-node';
import { eventIdOf, PortalLinks } from '../events';
import { DenialCount, PermissionDenialStore } from './PermissionDenialStore';

/**
 * Stands in for the cluster of events about the portal itself; no Kubernetes object can be
 * named `-`, so it never matches a real cluster.
 */
export const PORTAL_CLUSTER = '-';

function isDenial(value: unknown): value is PermissionDeniedEvent {
  const event = value as Partial<PermissionDeniedEvent> | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof event.userEntityRef === 'string' &&
    event.userEntityRef.length > 0 &&
    typeof event.permission === 'string' &&
    typeof event.at === 'string' &&
    !Number.isNaN(Date.parse(event.at))
  );
}

/**
 * Raises one `alerts.security` event when one user collects `threshold` permission denials
 * within `windowMs`, from the requests Kubedeck routes refused. The denials are counted in the
 * database, so every backend instance counts them all and one announces the burst. After
 * announcing, the user's count starts over and nothing more is announced for them until a
 * window has passed.
 */
export class PermissionDenialBurstProducer {
  #lastPrune = 0;

  constructor(
    private readonly options: {
      store: PermissionDenialStore;
      broker: MessageBroker;
      links: PortalLinks;
      logger: LoggerService;
      threshold: number;
      windowMs: number;
    },
  ) {
    if (!Number.isInteger(options.threshold) || options.threshold < 1) {
      throw new Error(
        `kubedeck.notifications.producers.permissionDenials.threshold must be a positive integer, got ${options.threshold}`,
      );
    }
    if (!(options.windowMs > 0)) {
      throw new Error(
        'kubedeck.notifications.producers.permissionDenials.windowMinutes must be positive',
      );
    }
  }

  async start(events: EventsService): Promise<void> {
    await events.subscribe({
      id: 'kubedeck-producers-permission-denials',
      topics: [PERMISSION_DENIED_TOPIC],
      onEvent: async ({ eventPayload }) => this.handle(eventPayload),
    });
  }

  async handle(payload: unknown): Promise<void> {
    if (!isDenial(payload)) {
      this.options.logger.warn(
        `Ignoring a malformed event on ${PERMISSION_DENIED_TOPIC}`,
      );
      return;
    }
    let event: KubedeckEvent | undefined;
    try {
      event = await this.#count(payload);
    } catch (error) {
      this.options.logger.warn(
        `Could not count a permission denial for ${payload.userEntityRef}: ${error}`,
      );
    }
    if (!event) return;
    try {
      await publishKubedeckEvent(this.options.broker, event);
    } catch (error) {
      this.options.logger.warn(
        `Could not publish a burst of permission denials for ${payload.userEntityRef}: ${error}`,
      );
    }
  }

  /** Records the denial; the burst's event when this instance is the one to announce it. */
  async #count(
    denial: PermissionDeniedEvent,
  ): Promise<KubedeckEvent | undefined> {
    const { store, threshold, windowMs } = this.options;
    const user = denial.userEntityRef;
    const at = Date.parse(denial.at);
    await this.#prune(at);
    const announcedAt = await store.announcedAt(user);
    if (announcedAt !== undefined && at - announcedAt < windowMs) {
      return undefined;
    }
    await store.record({
      userEntityRef: user,
      permission: denial.permission,
      at,
    });
    const counts = await store.countByPermission(user, at - windowMs, at);
    const total = counts.reduce((sum, { count }) => sum + count, 0);
    if (total < threshold) return undefined;
    if (!(await store.claimAnnouncement(user, at, at - windowMs))) {
      return undefined;
    }
    return this.#event(user, counts, total);
  }

  #event(
    userEntityRef: string,
    counts: DenialCount[],
    total: number,
  ): KubedeckEvent {
    const { links, windowMs } = this.options;
    const minutes = Math.round(windowMs / 60_000);
    const first = new Date(Math.min(...counts.map(c => c.first))).toISOString();
    const last = new Date(Math.max(...counts.map(c => c.last))).toISOString();
    const top = counts
      .slice(0, 5)
      .map(({ permission, count }) => `${permission}: ${count}`);
    return {
      id: eventIdOf('permission-denials', userEntityRef, first),
      occurredAt: last,
      cluster: PORTAL_CLUSTER,
      object: { kind: 'User', name: userEntityRef },
      severity: 'high',
      category: 'alerts.security',
      title:
        `${userEntityRef} was denied ${total} permissions within ${minutes} minute(s)`.slice(
          0,
          500,
        ),
      description: [`Since ${first}. Most denied:`, ...top].join('\n'),
      fingerprint: `${PORTAL_CLUSTER}/-/User/${userEntityRef}/PermissionDenialBurst/${first}`,
      link: links.entityPage(userEntityRef),
      source: 'permission.denials',
    };
  }

  /** Forgets denials and announcements older than a window, at most once a window. */
  async #prune(now: number): Promise<void> {
    const { store, windowMs } = this.options;
    if (now - this.#lastPrune < windowMs) return;
    this.#lastPrune = now;
    await store.prune(now - windowMs);
  }
}

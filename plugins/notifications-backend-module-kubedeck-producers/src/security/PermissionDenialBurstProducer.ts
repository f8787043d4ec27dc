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

/**
 * Stands in for the cluster of events about the portal itself; no Kubernetes object can be
 * named `-`, so it never matches a real cluster.
 */
export const PORTAL_CLUSTER = '-';

/** Denials of one user: the most recent ones within the window, oldest first. */
type UserDenials = {
  denials: { at: number; permission: string }[];
  /** When this user's last burst was announced; quiet for a window after it. */
  announcedAt?: number;
};

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
 * within `windowMs`, from the requests Kubedeck routes refused. After announcing, the user's
 * count starts over and nothing more is announced for them until a window has passed.
 * Counting is per backend instance: each counts the requests its own routes refused.
 */
export class PermissionDenialBurstProducer {
  readonly #users = new Map<string, UserDenials>();
  #lastSweep = 0;

  constructor(
    private readonly options: {
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
    const { threshold, windowMs } = this.options;
    const at = Date.parse(payload.at);
    this.#sweep(at);
    const user = this.#users.get(payload.userEntityRef) ?? { denials: [] };
    this.#users.set(payload.userEntityRef, user);
    if (user.announcedAt !== undefined && at - user.announcedAt < windowMs) {
      return;
    }
    const { denials } = user;
    denials.push({ at, permission: payload.permission });
    denials.sort((a, b) => a.at - b.at);
    const newest = denials[denials.length - 1].at;
    while (denials.length > threshold || newest - denials[0].at >= windowMs) {
      denials.shift();
    }
    if (denials.length < threshold) return;

    const event = this.#event(payload.userEntityRef, denials);
    user.announcedAt = at;
    user.denials = [];
    try {
      await publishKubedeckEvent(this.options.broker, event);
    } catch (error) {
      this.options.logger.warn(
        `Could not publish a burst of permission denials for ${payload.userEntityRef}: ${error}`,
      );
    }
  }

  #event(
    userEntityRef: string,
    denials: UserDenials['denials'],
  ): KubedeckEvent {
    const { links, windowMs } = this.options;
    const minutes = Math.round(windowMs / 60_000);
    const first = new Date(denials[0].at).toISOString();
    const counts = new Map<string, number>();
    for (const { permission } of denials) {
      counts.set(permission, (counts.get(permission) ?? 0) + 1);
    }
    const top = [...counts]
      .sort(([, a], [, b]) => b - a)
      .slice(0, 5)
      .map(([name, count]) => `${name}: ${count}`);
    return {
      id: eventIdOf('permission-denials', userEntityRef, first),
      occurredAt: new Date(denials[denials.length - 1].at).toISOString(),
      cluster: PORTAL_CLUSTER,
      object: { kind: 'User', name: userEntityRef },
      severity: 'high',
      category: 'alerts.security',
      title:
        `${userEntityRef} was denied ${denials.length} permissions within ${minutes} minute(s)`.slice(
          0,
          500,
        ),
      description: [`Since ${first}. Most denied:`, ...top].join('\n'),
      fingerprint: `${PORTAL_CLUSTER}/-/User/${userEntityRef}/PermissionDenialBurst/${first}`,
      link: links.entityPage(userEntityRef),
      source: 'permission.policy',
    };
  }

  /** Forgets users without a denial in the last window, at most once a window. */
  #sweep(now: number): void {
    const { windowMs } = this.options;
    if (now - this.#lastSweep < windowMs) return;
    this.#lastSweep = now;
    for (const [ref, user] of this.#users) {
      const last = Math.max(
        user.denials.at(-1)?.at ?? 0,
        user.announcedAt ?? 0,
      );
      if (now - last >= windowMs) this.#users.delete(ref);
    }
  }
}

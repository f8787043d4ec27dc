import {
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
  createServiceRef,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';

/**
 * The Backstage events topic on which Kubedeck backends announce each request they refuse a
 * user for a missing permission. Permission checks that only decide what to show (the
 * frontend's `usePermission`) are not announced.
 *
 * @public
 */
export const PERMISSION_DENIED_TOPIC = 'kubedeck.permission.denied';

/**
 * Payload of an event on {@link PERMISSION_DENIED_TOPIC}: who was refused which permission and
 * when. It never carries the resource the permission was asked about.
 *
 * @public
 */
export type PermissionDeniedEvent = {
  /** The user's entity ref, such as `user:default/jane`. */
  userEntityRef: string;
  /** The permission's name, such as `kubedeck.clusters.exec`. */
  permission: string;
  /** When the request was refused, ISO 8601. */
  at: string;
};

/**
 * Announces the requests a Kubedeck route refuses a user for a missing permission, on
 * {@link PERMISSION_DENIED_TOPIC}.
 *
 * @public
 */
export interface PermissionDenialsService {
  /**
   * Announces that `permission` was refused to the caller; callers other than users are not
   * announced. Neither waits for the announcement nor throws: a failure costs only the event.
   */
  announce(credentials: BackstageCredentials, permission: { name: string }): void;
}

function isUser(
  credentials: BackstageCredentials,
): credentials is BackstageCredentials<BackstageUserPrincipal> {
  return (credentials.principal as { type?: string }).type === 'user';
}

/**
 * {@link PermissionDenialsService} over Backstage's events service.
 *
 * @public
 */
export class EventsPermissionDenials implements PermissionDenialsService {
  constructor(
    private readonly deps: {
      events: EventsService;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  announce(credentials: BackstageCredentials, permission: { name: string }) {
    if (!isUser(credentials)) return;
    const eventPayload: PermissionDeniedEvent = {
      userEntityRef: credentials.principal.userEntityRef,
      permission: permission.name,
      at: (this.deps.now?.() ?? new Date()).toISOString(),
    };
    this.#publish(eventPayload).catch(error =>
      this.deps.logger.warn(
        `Could not announce the denial of ${eventPayload.permission} to ${eventPayload.userEntityRef}: ${error}`,
      ),
    );
  }

  async #publish(eventPayload: PermissionDeniedEvent): Promise<void> {
    await this.deps.events.publish({
      topic: PERMISSION_DENIED_TOPIC,
      eventPayload,
    });
  }
}

/**
 * The plugin's {@link PermissionDenialsService}, publishing through its events service.
 *
 * @public
 */
export const permissionDenialsServiceRef =
  createServiceRef<PermissionDenialsService>({
    id: 'kubedeck.permission-denials',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { events: eventsServiceRef, logger: coreServices.logger },
        factory: deps => new EventsPermissionDenials(deps),
      }),
  });

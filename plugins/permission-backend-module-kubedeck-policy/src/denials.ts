/**
 * The Backstage events topic on which the Kubedeck permission policy announces every denial
 * it decides for a user, published through `@backstage/plugin-events-node`'s events service.
 *
 * @public
 */
export const PERMISSION_DENIED_TOPIC = 'kubedeck.permission.denied';

/**
 * Payload of an event on {@link PERMISSION_DENIED_TOPIC}: who was denied which permission and
 * when. It never carries the resource the permission was asked about.
 *
 * @public
 */
export type PermissionDeniedEvent = {
  /** The user's entity ref, such as `user:default/jane`. */
  userEntityRef: string;
  /** The permission's name, such as `kubedeck.clusters.exec`. */
  permission: string;
  /** When the policy decided, ISO 8601. */
  at: string;
};

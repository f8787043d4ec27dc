/**
 * What every Kubedeck backend router shares: user permission checks that name the missing
 * permission and announce refusals, audited mutations and request input validated with zod.
 *
 * @packageDocumentation
 */
export { authorizeUser } from './authorizeUser';
export { audited } from './audited';
export { parseInput } from './parseInput';
export {
  EventsPermissionDenials,
  PERMISSION_DENIED_TOPIC,
  permissionDenialsServiceRef,
} from './permissionDenials';
export type {
  PermissionDeniedEvent,
  PermissionDenialsService,
} from './permissionDenials';
export type { RouteServices } from './RouteServices';

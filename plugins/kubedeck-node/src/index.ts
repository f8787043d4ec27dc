/**
 * What every Kubedeck backend router shares: user permission checks that name the missing
 * permission, audited mutations and request input validated with zod.
 *
 * @packageDocumentation
 */
export { authorizeUser } from './authorizeUser';
export { audited } from './audited';
export { parseInput } from './parseInput';
export type { RouteServices } from './RouteServices';

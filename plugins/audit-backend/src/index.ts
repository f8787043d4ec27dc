/**
 * The Kubedeck audit trail backend plugin.
 *
 * @packageDocumentation
 */

export { auditPlugin as default } from './plugin';

/**
 * The Kubedeck Audit page for Backstage's new frontend system.
 *
 * @packageDocumentation
 */

export { auditPlugin as default } from './plugin';
export * from './api';

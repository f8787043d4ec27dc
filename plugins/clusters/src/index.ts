/**
 * The Kubedeck clusters plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */

export { clustersPlugin as default } from './plugin';
export * from './api';

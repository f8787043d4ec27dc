/**
 * Permissions, event and channel types and API schemas of Kubedeck notifications.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './types';
export * from './api';

/**
 * Kubedeck agent hub: permissions, permission presets, API types and request schemas.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './presets';
export * from './api';
export * from './events';

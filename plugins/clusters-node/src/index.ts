/**
 * Node.js library for the Kubedeck clusters plugin.
 *
 * @packageDocumentation
 */

export * from './resource';
export * from './rules';
export * from './conditions';
export * from './cluster';
export * from './extensions';
export * from './access';
export * from './diagnosisEvents';

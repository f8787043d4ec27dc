/**
 * Common functionalities for the Kubedeck clusters plugin.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './resourceRef';
export * from './rules';
export * from './diagnosis';
export * from './api-types';
export * from './search';

/**
 * The Kubedeck clusters backend plugin.
 *
 * @packageDocumentation
 */

export { clustersPlugin as default } from './plugin';

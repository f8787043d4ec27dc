/**
 * The Kubedeck agent hub backend plugin, and the clusters module that supplies agent clusters.
 *
 * @packageDocumentation
 */
export { agentHubPlugin as default } from './plugin';
export { clustersModuleAgentHub } from './module';

/**
 * Kubedeck agents for Backstage's new frontend system: add a cluster through the agent, and
 * the agents list with live status, rotate and revoke.
 *
 * @packageDocumentation
 */

export { agentHubPlugin as default } from './plugin';
export * from './api';

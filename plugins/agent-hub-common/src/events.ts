/**
 * The Backstage events topic on which the agent hub announces agents' lifecycle, published
 * through `@backstage/plugin-events-node`'s events service.
 *
 * @public
 */
export const AGENT_LIFECYCLE_TOPIC = 'kubedeck.agent-hub.agents';

/**
 * Payload of an event on {@link AGENT_LIFECYCLE_TOPIC}: an agent registered, lost its stream
 * (offline once its reconnect grace has passed), came back, or was revoked.
 *
 * @public
 */
export type AgentLifecycleEvent = {
  type: 'agent.registered' | 'agent.offline' | 'agent.online' | 'agent.revoked';
  agentId: string;
  /** The agent's cluster name, as listed by the clusters plugin. */
  cluster: string;
  /** When it happened, ISO 8601. */
  at: string;
  /** The last heartbeat seen before going offline, ISO 8601. */
  lastHeartbeat?: string;
  /** The last push report accepted before going offline (push-only agents), ISO 8601. */
  lastReport?: string;
};

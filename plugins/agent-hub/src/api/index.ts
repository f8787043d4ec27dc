export { agentHubApiRef } from './AgentHubApi';
export type { AgentHubApi } from './AgentHubApi';
export { AgentHubClient } from './AgentHubClient';

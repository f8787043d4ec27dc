/**
 * The Kubedeck agent: dials out to the agent hub and serves the portal's Kubernetes API
 * requests over one gRPC stream.
 *
 * @packageDocumentation
 */
export { startAgent, AGENT_VERSION } from './startAgent';
export type { RunningAgent } from './startAgent';
export { Agent } from './Agent';
export type { AgentState } from './Agent';
export { readAgentConfig } from './config';
export type { AgentConfig } from './config';
export { backoffDelay } from './backoff';
export { SecretCredentialStore } from './credentials';
export type { CredentialStore, AgentCredentials } from './credentials';
export { detectFailures } from './failures/detect';
export { createLogger } from './logger';
export type { Logger } from './logger';
export { main } from './main';

import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  Agent,
  CreateTokenRequest,
  CreateTokenResponse,
  RegistrationToken,
  RotateCredentialResponse,
} from '@kubedeck/plugin-agent-hub-common';

/**
 * The Kubedeck agent hub: registration tokens and agents.
 *
 * @public
 */
export interface AgentHubApi {
  createToken(request: CreateTokenRequest): Promise<CreateTokenResponse>;
  listTokens(): Promise<RegistrationToken[]>;
  revokeToken(id: string): Promise<void>;
  listAgents(): Promise<Agent[]>;
  rotateCredential(agentId: string): Promise<RotateCredentialResponse>;
  revokeAgent(agentId: string): Promise<void>;
}

/** @public */
export const agentHubApiRef = createApiRef<AgentHubApi>().with({
  id: 'plugin.agent-hub.api',
  pluginId: 'agent-hub',
});

import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Agent,
  CreateTokenRequest,
  CreateTokenResponse,
  RegistrationToken,
  RotateCredentialResponse,
} from '@kubedeck/plugin-agent-hub-common';
import { AgentHubApi } from './AgentHubApi';

/**
 * {@link AgentHubApi} over the `agent-hub` backend plugin.
 *
 * @public
 */
export class AgentHubClient implements AgentHubApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  createToken(request: CreateTokenRequest): Promise<CreateTokenResponse> {
    return this.call('POST', '/v1/tokens', request);
  }

  async listTokens(): Promise<RegistrationToken[]> {
    return (
      await this.call<{ items: RegistrationToken[] }>('GET', '/v1/tokens')
    ).items;
  }

  async revokeToken(id: string): Promise<void> {
    await this.call('DELETE', `/v1/tokens/${encodeURIComponent(id)}`);
  }

  async listAgents(): Promise<Agent[]> {
    return (await this.call<{ items: Agent[] }>('GET', '/v1/agents')).items;
  }

  rotateCredential(agentId: string): Promise<RotateCredentialResponse> {
    return this.call(
      'POST',
      `/v1/agents/${encodeURIComponent(agentId)}/rotate`,
    );
  }

  async revokeAgent(agentId: string): Promise<void> {
    await this.call('DELETE', `/v1/agents/${encodeURIComponent(agentId)}`);
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('agent-hub');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : {
            body: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}

import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Agent } from '@kubedeck/plugin-agent-hub-common';
import { AgentHubApi, agentHubApiRef } from '../../../api';
import { AgentsPage } from '../AgentsPage';

export const agent = (overrides: Partial<Agent> = {}): Agent => ({
  id: 'a1',
  clusterName: 'edge',
  preset: 'read-only',
  status: 'connected',
  agentVersion: '0.1.0',
  registeredAt: '2026-11-26T12:00:00.000Z',
  lastHeartbeatAt: '2026-11-26T12:05:00.000Z',
  clusterInfo: {
    kubernetesVersion: 'v1.32.0',
    nodeCount: 3,
    namespaces: ['default'],
    crds: [],
  },
  ...overrides,
});

export function fakeAgentHubApi(overrides: Partial<AgentHubApi> = {}) {
  return {
    createToken: jest.fn(async request => ({
      token: 'kdr_secret',
      registration: {
        id: 't1',
        clusterName: request.clusterName,
        preset: request.preset,
        rules: [],
        createdBy: 'user:default/admin',
        createdAt: '2026-11-26T12:00:00.000Z',
        expiresAt: '2026-11-27T12:00:00.000Z',
        state: 'active' as const,
      },
      install: {
        helm: `helm install kubedeck-agent chart --set clusterName=${request.clusterName} --set registration.token=kdr_secret`,
        manifestsUrl:
          'http://localhost:7007/api/agent-hub/v1/manifests?token=kdr_secret',
        kubectl:
          "kubectl apply -f 'http://localhost:7007/api/agent-hub/v1/manifests?token=kdr_secret'",
      },
    })),
    listTokens: jest.fn(async () => []),
    revokeToken: jest.fn(async () => undefined),
    listAgents: jest.fn(async () => [
      agent(),
      agent({
        id: 'a2',
        clusterName: 'lab',
        status: 'offline',
        clusterInfo: undefined,
      }),
    ]),
    rotateCredential: jest.fn(async agentId => ({
      agentId,
      credential: 'kda_new',
    })),
    revokeAgent: jest.fn(async () => undefined),
    ...overrides,
  } satisfies AgentHubApi;
}

export function renderPage(
  api: AgentHubApi,
  authorize: (
    name: string,
  ) => AuthorizeResult.ALLOW | AuthorizeResult.DENY = () =>
    AuthorizeResult.ALLOW,
  path = '/',
) {
  return renderInTestApp(<AgentsPage />, {
    initialRouteEntries: [path],
    apis: [
      [agentHubApiRef, api],
      mockApis.permission({
        authorize: request => authorize(request.permission.name),
      }),
    ],
  });
}

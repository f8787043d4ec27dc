import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
// The clusters plugin is composed here with the agent hub's module, not imported by code.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import clustersPlugin from '@kubedeck/plugin-clusters-backend';
import { AppsV1Api } from '@kubernetes/client-node';
import request from 'supertest';
import { startTestAgent } from '../__testUtils__/agent';
import { freePort } from '../__testUtils__/hub';
import { startSim, waitFor } from '../__testUtils__/sim';
import { clustersModuleAgentHub } from '../module';
import { agentHubPlugin } from '../plugin';

jest.setTimeout(120_000);

describe('failures an agent reports', () => {
  it('become diagnoses of its cluster in the clusters plugin, and resolve when the agent stops reporting them', async () => {
    const sim = await startSim();
    const grpcPort = await freePort();
    const backend = await startTestBackend({
      features: [
        agentHubPlugin,
        clustersModuleAgentHub,
        clustersPlugin,
        schedulerServiceFactory,
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            kubedeck: {
              clusters: {
                diagnosis: { intervalSeconds: 2, resolveAfterSeconds: 0 },
              },
              agentHub: {
                grpc: { host: '127.0.0.1', port: grpcPort, insecure: true },
              },
            },
          },
        }),
      ],
    });
    const created = await request(backend.server)
      .post('/api/agent-hub/v1/tokens')
      .send({ clusterName: 'edge', preset: 'read-only' });
    expect(created.status).toBe(201);
    const agent = await startTestAgent({
      grpcPort,
      kubeconfigPath: sim.kubeconfigPath,
      clusterName: 'edge',
      token: created.body.token,
    });
    try {
      await waitFor(() => agent.agent.state === 'connected', 'the agent');
      const fromAgent = (d: any) =>
        d.evidence.some((line: string) =>
          line.startsWith('agent-hub: Agent reported CrashLoopBackOff'),
        );
      const diagnosis = await waitFor(
        async () => {
          const res = await request(backend.server).get(
            '/api/clusters/v1/diagnoses?cluster=edge&state=open',
          );
          return (res.body.items as any[])?.find(
            d => d.type === 'CrashLoopBackOff' && fromAgent(d),
          );
        },
        'the crash loop the agent reports among the diagnoses',
        60_000,
      );
      expect(diagnosis).toMatchObject({
        cluster: 'edge',
        kind: 'Pod',
        namespace: 'team-a',
        name: expect.stringMatching(/^recommender-/),
        severity: 'critical',
      });
      expect(diagnosis.evidence).toContainEqual(
        expect.stringMatching(/^agent-hub: Event Warning BackOff/),
      );

      // Scaled to zero, the pod is gone: the agent no longer lists the failure.
      await sim.kubeConfig.makeApiClient(AppsV1Api).patchNamespacedDeployment({
        name: 'recommender',
        namespace: 'team-a',
        body: [{ op: 'replace', path: '/spec/replicas', value: 0 }],
      });
      const agentId = agent.agent.agentId;
      const failures = await waitFor(
        async () => {
          const res = await request(backend.server).get(
            `/api/agent-hub/v1/agents/${agentId}/failures`,
          );
          const items = res.body.items as any[];
          return (
            items.some(f => f.pod === diagnosis.name) &&
            items.every(f => f.pod !== diagnosis.name || f.resolvedAt) &&
            items
          );
        },
        'the failure to resolve at the hub',
        30_000,
      );
      expect(failures).toContainEqual(
        expect.objectContaining({
          reason: 'CrashLoopBackOff',
          pod: diagnosis.name,
        }),
      );
      await waitFor(
        async () => {
          const res = await request(backend.server).get(
            '/api/clusters/v1/diagnoses?cluster=edge&state=open',
          );
          return !(res.body.items as any[]).some(d => d.id === diagnosis.id);
        },
        'the diagnosis to resolve',
        30_000,
      );
    } finally {
      await agent.stop();
      await backend.stop();
      await sim.close();
    }
  });
});

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
// The whole portal in one test backend: the clusters plugin is composed here, not imported by code.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import clustersPlugin from '@kubedeck/plugin-clusters-backend';
import kubernetesModuleKubedeckClusters from '@kubedeck/plugin-kubernetes-backend-module-kubedeck-clusters';
import request from 'supertest';
import { startTestAgent } from '../__testUtils__/agent';
import { freePort } from '../__testUtils__/hub';
import { startSim, waitFor } from '../__testUtils__/sim';
import { clustersModuleAgentHub } from '../module';
import { agentHubPlugin } from '../plugin';

jest.setTimeout(90_000);

describe('an agent cluster in the whole portal', () => {
  it("is listed and reachable in Kubedeck clusters and Backstage's Kubernetes plugin", async () => {
    const sim = await startSim();
    const grpcPort = await freePort();
    const backend = await startTestBackend({
      features: [
        agentHubPlugin,
        clustersModuleAgentHub,
        clustersPlugin,
        kubernetesPlugin,
        kubernetesModuleKubedeckClusters,
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [{ type: 'config', clusters: [] }],
            },
            kubedeck: {
              clusters: { diagnosis: { intervalSeconds: 3600 } },
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
      .send({ clusterName: 'edge', preset: 'admin' });
    expect(created.status).toBe(201);
    const agent = await startTestAgent({
      grpcPort,
      kubeconfigPath: sim.kubeconfigPath,
      clusterName: 'edge',
      token: created.body.token,
    });
    try {
      await waitFor(() => agent.agent.state === 'connected', 'the agent');
      const clusters = await waitFor(
        async () => {
          const res = await request(backend.server).get(
            '/api/clusters/v1/clusters',
          );
          const items: any[] = res.body.items ?? res.body ?? [];
          return (
            items.find(c => c.name === 'edge' && c.status?.reachable) && items
          );
        },
        'the agent cluster in the clusters plugin',
        30_000,
      );
      expect(clusters).toContainEqual(
        expect.objectContaining({ name: 'edge', connectionType: 'agent' }),
      );

      // Backstage's Kubernetes plugin lists it too. (Its /proxy route loads an ES module
      // dynamically, which Jest cannot run; it uses the same cluster details and credentials.)
      const k8s = await request(backend.server).get('/api/kubernetes/clusters');
      expect(k8s.body.items).toContainEqual(
        expect.objectContaining({ name: 'edge' }),
      );
    } finally {
      await agent.stop();
      await backend.stop();
      await sim.close();
    }
  });
});

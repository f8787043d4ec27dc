import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import clustersPlugin from '@kubedeck/plugin-clusters-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubeSim } from '@kubedeck/kube-sim';
import { loadScenario } from '@kubedeck/kube-sim/src/scenario';
import request from 'supertest';
import { parse } from 'yaml';
import { fixedClusterRegistry } from '@kubedeck/plugin-clusters-node/testUtils';
import { KubeConfig } from '@kubernetes/client-node';
import { KubedeckAuthStrategy } from './KubedeckAuthStrategy';
import { kubernetesModuleKubedeckClusters } from './module';

jest.setTimeout(60_000);

describe('kubernetes-backend-module-kubedeck-clusters', () => {
  it("lets Backstage's Kubernetes plugin list Kubedeck clusters", async () => {
    const sim = await startKubeSim({
      scenario: await loadScenario('demo'),
      port: 0,
    });
    const kubeconfig = parse(sim.kubeconfig());
    const backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        kubernetesModuleKubedeckClusters,
        clustersPlugin,
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [{ type: 'config', clusters: [] }],
            },
            kubedeck: {
              clusters: {
                diagnosis: { intervalSeconds: 3600 },
                list: [
                  {
                    name: 'sim',
                    title: 'Simulated',
                    url: sim.url,
                    caData:
                      kubeconfig.clusters[0].cluster[
                        'certificate-authority-data'
                      ],
                    auth: { token: kubeconfig.users[0].user.token },
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    try {
      const clusters = await request(backend.server).get(
        '/api/kubernetes/clusters',
      );
      expect(clusters.status).toBe(200);
      expect(clusters.body.items).toContainEqual(
        expect.objectContaining({ name: 'sim', title: 'Simulated' }),
      );
    } finally {
      await backend.stop();
      await sim.close();
    }
  });
});

describe('KubedeckAuthStrategy', () => {
  it('hands over the credentials Kubedeck holds, read at request time', async () => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromClusterAndUser(
      { name: 'c', server: 'https://c:6443', skipTLSVerify: false },
      { name: 'u', token: 'cluster-token' },
    );
    const registry = fixedClusterRegistry([
      { name: 'c', connectionType: 'direct', kubeConfig },
    ]);
    const strategy = new KubedeckAuthStrategy(registry);
    const details = { name: 'c', url: 'https://c:6443', authMetadata: {} };
    await expect(strategy.getCredential(details)).resolves.toEqual({
      type: 'bearer token',
      token: 'cluster-token',
    });
    await expect(
      strategy.getCredential({ ...details, name: 'gone' }),
    ).rejects.toThrow(/not available/);
    expect(strategy.presentAuthMetadata({ secret: 'x' })).toEqual({});
  });
});

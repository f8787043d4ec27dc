import { KubeConfig } from '@kubernetes/client-node';
import { ClusterStatusService } from './ClusterStatusService';

describe('ClusterStatusService', () => {
  const definition = {
    name: 'gone',
    connectionType: 'direct' as const,
    kubeConfig: new KubeConfig(),
  };

  it('reports a cluster it cannot reach as unreachable instead of failing', async () => {
    const access = {
      listClusters: jest.fn(),
      forCaller: jest.fn(),
      forPlugin: jest.fn(async () => {
        throw new Error('Cluster gone not found');
      }),
    };
    const service = new ClusterStatusService(access, 0);
    await expect(service.statusOf(definition)).resolves.toMatchObject({
      name: 'gone',
      status: { reachable: false, lastError: 'Cluster gone not found' },
      capabilities: { metrics: false, crds: false },
    });
  });

  it('answers the last status while a slow probe runs', async () => {
    let release: () => void = () => {};
    let calls = 0;
    const access = {
      listClusters: jest.fn(),
      forCaller: jest.fn(),
      forPlugin: jest.fn(async () => {
        calls += 1;
        if (calls > 1) await new Promise<void>(resolve => (release = resolve));
        throw new Error(`probe ${calls}`);
      }),
    };
    const service = new ClusterStatusService(access, 0);
    expect((await service.statusOf(definition)).status.lastError).toBe(
      'probe 1',
    );
    expect((await service.statusOf(definition)).status.lastError).toBe(
      'probe 1',
    );
    release();
  });
});

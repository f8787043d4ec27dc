import request from 'supertest';
import { startKubeSimBackend } from '../__testUtils__/kubeSimBackend';

jest.setTimeout(60_000);

describe('metrics on a cluster without metrics.k8s.io', () => {
  let env: Awaited<ReturnType<typeof startKubeSimBackend>>;

  beforeAll(async () => {
    env = await startKubeSimBackend({ metrics: false });
  });
  afterAll(() => env.close());

  it('says metrics are not available, and why, instead of answering zeros', async () => {
    const clusters = await request(env.server).get(
      '/api/clusters/v1/clusters/demo',
    );
    expect(clusters.body.capabilities.metrics).toBe(false);
    for (const path of [
      'metrics/nodes',
      'metrics/pods',
      'namespaces/team-a/metrics/pods',
    ]) {
      const res = await request(env.server).get(
        `/api/clusters/v1/clusters/demo/${path}`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        available: false,
        reason:
          'The cluster does not serve metrics.k8s.io (metrics-server is not installed)',
      });
    }
  });
});

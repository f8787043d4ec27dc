import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { startKubeSim } from '@kubedeck/kube-sim';
import { loadScenario } from '@kubedeck/kube-sim/src/scenario';
import {
  DefaultClusterAccessService,
  DefaultClusterRegistry,
  DiagnosisEvent,
  InMemoryDiagnosisEvents,
} from '@kubedeck/plugin-clusters-node';
import { KubeConfig } from '@kubernetes/client-node';
import { KnexDiagnosisStore } from '../database/KnexDiagnosisStore';
import { DiagnosisService } from './DiagnosisService';

jest.setTimeout(60_000);

describe('DiagnosisService against kube-sim', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('opens a diagnosis with a fix, publishes it, and resolves it when the problem is gone', async () => {
    const sim = await startKubeSim({
      scenario: await loadScenario('demo'),
      port: 0,
    });
    try {
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromString(sim.kubeconfig());
      const registry = new DefaultClusterRegistry({
        logger: mockServices.logger.mock(),
      });
      registry.addSuppliers([
        {
          id: 'test',
          getClusters: async () => [
            { name: 'demo', connectionType: 'demo', kubeConfig },
          ],
        },
      ]);
      const access = new DefaultClusterAccessService(
        registry,
        mockServices.permissions.mock(),
        mockServices.userInfo.mock(),
      );
      const store = await KnexDiagnosisStore.create({
        database: mockServices.database({
          knex: await databases.init('SQLITE_3'),
        }),
      });
      const events = new InMemoryDiagnosisEvents();
      const published: DiagnosisEvent[] = [];
      events.subscribe(event => void published.push(event));
      const service = new DiagnosisService({
        registry,
        access,
        store,
        events,
        logger: mockServices.logger.mock(),
      });

      const client = await access.forPlugin({ cluster: 'demo' });
      await client.requestJson({
        method: 'POST',
        path: '/api/v1/namespaces/team-a/services',
        body: {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'orphan' },
          spec: { selector: { app: 'nobody' }, ports: [{ port: 80 }] },
        },
      });
      await service.runCluster('demo');
      const orphan = (
        await store.list({ state: 'open', cluster: 'demo' })
      ).find(d => d.name === 'orphan');
      expect(orphan).toMatchObject({
        type: 'ServiceWithoutPods',
        namespace: 'team-a',
        evidence: ['Selector app=nobody matches no pod in team-a'],
      });
      expect(orphan!.fix).toContain('app=nobody');
      expect(published).toContainEqual({
        type: 'diagnosis.opened',
        diagnosis: orphan,
      });

      await client.requestJson({
        method: 'DELETE',
        path: '/api/v1/namespaces/team-a/services/orphan',
      });
      await service.runCluster('demo');
      expect(published).toContainEqual({
        type: 'diagnosis.resolved',
        diagnosis: expect.objectContaining({
          id: orphan!.id,
          resolvedAt: expect.any(String),
        }),
      });
      expect(
        (await store.list({ state: 'open', cluster: 'demo' })).some(
          d => d.name === 'orphan',
        ),
      ).toBe(false);
    } finally {
      await sim.close();
    }
  });
});

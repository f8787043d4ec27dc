import { createBackendModule } from '@backstage/backend-plugin-api';
import { clustersDiagnosisExtensionPoint } from '@kubedeck/plugin-clusters-node';
import request from 'supertest';
import { startClustersTestBackend } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

describe('permission registration', () => {
  it('publishes the permissions, the resource type and its rules', async () => {
    const backend = await startClustersTestBackend({});
    try {
      const res = await request(backend.server).get(
        '/api/clusters/.well-known/backstage/permissions/metadata',
      );
      expect(res.status).toBe(200);
      expect(res.body.permissions.map((p: any) => p.name)).toEqual(
        expect.arrayContaining([
          'kubedeck.clusters.read',
          'kubedeck.clusters.resource.read',
          'kubedeck.clusters.secret.read',
          'kubedeck.clusters.logs.read',
        ]),
      );
      expect(
        res.body.rules.map((r: any) => `${r.resourceType}:${r.name}`).sort(),
      ).toEqual([
        'kubedeck-cluster-resource:IS_IN_CLUSTER',
        'kubedeck-cluster-resource:IS_IN_NAMESPACE',
        'kubedeck-cluster-resource:IS_KIND',
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('refuses a second diagnosis finding source with the same id', async () => {
    const sourceModule = (moduleId: string) =>
      createBackendModule({
        pluginId: 'clusters',
        moduleId,
        register(env) {
          env.registerInit({
            deps: { diagnosis: clustersDiagnosisExtensionPoint },
            async init({ diagnosis }) {
              diagnosis.addFindingSource({
                id: 'agent-hub',
                getFindings: async () => [],
              });
            },
          });
        },
      });
    await expect(
      startClustersTestBackend(
        {},
        { features: [sourceModule('one'), sourceModule('two')] },
      ),
    ).rejects.toThrow(
      "A diagnosis finding source with id 'agent-hub' was already added",
    );
  });
});

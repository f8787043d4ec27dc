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
});

import request from 'supertest';
import { startKubeSimBackend } from '../__testUtils__/kubeSimBackend';

jest.setTimeout(60_000);

const TEAM_A = '/api/clusters/v1/clusters/demo/namespaces/team-a';

/** A namespaced custom resource whose plural is one of the action words of the write routes. */
function crd(group: string, plural: string) {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { plural, singular: plural, kind: 'Odd', listKind: 'OddList' },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              'x-kubernetes-preserve-unknown-fields': true,
            },
          },
        },
      ],
    },
  };
}

describe('write routes of namespaced resources', () => {
  let env: Awaited<ReturnType<typeof startKubeSimBackend>>;

  beforeAll(async () => {
    env = await startKubeSimBackend();
    for (const [group, plural] of [
      ['restarts.example.com', 'restart'],
      ['scales.example.com', 'scale'],
    ]) {
      const created = await env.kube(
        '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
        { method: 'POST', body: crd(group, plural) },
      );
      if (created.status !== 201) {
        throw new Error(
          `CRD ${plural}.${group} not created: ${created.status}`,
        );
      }
    }
  });
  afterAll(() => env.close());

  // `/clusters/c/namespaces/ns/{group}/v1/restart` has as many segments as the cluster-scoped
  // `/clusters/c/{group}/{version}/{resource}/{name}/restart`; the namespaced route must win.
  it.each([
    ['restarts.example.com', 'restart'],
    ['scales.example.com', 'scale'],
  ])(
    'creates, patches and deletes %s/%s objects in a namespace',
    async (group, plural) => {
      const collection = `${TEAM_A}/${group}/v1/${plural}`;
      const created = await request(env.server)
        .post(collection)
        .send({
          apiVersion: `${group}/v1`,
          kind: 'Odd',
          metadata: { name: 'one' },
          spec: { size: 1 },
        });
      expect(created.status).toBe(201);
      expect(created.body.metadata.namespace).toBe('team-a');

      const patched = await request(env.server)
        .patch(`${collection}/one`)
        .send({ type: 'merge', patch: { spec: { size: 2 } } });
      expect(patched.status).toBe(200);
      const stored = await env.kube(
        `/apis/${group}/v1/namespaces/team-a/${plural}/one`,
      );
      expect(stored.body.spec.size).toBe(2);

      const deleted = await request(env.server).delete(`${collection}/one`);
      expect(deleted.status).toBe(200);
      expect(
        (await env.kube(`/apis/${group}/v1/namespaces/team-a/${plural}/one`))
          .status,
      ).toBe(404);
      expect(
        env.state.audits
          .filter(a => a.meta?.kind === 'Odd')
          .map(a => [a.meta?.action, a.meta?.namespace]),
      ).toEqual(
        expect.arrayContaining([
          ['create', 'team-a'],
          ['patch', 'team-a'],
          ['delete', 'team-a'],
        ]),
      );
    },
  );

  it('deletes a running pod gracefully, or at once with gracePeriodSeconds=0', async () => {
    const pods = await env.kube(
      '/api/v1/namespaces/team-a/pods?labelSelector=app%3Dweb',
    );
    const running = pods.body.items.filter(
      (p: any) => p.status?.phase === 'Running',
    );
    expect(running.length).toBeGreaterThanOrEqual(1);
    const name = running[0].metadata.name;

    const graceful = await request(env.server).delete(
      `${TEAM_A}/core/v1/pods/${name}?gracePeriodSeconds=3600`,
    );
    expect(graceful.status).toBe(200);
    expect(graceful.body.metadata).toMatchObject({
      deletionTimestamp: expect.any(String),
      deletionGracePeriodSeconds: 3600,
    });
    expect(
      (await env.kube(`/api/v1/namespaces/team-a/pods/${name}`)).status,
    ).toBe(200);

    const forced = await request(env.server).delete(
      `${TEAM_A}/core/v1/pods/${name}?gracePeriodSeconds=0`,
    );
    expect(forced.status).toBe(200);
    expect(
      (await env.kube(`/api/v1/namespaces/team-a/pods/${name}`)).status,
    ).toBe(404);
    const bad = await request(env.server).delete(
      `${TEAM_A}/core/v1/pods/${name}?gracePeriodSeconds=-1`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('gracePeriodSeconds');
  });
});

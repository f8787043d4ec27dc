import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  clusterLogsReadPermission,
  clusterResourceReadPermission,
  clusterSecretReadPermission,
} from '@kubedeck/plugin-clusters-common';
import {
  clusterResourceConditions,
  createClusterResourceConditionalDecision,
} from '@kubedeck/plugin-clusters-node';
import request from 'supertest';
import { startKubeSimBackend } from '../__testUtils__/kubeSimBackend';

jest.setTimeout(60_000);

const V1 = '/api/clusters/v1';
const TEAM_A = `${V1}/clusters/demo/namespaces/team-a`;

describe('clusters router against kube-sim', () => {
  let env: Awaited<ReturnType<typeof startKubeSimBackend>>;

  beforeAll(async () => {
    env = await startKubeSimBackend();
  });
  afterAll(() => env.close());
  beforeEach(() => {
    env.state.policy = () => ({ result: AuthorizeResult.ALLOW });
    env.state.audits.length = 0;
  });

  it('lists clusters with status, and an unreachable one with its error', async () => {
    const res = await request(env.server).get(`${V1}/clusters`);
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.items.map((c: any) => [c.name, c]),
    );
    expect(byName.demo).toMatchObject({
      connectionType: 'demo',
      status: { reachable: true },
    });
    expect(byName.demo.nodeCount).toBeGreaterThan(0);
    expect(byName.demo.version).toMatch(/^v1\./);
    expect(byName.demo.capabilities).toEqual({
      metrics: expect.any(Boolean),
      crds: true,
    });
    expect(byName.offline.status).toMatchObject({
      reachable: false,
      lastError: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('discovers what the cluster serves', async () => {
    const res = await request(env.server).get(`${V1}/clusters/demo/resources`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          group: 'apps',
          version: 'v1',
          resource: 'deployments',
          kind: 'Deployment',
          namespaced: true,
        }),
        expect.objectContaining({
          group: 'core',
          version: 'v1',
          resource: 'nodes',
          kind: 'Node',
          namespaced: false,
        }),
      ]),
    );
  });

  it('lists with selectors and pages with continue', async () => {
    const first = await request(env.server).get(
      `${TEAM_A}/core/v1/configmaps?limit=1`,
    );
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.continue).toBeTruthy();
    const second = await request(env.server)
      .get(`${TEAM_A}/core/v1/configmaps`)
      .query({ limit: 1, continue: first.body.continue });
    expect(second.body.items[0].metadata.name).not.toBe(
      first.body.items[0].metadata.name,
    );
    const selected = await request(env.server).get(
      `${TEAM_A}/apps/v1/deployments?labelSelector=app%3Dweb`,
    );
    expect(selected.body.items.map((d: any) => d.metadata.name)).toEqual([
      'web',
    ]);
    const byField = await request(env.server).get(
      `${TEAM_A}/core/v1/configmaps?fieldSelector=metadata.name%3Dweb-config`,
    );
    expect(byField.body.items.map((d: any) => d.metadata.name)).toEqual([
      'web-config',
    ]);
  });

  it('gets objects as JSON or YAML', async () => {
    const json = await request(env.server).get(
      `${TEAM_A}/core/v1/configmaps/web-config`,
    );
    expect(json.body).toMatchObject({
      kind: 'ConfigMap',
      metadata: { name: 'web-config' },
    });
    const yaml = await request(env.server).get(
      `${TEAM_A}/core/v1/configmaps/web-config?format=yaml`,
    );
    expect(yaml.type).toBe('application/yaml');
    expect(yaml.text).toContain('name: web-config');
    const accept = await request(env.server)
      .get(`${TEAM_A}/core/v1/configmaps/web-config`)
      .set('Accept', 'application/yaml');
    expect(accept.text).toContain('kind: ConfigMap');
  });

  it('masks secret values unless the caller may read secrets', async () => {
    env.state.policy = name => ({
      result:
        name === 'kubedeck.clusters.secret.read'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
    const masked = await request(env.server).get(
      `${TEAM_A}/core/v1/secrets/api-credentials`,
    );
    expect(masked.status).toBe(200);
    expect(Object.values(masked.body.data).every(v => v === '********')).toBe(
      true,
    );
    const list = await request(env.server).get(`${TEAM_A}/core/v1/secrets`);
    expect(JSON.stringify(list.body)).not.toMatch(/"data":\{"[^"]+":"(?!\*)/);
    env.state.policy = () => ({ result: AuthorizeResult.ALLOW });
    const clear = await request(env.server).get(
      `${TEAM_A}/core/v1/secrets/api-credentials`,
    );
    expect(Object.values(clear.body.data).some(v => v !== '********')).toBe(
      true,
    );
  });

  it('creates, patches, scales, restarts, applies and deletes, auditing each write without its body', async () => {
    const created = await request(env.server)
      .post(`${TEAM_A}/core/v1/configmaps`)
      .send({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'made-here' },
        data: { password: 'hunter2' },
      });
    expect(created.status).toBe(201);
    const patched = await request(env.server)
      .patch(`${TEAM_A}/core/v1/configmaps/made-here`)
      .send({ type: 'merge', patch: { data: { extra: 'yes' } } });
    expect(patched.body.data).toMatchObject({ extra: 'yes' });
    const scaled = await request(env.server)
      .post(`${TEAM_A}/apps/v1/deployments/web/scale`)
      .send({ replicas: 3 });
    expect(scaled.status).toBe(200);
    const web = await env.kube(
      '/apis/apps/v1/namespaces/team-a/deployments/web',
    );
    expect(web.body.spec.replicas).toBe(3);
    const restarted = await request(env.server).post(
      `${TEAM_A}/apps/v1/deployments/web/restart`,
    );
    expect(
      restarted.body.spec.template.metadata.annotations[
        'kubectl.kubernetes.io/restartedAt'
      ],
    ).toBeTruthy();
    const applied = await request(env.server)
      .post(`${V1}/clusters/demo/apply`)
      .send({
        manifest:
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\n  namespace: team-a\ndata:\n  a: "1"\n',
      });
    expect(applied.status).toBe(200);
    expect(applied.body.items[0].metadata.name).toBe('applied');
    const deleted = await request(env.server).delete(
      `${TEAM_A}/core/v1/configmaps/made-here`,
    );
    expect(deleted.status).toBe(200);
    expect(
      (await env.kube('/api/v1/namespaces/team-a/configmaps/made-here')).status,
    ).toBe(404);

    expect(env.state.audits.map(a => a.meta?.action)).toEqual([
      'create',
      'patch',
      'scale',
      'restart',
      'apply',
      'delete',
    ]);
    expect(JSON.stringify(env.state.audits.map(a => a.meta))).not.toContain(
      'hunter2',
    );
  });

  it('answers 400 with a message for bad input', async () => {
    const cases = [
      request(env.server).get(`${TEAM_A}/core/v1/configmaps?limit=lots`),
      request(env.server)
        .post(`${TEAM_A}/apps/v1/deployments/web/scale`)
        .send({ replicas: -1 }),
      request(env.server)
        .patch(`${TEAM_A}/core/v1/configmaps/web-config`)
        .send({ type: 'xml', patch: {} }),
      request(env.server)
        .post(`${V1}/clusters/demo/apply`)
        .send({ manifest: 'kind: [' }),
      request(env.server).post(
        `${TEAM_A}/core/v1/configmaps/web-config/restart`,
      ),
      request(env.server).get(`${V1}/clusters/demo/watch?resource=pods!`),
      request(env.server).get(`${TEAM_A}/pods/any/logs?grep=(`),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBeTruthy();
    }
  });

  it('hides filtered namespaces everywhere with 404', async () => {
    const filtered = `${V1}/clusters/filtered`;
    expect(
      (
        await request(env.server).get(
          `${filtered}/namespaces/payments/core/v1/configmaps`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await request(env.server).get(`${filtered}/core/v1/namespaces/payments`))
        .status,
    ).toBe(404);
    expect(
      (
        await request(env.server).get(
          `${filtered}/namespaces/payments/pods/x/logs`,
        )
      ).status,
    ).toBe(404);
    const namespaces = await request(env.server).get(
      `${filtered}/core/v1/namespaces`,
    );
    const names = namespaces.body.items.map((n: any) => n.metadata.name);
    expect(names).toContain('team-a');
    expect(names).not.toContain('payments');
    const deployments = await request(env.server).get(
      `${filtered}/apps/v1/deployments`,
    );
    expect(deployments.body.items.length).toBeGreaterThan(0);
    expect(
      deployments.body.items.some(
        (d: any) => d.metadata.namespace === 'payments',
      ),
    ).toBe(false);
  });

  it('shows a namespace-restricted user only their namespaces', async () => {
    env.state.policy = (name, user) => {
      if (
        user !== 'user:default/dev-a' ||
        (!name.startsWith('kubedeck.clusters.resource') &&
          name !== 'kubedeck.clusters.logs.read')
      ) {
        return { result: AuthorizeResult.ALLOW };
      }
      const permission =
        name === 'kubedeck.clusters.logs.read'
          ? clusterLogsReadPermission
          : clusterResourceReadPermission;
      return createClusterResourceConditionalDecision(
        permission as any,
        clusterResourceConditions.isInNamespace({ namespaces: ['team-a'] }),
      );
    };
    const auth = mockCredentials.user.header('user:default/dev-a');
    const all = await request(env.server)
      .get(`${V1}/clusters/demo/apps/v1/deployments`)
      .set('Authorization', auth);
    expect(all.status).toBe(200);
    expect(
      new Set(all.body.items.map((d: any) => d.metadata.namespace)),
    ).toEqual(new Set(['team-a']));
    const namespaces = await request(env.server)
      .get(`${V1}/clusters/demo/core/v1/namespaces`)
      .set('Authorization', auth);
    expect(namespaces.body.items.map((n: any) => n.metadata.name)).toEqual([
      'team-a',
    ]);
    const other = await request(env.server)
      .get(`${V1}/clusters/demo/namespaces/team-b/apps/v1/deployments`)
      .set('Authorization', auth);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain(
      'kubedeck.clusters.resource.read',
    );
    const events = await request(env.server)
      .get(`${V1}/clusters/demo/core/v1/events`)
      .set('Authorization', auth);
    expect(
      events.body.items.every((e: any) => e.metadata.namespace === 'team-a'),
    ).toBe(true);
    const logs = await request(env.server)
      .get(`${V1}/clusters/demo/namespaces/team-b/pods/x/logs`)
      .set('Authorization', auth);
    expect(logs.status).toBe(403);
    expect(logs.body.error.message).toContain('kubedeck.clusters.logs.read');
  });

  it("lets the cluster's own RBAC judge the impersonated portal user", async () => {
    const asGuest = await request(env.server).get(
      `${V1}/clusters/impersonating/namespaces/team-a/core/v1/configmaps`,
    );
    expect(asGuest.status).toBe(403);
    expect(asGuest.body.error.message).toMatch(
      /^The cluster refused the request: .*user:default\/mock/,
    );
    const direct = await request(env.server).get(
      `${TEAM_A}/core/v1/configmaps`,
    );
    expect(direct.status).toBe(200);
  });

  it('describes a pod with secret-sourced env values masked unless secrets may be read', async () => {
    await env.kube('/api/v1/namespaces/team-a/pods', {
      method: 'POST',
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'described',
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: 'api',
              uid: 'u-1',
              controller: true,
            },
          ],
        },
        spec: {
          nodeName: 'node-1',
          containers: [
            {
              name: 'app',
              image: 'shop/api:1.0',
              env: [
                { name: 'PLAIN', value: 'visible' },
                {
                  name: 'API_KEY',
                  valueFrom: {
                    secretKeyRef: { name: 'api-credentials', key: 'API_KEY' },
                  },
                },
              ],
            },
          ],
        },
      },
    });
    env.state.policy = name => ({
      result:
        name === 'kubedeck.clusters.secret.read'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
    const masked = await request(env.server).get(
      `${TEAM_A}/pods/described/details`,
    );
    expect(masked.status).toBe(200);
    expect(masked.body).toMatchObject({
      name: 'described',
      node: 'node-1',
      ownerChain: [{ kind: 'Deployment', name: 'api' }],
    });
    const envVars = masked.body.containers[0].env;
    expect(envVars).toEqual([
      { name: 'PLAIN', value: 'visible' },
      {
        name: 'API_KEY',
        source: { kind: 'secret', name: 'api-credentials', key: 'API_KEY' },
        value: '********',
        masked: true,
      },
    ]);
    env.state.policy = () => ({ result: AuthorizeResult.ALLOW });
    const clear = await request(env.server).get(
      `${TEAM_A}/pods/described/details`,
    );
    expect(clear.body.containers[0].env[1]).toMatchObject({ masked: false });
    expect(clear.body.containers[0].env[1].value).not.toBe('********');
  });

  it('masks secrets per namespace for a user allowed to read secrets in some namespaces only', async () => {
    env.state.policy = name =>
      name === 'kubedeck.clusters.secret.read'
        ? createClusterResourceConditionalDecision(
            clusterSecretReadPermission,
            clusterResourceConditions.isInNamespace({ namespaces: ['team-a'] }),
          )
        : { result: AuthorizeResult.ALLOW };
    await env.kube('/api/v1/namespaces/team-b/secrets', {
      method: 'POST',
      body: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'b-secret' },
        data: { k: 'dmFsdWU=' },
      },
    });
    const all = await request(env.server).get(
      `${V1}/clusters/demo/core/v1/secrets`,
    );
    const byName = Object.fromEntries(
      all.body.items.map((s: any) => [s.metadata.name, s]),
    );
    expect(byName['api-credentials'].data.API_KEY).not.toBe('********');
    expect(byName['b-secret'].data).toEqual({ k: '********' });
  });

  it('serves lists from the shared cache with selectors and pages', async () => {
    const direct = await request(env.server).get(
      `${TEAM_A}/core/v1/configmaps`,
    );
    const names = direct.body.items.map((c: any) => c.metadata.name).sort();
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await request(env.server)
        .get(`${TEAM_A}/core/v1/configmaps`)
        .query({
          source: 'cache',
          limit: 2,
          ...(token ? { continue: token } : {}),
        });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((c: any) => c.metadata.name));
      token = page.body.continue;
    } while (token);
    expect(seen).toEqual(names);
    const selected = await request(env.server)
      .get(`${V1}/clusters/demo/apps/v1/deployments`)
      .query({ source: 'cache', labelSelector: 'app in (web, api)' });
    expect(selected.body.items.map((d: any) => d.metadata.name).sort()).toEqual(
      ['api', 'web'],
    );
    expect(selected.body.items[0]).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
    });
    const everyDeployment = await request(env.server)
      .get(`${V1}/clusters/demo/apps/v1/deployments`)
      .query({ source: 'cache' });
    const searched = await request(env.server)
      .get(`${V1}/clusters/demo/apps/v1/deployments`)
      .query({ source: 'cache', search: 'WEB' });
    const found = searched.body.items.map(
      (d: any) => `${d.metadata.namespace}/${d.metadata.name}`,
    );
    expect(found).toContain('team-a/web');
    expect(found.every((key: string) => key.includes('web'))).toBe(true);
    expect(found.length).toBeLessThan(everyDeployment.body.items.length);
    const bad = await request(env.server)
      .get(`${TEAM_A}/core/v1/configmaps`)
      .query({ source: 'cache', fieldSelector: 'data.a=1' });
    expect(bad.status).toBe(400);
  });
});

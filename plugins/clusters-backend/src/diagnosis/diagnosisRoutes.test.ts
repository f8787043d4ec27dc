import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { clusterResourceReadPermission } from '@kubedeck/plugin-clusters-common';
import {
  clusterResourceConditions,
  clustersDiagnosisExtensionPoint,
  createClusterResourceConditionalDecision,
  DiagnosisFinding,
} from '@kubedeck/plugin-clusters-node';
import request from 'supertest';
import { spawnKubeSim } from '../__testUtils__/spawnKubeSim';
import { startClustersTestBackend } from '../__testUtils__/testBackend';

jest.setTimeout(180_000);

const V1 = '/api/clusters/v1';

const agentFinding: DiagnosisFinding = {
  kind: 'Deployment',
  namespace: 'team-a',
  name: 'checkout',
  type: 'DeploymentUnavailable',
  severity: 'warning',
  title: 'Deployment checkout has no ready replica',
  evidence: ['0/2 replicas ready for 10 minutes'],
  fix: 'Check why the pods are not ready',
};

/** A module feeding findings the way an in-cluster agent's module would. */
const agentFindings = createBackendModule({
  pluginId: 'clusters',
  moduleId: 'test-agent-findings',
  register(env) {
    env.registerInit({
      deps: { diagnosis: clustersDiagnosisExtensionPoint },
      async init({ diagnosis }) {
        diagnosis.addFindingSource({
          id: 'test-agent',
          getFindings: async cluster =>
            cluster === 'demo' ? [agentFinding] : [],
        });
      },
    });
  },
});

describe('diagnoses of the simulated demo cluster', () => {
  let sim: Awaited<ReturnType<typeof spawnKubeSim>>;
  let backend: Awaited<ReturnType<typeof startClustersTestBackend>>;

  beforeAll(async () => {
    sim = await spawnKubeSim();
    backend = await startClustersTestBackend(
      {
        demo: { kubeconfigPath: sim.kubeconfigPath },
        kubeconfig: [
          {
            path: sim.kubeconfigPath,
            namespaces: { exclude: ['payments'] },
          },
        ],
        diagnosis: { intervalSeconds: 2 },
      },
      { realScheduler: true, features: [agentFindings] },
    );
  });
  afterAll(async () => {
    await backend?.stop();
    await sim?.close();
  });

  async function waitForDiagnoses(types: string[]) {
    for (let i = 0; i < 180; i++) {
      const res = await request(backend.server).get(`${V1}/diagnoses`);
      const found = new Set(res.body.items?.map((d: any) => d.type));
      if (types.every(t => found.has(t))) return res.body.items;
      await new Promise(r => setTimeout(r, 500));
    }
    throw new Error(`no ${types.join(', ')} diagnosis appeared`);
  }

  it('finds the crashlooping pod with evidence and a fix, and counts per cluster', async () => {
    const items = await waitForDiagnoses(['CrashLoopBackOff']);
    const crash = items.find(
      (d: any) =>
        d.type === 'CrashLoopBackOff' &&
        d.namespace === 'team-a' &&
        d.cluster === 'demo',
    );
    expect(crash).toMatchObject({
      cluster: 'demo',
      kind: 'Pod',
      severity: 'critical',
      firstSeen: expect.any(String),
    });
    expect(crash.name).toMatch(/^recommender-/);
    expect(crash.evidence.join('\n')).toMatch(/exit code 1/);
    expect(crash.fix).toMatch(/previous/);
    const health = await request(backend.server).get(
      `${V1}/clusters/demo/health`,
    );
    expect(health.body.critical).toBeGreaterThan(0);
    expect(health.body.byType.CrashLoopBackOff).toBeGreaterThan(0);
  });

  it("lists a module's findings next to the analyzers' ones", async () => {
    const items = await waitForDiagnoses([
      'CrashLoopBackOff',
      'DeploymentUnavailable',
    ]);
    expect(
      items.find((d: any) => d.name === 'checkout' && d.kind === 'Deployment'),
    ).toMatchObject({
      cluster: 'demo',
      namespace: 'team-a',
      type: 'DeploymentUnavailable',
      title: agentFinding.title,
      evidence: ['test-agent: 0/2 replicas ready for 10 minutes'],
      fix: agentFinding.fix,
    });
  });

  it('filters by cluster, namespace, kind and name', async () => {
    await waitForDiagnoses(['CrashLoopBackOff', 'DeploymentUnavailable']);
    const list = async (query: string) => {
      const res = await request(backend.server).get(`${V1}/diagnoses?${query}`);
      expect(res.status).toBe(200);
      return res.body.items as any[];
    };
    expect(
      (await list('kind=Deployment&name=checkout')).map(d => d.name),
    ).toEqual(['checkout']);
    const pods = await list('cluster=demo&namespace=team-a&kind=Pod');
    expect(pods.length).toBeGreaterThan(0);
    expect(pods.every(d => d.kind === 'Pod' && d.namespace === 'team-a')).toBe(
      true,
    );
    expect(await list('kind=Pod&name=checkout')).toEqual([]);
    expect(await list('namespace=team-b&name=checkout')).toEqual([]);
  });

  it.each([
    ['kind=pod!', 'kind'],
    ['kind=', 'kind'],
    ['name=Not_A_Name', 'name'],
    ['namespace=team.a', 'namespace'],
    ['state=closed', 'state'],
    ['limit=0', 'limit'],
  ])('answers 400 naming what is wrong for %s', async (query, field) => {
    const res = await request(backend.server).get(`${V1}/diagnoses?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
  });

  it('answers 404 for a namespace the cluster hides, and never lists its diagnoses', async () => {
    const clusters = await request(backend.server).get(`${V1}/clusters`);
    const filtered = clusters.body.items.find(
      (c: any) => c.name !== 'demo',
    ).name;
    const hidden = await request(backend.server).get(
      `${V1}/diagnoses?cluster=${filtered}&namespace=payments`,
    );
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toBe('namespaces "payments" not found');
    // Once the demo cluster shows diagnoses in payments, the filtered view of it has none.
    for (let i = 0; i < 120; i++) {
      const demo = await request(backend.server).get(
        `${V1}/diagnoses?cluster=demo&namespace=payments&state=all`,
      );
      expect(demo.status).toBe(200);
      if (demo.body.items.length > 0) break;
      await new Promise(r => setTimeout(r, 500));
    }
    const all = await request(backend.server).get(
      `${V1}/diagnoses?cluster=${filtered}&state=all`,
    );
    expect(all.body.items.length).toBeGreaterThan(0);
    expect(all.body.items.some((d: any) => d.namespace === 'payments')).toBe(
      false,
    );
  });

  it('answers 404 for an unknown cluster', async () => {
    const res = await request(backend.server).get(
      `${V1}/diagnoses?cluster=nowhere`,
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('nowhere');
  });

  it('shows a namespace-restricted user only the diagnoses of their namespaces', async () => {
    await waitForDiagnoses(['CrashLoopBackOff']);
    backend.state.policy = (name, user) =>
      user === 'user:default/dev-a' &&
      name === 'kubedeck.clusters.resource.read'
        ? createClusterResourceConditionalDecision(
            clusterResourceReadPermission,
            clusterResourceConditions.isInNamespace({ namespaces: ['team-a'] }),
          )
        : { result: AuthorizeResult.ALLOW };
    const res = await request(backend.server)
      .get(`${V1}/diagnoses?state=all`)
      .set('Authorization', mockCredentials.user.header('user:default/dev-a'));
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(new Set(res.body.items.map((d: any) => d.namespace))).toEqual(
      new Set(['team-a']),
    );
  });
});

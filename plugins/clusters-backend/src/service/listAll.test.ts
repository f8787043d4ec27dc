import { ClusterClient } from '@kubedeck/plugin-clusters-node';
import {
  fixedClusterRegistry,
  openClusterAccess,
} from '@kubedeck/plugin-clusters-node/testUtils';
import { KubeConfig } from '@kubernetes/client-node';
import request from 'supertest';
import {
  KubeSimBackend,
  startKubeSimBackend,
} from '../__testUtils__/kubeSimBackend';
import { listAll } from './listAll';

jest.setTimeout(60_000);

const WINDOW_MS = 200;
const CONFIGMAPS = '/api/v1/namespaces/team-a/configmaps';

describe('lists whose continue token expires midway', () => {
  let env: KubeSimBackend;
  let client: ClusterClient;

  beforeAll(async () => {
    env = await startKubeSimBackend({ compactionWindowMs: WINDOW_MS });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(env.sim.kubeconfig());
    const access = openClusterAccess(
      fixedClusterRegistry([
        { name: 'sim', connectionType: 'demo', kubeConfig },
      ]),
    );
    client = await access.forPlugin({ cluster: 'sim' });
    for (let i = 0; i < 5; i++) {
      const created = await env.kube(CONFIGMAPS, {
        method: 'POST',
        body: { metadata: { name: `page-${i}` }, data: { i: String(i) } },
      });
      if (created.status !== 201) {
        throw new Error(`config map page-${i} not created: ${created.status}`);
      }
    }
  });
  afterAll(() => env?.close());

  /** A first page whose version a write supersedes, left until it is compacted. */
  async function expire(name: string) {
    await env.kube(CONFIGMAPS, {
      method: 'POST',
      body: { metadata: { name } },
    });
    await new Promise(resolve => setTimeout(resolve, WINDOW_MS * 2));
  }

  it('reads the whole list again when a continue token expires', async () => {
    const slow = Object.create(client) as ClusterClient;
    let paused = false;
    slow.request = async req => {
      if (req.query?.continue && !paused) {
        paused = true;
        await expire('made-while-paging');
      }
      return client.request(req);
    };
    const { items, resourceVersion } = await listAll(slow, CONFIGMAPS, {
      pageSize: 2,
    });
    expect(paused).toBe(true);
    const names = items.map(i => i.metadata.name);
    expect(names).toEqual(
      (await env.kube(CONFIGMAPS)).body.items.map((i: any) => i.metadata.name),
    );
    expect(names).toEqual(
      expect.arrayContaining(['page-0', 'page-4', 'made-while-paging']),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(resourceVersion).toBeTruthy();
  });

  it('answers 400 for an expired continue token of a list request', async () => {
    const first = await request(env.server).get(
      '/api/clusters/v1/clusters/demo/namespaces/team-a/core/v1/configmaps?limit=1',
    );
    expect(first.body.continue).toBeTruthy();
    await expire('made-before-next-page');
    const next = await request(env.server).get(
      `/api/clusters/v1/clusters/demo/namespaces/team-a/core/v1/configmaps?limit=1&continue=${encodeURIComponent(
        first.body.continue,
      )}`,
    );
    expect(next.status).toBe(400);
    expect(next.body.error.message).toContain('continue parameter is too old');
  });
});

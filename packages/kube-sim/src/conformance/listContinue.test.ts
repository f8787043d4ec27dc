import { ApiException, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { ResourceKey } from '../store/types';
import { startCluster, type Cluster } from './harness';

jest.setTimeout(60_000);

const CONFIGMAPS: ResourceKey = { group: '', version: 'v1', resource: 'configmaps' };
const WINDOW_MS = 200;

describe('list continue tokens past the compaction window', () => {
  let cluster: Cluster;
  let core: CoreV1Api;

  beforeAll(async () => {
    cluster = await startCluster({ compactionWindowMs: WINDOW_MS });
    const kc = new KubeConfig();
    kc.loadFromString(cluster.sim.kubeconfig());
    core = kc.makeApiClient(CoreV1Api);
  });
  afterAll(async () => {
    await cluster.stop();
  });

  /** A first page whose version a later write supersedes, and enough time for it to be compacted. */
  async function expiredToken(name: string): Promise<string> {
    const first = await core.listNamespacedPod({ namespace: 'team-a', limit: 1 });
    expect(first.metadata?._continue).toBeTruthy();
    cluster.sim.store.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'team-a' } });
    await new Promise(resolve => setTimeout(resolve, WINDOW_MS * 2));
    return first.metadata!._continue!;
  }

  it('answers 410 Expired to client-node with a token that continues the list inconsistently', async () => {
    const token = await expiredToken('write-1');
    const error = await core.listNamespacedPod({ namespace: 'team-a', limit: 1, _continue: token }).catch(e => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(error.code).toBe(410);
    const status = JSON.parse(error.body);
    expect(status).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 });
    expect(status.message).toContain('The provided continue parameter is too old to display a consistent list result');
    const rest = await core.listNamespacedPod({ namespace: 'team-a', _continue: status.metadata.continue });
    expect(rest.items.map(p => p.metadata?.name)).toEqual(['web-2']);
  });

  it('shows kubectl the API server\'s Expired error', async () => {
    const token = await expiredToken('write-2');
    const result = await cluster.kubectl(['get', '--raw', `/api/v1/namespaces/team-a/pods?limit=1&continue=${token}`]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Error from server \(Expired\): The provided continue parameter is too old to display a consistent list result\./);
  });
});

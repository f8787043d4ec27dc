import { CoreV1Api, KubeConfig, Watch, makeInformer, type V1Pod } from '@kubernetes/client-node';
import type { ResourceKey } from '../store/types';
import { startCluster, type Cluster } from './harness';

jest.setTimeout(60_000);

const PODS: ResourceKey = { group: '', version: 'v1', resource: 'pods' };
const CONFIGMAPS: ResourceKey = { group: '', version: 'v1', resource: 'configmaps' };

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'team-a' },
  spec: { containers: [{ name: 'c', image: 'busybox' }] },
});

function until(check: () => boolean): Promise<void> {
  return new Promise(resolve => {
    const timer = setInterval(() => {
      if (check()) {
        clearInterval(timer);
        resolve();
      }
    }, 20);
  });
}

describe('@kubernetes/client-node against kube-sim', () => {
  let cluster: Cluster;
  let kc: KubeConfig;
  let core: CoreV1Api;

  beforeAll(async () => {
    cluster = await startCluster({ historySize: 10 });
    kc = new KubeConfig();
    kc.loadFromString(cluster.sim.kubeconfig());
    core = kc.makeApiClient(CoreV1Api);
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it('lists with pagination', async () => {
    const first = await core.listNamespacedPod({ namespace: 'team-a', limit: 1 });
    expect(first.items.map(p => p.metadata?.name)).toEqual(['web-1']);
    expect(first.metadata?.remainingItemCount).toBe(1);
    const second = await core.listNamespacedPod({ namespace: 'team-a', limit: 1, _continue: first.metadata?._continue });
    expect(second.items.map(p => p.metadata?.name)).toEqual(['web-2']);
    expect(second.metadata?._continue).toBeUndefined();
  });

  it('watches from a resourceVersion', async () => {
    const list = await core.listNamespacedPod({ namespace: 'team-a' });
    const events: string[] = [];
    const watch = new Watch(kc);
    const request = await watch.watch(
      '/api/v1/namespaces/team-a/pods',
      { resourceVersion: list.metadata?.resourceVersion },
      (type: string, object: V1Pod) => events.push(`${type} ${object.metadata?.name}`),
      () => undefined,
    );
    await core.createNamespacedPod({ namespace: 'team-a', body: pod('watched') });
    await core.deleteNamespacedPod({ namespace: 'team-a', name: 'watched' });
    await until(() => events.length >= 2);
    request.abort();
    expect(events).toEqual(['ADDED watched', 'DELETED watched']);
  });

  it('keeps an informer in sync, relisting after its resourceVersion was compacted (410)', async () => {
    const path = '/api/v1/namespaces/team-a/pods';
    const informer = makeInformer(kc, path, () => core.listNamespacedPod({ namespace: 'team-a' }));
    const added: string[] = [];
    informer.on('add', (p: V1Pod) => added.push(p.metadata!.name!));
    // client-node's documented pattern: an informer stops on a connection error until restarted.
    informer.on('error', () => setTimeout(() => void informer.start(), 50));
    await informer.start();
    await until(() => added.includes('web-1'));

    const { store, chaos } = cluster.sim;
    chaos.dropAllWatches();
    store.create(PODS, pod('during-outage'));
    for (let i = 0; i < 20; i++) {
      store.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `churn-${i}`, namespace: 'team-a' } });
    }
    await until(() => added.includes('during-outage'));
    store.create(PODS, pod('after-relist'));
    await until(() => added.includes('after-relist'));
    await informer.stop();
    expect(informer.list().map(p => p.metadata?.name).sort()).toEqual(['after-relist', 'during-outage', 'web-1', 'web-2']);
  });
});

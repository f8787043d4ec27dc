import { PassThrough, Writable } from 'node:stream';
import * as k8s from '@kubernetes/client-node';
import { startSimCluster, until, type SimCluster } from './simCluster';

jest.setTimeout(90_000);

function collector() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe('@kubernetes/client-node against the simulated demo cluster', () => {
  let cluster: SimCluster;
  let kc: k8s.KubeConfig;
  const podNamed = async (namespace: string, prefix: string) => {
    const list = await kc.makeApiClient(k8s.CoreV1Api).listNamespacedPod({ namespace });
    return list.items.find(p => p.metadata?.name?.startsWith(prefix) && p.status?.phase === 'Running')?.metadata?.name;
  };

  beforeAll(async () => {
    cluster = await startSimCluster('demo', 0.05);
    kc = new k8s.KubeConfig();
    kc.loadFromFile(cluster.kubeconfig);
    await until('web running', () => podNamed('team-a', 'web'));
  });
  afterAll(async () => cluster?.stop());

  it('execs a command and reports its exit status', async () => {
    const web = (await podNamed('team-a', 'web'))!;
    const out = collector();
    const status = await new Promise<k8s.V1Status>((resolve, reject) => {
      new k8s.Exec(kc)
        .exec('team-a', web, 'nginx', ['sh', '-c', 'echo from client-node; exit 2'], out.stream, null, null, false, resolve)
        .catch(reject);
    });
    expect(out.text()).toBe('from client-node\n');
    expect(status).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '2' }] } });
  });

  it('follows a log until the container exits', async () => {
    const pod = await until('recommender running', () => podNamed('team-a', 'recommender'));
    const out = collector();
    const done = new Promise<void>(resolve => out.stream.on('finish', () => resolve()));
    await new k8s.Log(kc).log('team-a', pod, 'recommender', out.stream, { follow: true, tailLines: 50 });
    await done;
    expect(out.text()).toContain('panic: runtime error');
  });

  it('forwards a port over the WebSocket channel protocol', async () => {
    const web = (await podNamed('team-a', 'web'))!;
    const out = collector();
    const input = new PassThrough();
    const ws = await new k8s.PortForward(kc).portForward('team-a', web, [80], out.stream, null, input);
    input.write('GET /via-client-node HTTP/1.1\r\nHost: web\r\n\r\n');
    await until('reply', async () => out.text().includes('via-client-node'), 10_000);
    (ws as { close(): void }).close();
    expect(out.text()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });

  it('reads pod and node metrics', async () => {
    const metrics = new k8s.Metrics(kc);
    const pods = await metrics.getPodMetrics('team-a');
    expect(pods.items.length).toBeGreaterThan(0);
    expect(pods.items[0].containers[0].usage.cpu).toMatch(/^\d+n$/);
    const nodes = await metrics.getNodeMetrics();
    expect(nodes.items.map(n => n.metadata.name).sort()).toEqual(['node-1', 'node-2', 'node-3']);
  });
});

import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PassThrough } from 'node:stream';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { ClusterDefinition } from '@kubedeck/plugin-clusters-node';
import { CoreV1Api, Exec, Log, Watch } from '@kubernetes/client-node';
import request from 'supertest';
import { startTestAgent } from '../__testUtils__/agent';
import { ADMIN, freePort, startHub } from '../__testUtils__/hub';
import { startSim, waitFor } from '../__testUtils__/sim';

jest.setTimeout(60_000);

const run = promisify(execFile);

/** A raw GET to an agent cluster endpoint, as kubectl would send it. */
function rawGet(cluster: ClusterDefinition, apiPath: string) {
  const kc = cluster.kubeConfig;
  const server = kc.getCurrentCluster()!.server;
  return new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
    https
      .get(`${server}${apiPath}`, {
        ca: Buffer.from(kc.getCurrentCluster()!.caData!, 'base64'),
        headers: { authorization: `Bearer ${kc.getCurrentUser()!.token}` },
      })
      .on('response', resolve)
      .on('error', reject);
  });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('agent clusters through the tunnel (real agent, kube-sim)', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sim: Awaited<ReturnType<typeof startSim>>;
  let hub: Awaited<ReturnType<typeof startHub>>;
  let agent: Awaited<ReturnType<typeof startTestAgent>>;
  let cluster: ClusterDefinition;

  beforeAll(async () => {
    sim = await startSim();
    const grpcPort = await freePort();
    hub = await startHub({ knex: await databases.init('SQLITE_3'), grpcPort });
    const created = await request(hub.server)
      .post('/api/agent-hub/v1/tokens')
      .set('Authorization', mockCredentials.user.header(ADMIN))
      .send({ clusterName: 'edge', preset: 'admin' });
    agent = await startTestAgent({
      grpcPort,
      kubeconfigPath: sim.kubeconfigPath,
      clusterName: 'edge',
      token: created.body.token,
      pendingTooLongSeconds: 1,
    });
    await waitFor(
      () => agent.agent.state === 'connected',
      'the agent to connect',
    );
    [cluster] = await hub.clusters();
  });

  afterAll(async () => {
    await agent?.stop();
    await hub?.stop();
    await sim?.close();
  });

  it('supplies the agent cluster to the clusters plugin and answers lists', async () => {
    expect(cluster).toMatchObject({ name: 'edge', connectionType: 'agent' });
    const api = cluster.kubeConfig.makeApiClient(CoreV1Api);
    const pods = await api.listNamespacedPod({ namespace: 'team-a' });
    expect(pods.items.length).toBeGreaterThan(0);
  });

  it('serves the real kubectl unchanged: get and exec', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'agent-kubectl-'));
    const kubeconfig = path.join(dir, 'config');
    await fs.writeFile(kubeconfig, cluster.kubeConfig.exportConfig());
    const kubectl = (...args: string[]) =>
      run('kubectl', ['--kubeconfig', kubeconfig, ...args]).then(r => r.stdout);
    const pods = JSON.parse(
      await kubectl('get', 'pods', '-n', 'team-a', '-o', 'json'),
    );
    const pod = pods.items.find((p: any) => p.status.phase === 'Running');
    expect(pod).toBeDefined();
    expect(
      await kubectl(
        'exec',
        '-n',
        'team-a',
        pod.metadata.name,
        '--',
        'echo',
        'via kubectl',
      ),
    ).toBe('via kubectl\n');
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('port-forwards with the real kubectl through the tunnel', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'agent-pf-'));
    const kubeconfig = path.join(dir, 'config');
    await fs.writeFile(kubeconfig, cluster.kubeConfig.exportConfig());
    const pods = await cluster.kubeConfig
      .makeApiClient(CoreV1Api)
      .listPodForAllNamespaces();
    const pod = pods.items.find(
      p =>
        p.status?.phase === 'Running' &&
        p.spec?.containers.some(c => c.ports?.length),
    )!;
    const port = pod.spec!.containers.find(c => c.ports?.length)!.ports![0]
      .containerPort;
    const child = spawn('kubectl', [
      '--kubeconfig',
      kubeconfig,
      'port-forward',
      '-n',
      pod.metadata!.namespace!,
      `pod/${pod.metadata!.name}`,
      `:${port}`,
    ]);
    try {
      let out = '';
      child.stdout.on('data', chunk => (out += chunk));
      const local = await waitFor(
        () => /Forwarding from 127\.0\.0\.1:(\d+)/.exec(out)?.[1],
        'kubectl port-forward to listen',
      );
      const page = await fetch(`http://127.0.0.1:${local}/`).then(r =>
        r.text(),
      );
      expect(page).toContain(pod.metadata!.name!);
    } finally {
      child.kill();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('streams a watch and carries writes', async () => {
    const events: string[] = [];
    const watch = await new Watch(cluster.kubeConfig).watch(
      '/api/v1/namespaces/default/configmaps',
      {},
      (type, obj) => events.push(`${type} ${obj.metadata?.name}`),
      () => undefined,
    );
    const api = cluster.kubeConfig.makeApiClient(CoreV1Api);
    await api.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'through-the-tunnel' }, data: { a: '1' } },
    });
    await waitFor(
      () => events.includes('ADDED through-the-tunnel'),
      'the watch event',
    );
    watch.abort();
    expect(events).toContain('ADDED through-the-tunnel');
  });

  it('follows pod logs', async () => {
    const api = cluster.kubeConfig.makeApiClient(CoreV1Api);
    const pods = await api.listNamespacedPod({ namespace: 'team-a' });
    const pod = pods.items.find(p => p.status?.phase === 'Running')!;
    const out = new PassThrough();
    let text = '';
    out.on('data', chunk => (text += chunk));
    const req = await new Log(cluster.kubeConfig).log(
      'team-a',
      pod.metadata!.name!,
      pod.spec!.containers[0].name,
      out,
      { follow: true, tailLines: 1 },
    );
    const lines = await waitFor(() => {
      const all = text.split('\n').filter(Boolean);
      return all.length >= 2 && all;
    }, 'followed log lines');
    req.abort();
    expect(lines.length).toBeGreaterThanOrEqual(2);
  });

  it('runs exec over the upgraded WebSocket', async () => {
    const api = cluster.kubeConfig.makeApiClient(CoreV1Api);
    const pods = await api.listNamespacedPod({ namespace: 'team-a' });
    const pod = pods.items.find(p => p.status?.phase === 'Running')!;
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', chunk => (text += chunk));
    const status = await new Promise<any>((resolve, reject) => {
      new Exec(cluster.kubeConfig)
        .exec(
          'team-a',
          pod.metadata!.name!,
          pod.spec!.containers[0].name,
          ['echo', 'hello from the tunnel'],
          stdout,
          null,
          null,
          false,
          resolve,
        )
        .catch(reject);
    });
    expect(status.status).toBe('Success');
    expect(text).toBe('hello from the tunnel\n');
  });

  it('reports failures it detects with read-only watches', async () => {
    const failures = await waitFor(async () => {
      const res = await request(hub.server)
        .get(`/api/agent-hub/v1/agents/${agent.agent.agentId}/failures`)
        .set('Authorization', mockCredentials.user.header(ADMIN));
      const items: any[] = res.body.items ?? [];
      return items.some(f => f.reason === 'PendingTooLong') && items;
    }, 'a PendingTooLong report');
    expect(failures).toContainEqual(
      expect.objectContaining({
        reason: 'PendingTooLong',
        namespace: expect.any(String),
      }),
    );
  });

  it('never lets a stalled consumer delay another exchange on the same agent', async () => {
    const data = { blob: 'x'.repeat(20_000) };
    for (let i = 0; i < 1000; i++) {
      sim.sim.store.create(
        { group: '', version: 'v1', resource: 'configmaps' },
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: `big-${i}`, namespace: 'default' },
          data,
        },
      );
    }
    const stalled = await rawGet(
      cluster,
      '/api/v1/namespaces/default/configmaps',
    );
    stalled.pause();
    const exchanges = agent.agent.session!.exchanges;
    const stalledExchange = await waitFor(
      () => [...exchanges.values()].find(e => e.sentBytes > 0),
      'the big list to start',
    );
    // Let the stalled exchange use up its window and the socket buffers.
    let last = -1;
    await waitFor(async () => {
      await new Promise(r => setTimeout(r, 300));
      const stable = stalledExchange.sentBytes === last;
      last = stalledExchange.sentBytes;
      return stable;
    }, 'the stalled exchange to stop sending');

    const api = cluster.kubeConfig.makeApiClient(CoreV1Api);
    const ns = await api.readNamespace({ name: 'team-a' });
    expect(ns.metadata?.name).toBe('team-a');
    expect(stalledExchange.sentBytes).toBeLessThan(20_000_000);

    stalled.resume();
    const body = JSON.parse(await readAll(stalled));
    expect(
      body.items.filter((c: any) => c.metadata.name.startsWith('big-')),
    ).toHaveLength(1000);
    await waitFor(() => exchanges.size === 0, 'every exchange to be released');
  });
});

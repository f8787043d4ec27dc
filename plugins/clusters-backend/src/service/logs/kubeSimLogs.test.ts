import request from 'supertest';
import { spawnKubeSim } from '../../__testUtils__/spawnKubeSim';
import { openSse, ReceivedEvent } from '../../__testUtils__/sseClient';
import { startClustersTestBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

const NS = '/api/clusters/v1/clusters/demo/namespaces/team-a';

describe('logs of a kube-sim pod over SSE', () => {
  let sim: Awaited<ReturnType<typeof spawnKubeSim>>;
  let backend: Awaited<ReturnType<typeof startClustersTestBackend>>;

  beforeAll(async () => {
    sim = await spawnKubeSim();
    backend = await startClustersTestBackend(
      { demo: { kubeconfigPath: sim.kubeconfigPath } },
      { realScheduler: true },
    );
  });
  afterAll(async () => {
    await backend?.stop();
    await sim?.close();
  });

  async function startChattyPod() {
    const created = await request(backend.server)
      .post(`${NS}/core/v1/pods`)
      .send({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'chatty',
          annotations: { 'kube-sim.kubedeck.io/log-rate': '100' },
        },
        spec: {
          nodeName: 'node-1',
          containers: [{ name: 'app', image: 'busybox:1.36' }],
        },
      });
    expect(created.status).toBe(201);
    for (let i = 0; i < 100; i++) {
      const pod = await request(backend.server).get(
        `${NS}/core/v1/pods/chatty`,
      );
      if (pod.body.status?.containerStatuses?.[0]?.state?.running) return;
      await new Promise(r => setTimeout(r, 100));
    }
    throw new Error('chatty never ran');
  }

  async function readSome(lastId: string | undefined, budget: number) {
    const events: ReceivedEvent[] = [];
    await openSse(
      backend.server,
      `${NS}/pods/chatty/logs?follow=true&timestamps=true`,
      lastId ? { 'Last-Event-ID': lastId } : {},
      event => {
        if (event.event === 'message') events.push(event);
        return events.length < budget;
      },
    );
    return events;
  }

  it('follows across 100 dropped connections with every line exactly once', async () => {
    await startChattyPod();
    const received: ReceivedEvent[] = [];
    for (let drop = 0; drop < 100; drop++) {
      received.push(...(await readSome(received[received.length - 1]?.id, 5)));
    }
    const all: string[] = [];
    await openSse(
      backend.server,
      `${NS}/pods/chatty/logs?timestamps=true&tailLines=10000`,
      {},
      event => {
        if (event.event === 'message') all.push(event.data.line);
        return event.event !== 'end';
      },
    );
    const lines = received.map(e => e.data.line);
    expect(new Set(lines).size).toBe(lines.length);
    // Exactly once: what was received across the drops is one unbroken run of the pod's log.
    const first = all.indexOf(lines[0]);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(lines).toEqual(all.slice(first, first + lines.length));
    expect(lines).toHaveLength(500);
  });

  it("merges a deployment's pods with a pod/container prefix and attaches pods added by scaling", async () => {
    const before = await request(backend.server).get(
      `${NS}/core/v1/pods?labelSelector=app%3Dweb`,
    );
    const known = new Set(before.body.items.map((p: any) => p.metadata.name));
    const seen = new Set<string>();
    let scaled = false;
    await openSse(
      backend.server,
      `${NS}/deployments/web/logs?follow=true&tailLines=1`,
      {},
      event => {
        if (event.event !== 'message') return true;
        expect(event.data.container).toBe('nginx');
        seen.add(event.data.pod);
        if (!scaled) {
          scaled = true;
          request(backend.server)
            .post(`${NS}/apps/v1/deployments/web/scale`)
            .send({ replicas: known.size + 1 })
            .then(() => {});
        }
        return ![...seen].some(pod => !known.has(pod));
      },
    );
    expect([...seen].some(pod => !known.has(pod))).toBe(true);
  });

  it('keeps the log of a finished pod readable after the pod is deleted', async () => {
    await request(backend.server)
      .post(`${NS}/core/v1/pods`)
      .send({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'one-shot',
          annotations: {
            'kube-sim.kubedeck.io/behavior': 'complete',
            'kube-sim.kubedeck.io/run-seconds': '1',
            'kube-sim.kubedeck.io/log-rate': '20',
          },
        },
        spec: {
          nodeName: 'node-1',
          restartPolicy: 'Never',
          containers: [{ name: 'job', image: 'busybox:1.36' }],
        },
      });
    const live: string[] = [];
    for (let i = 0; i < 200 && live.length === 0; i++) {
      await new Promise(r => setTimeout(r, 100));
      const pod = await request(backend.server).get(
        `${NS}/core/v1/pods/one-shot`,
      );
      if (pod.body.status?.phase !== 'Succeeded') continue;
      await openSse(backend.server, `${NS}/pods/one-shot/logs`, {}, e => {
        if (e.event === 'message') live.push(e.data.line);
        return e.event !== 'end';
      });
    }
    expect(live.length).toBeGreaterThan(0);
    // the retention watcher starts 5 s after the backend; let it see the finished pod
    await new Promise(r => setTimeout(r, 6000));
    expect(
      (await request(backend.server).delete(`${NS}/core/v1/pods/one-shot`))
        .status,
    ).toBe(200);
    for (let i = 0; i < 100; i++) {
      const gone = await request(backend.server).get(
        `${NS}/core/v1/pods/one-shot`,
      );
      if (gone.status === 404) break;
      await new Promise(r => setTimeout(r, 100));
    }
    const kept: string[] = [];
    const res = await openSse(
      backend.server,
      `${NS}/pods/one-shot/logs`,
      {},
      e => {
        if (e.event === 'message') kept.push(e.data.line);
        return e.event !== 'end';
      },
    );
    expect(res.status).toBe(200);
    expect(kept).toEqual(live);
  });
});

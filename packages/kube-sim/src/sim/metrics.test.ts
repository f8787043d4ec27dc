import type { ServerResponse } from 'node:http';
import { R } from './resources';
import { barePod, containerStatus, eventually, node, simulate } from './testing';

function capture() {
  const out: { code?: number; body?: any } = {};
  const res = {
    writeHead: (code: number) => (out.code = code),
    end: (text: string) => (out.body = JSON.parse(text)),
  } as unknown as ServerResponse;
  return { res, out };
}

describe('metrics.k8s.io', () => {
  it('derives pod and node usage from requests and load', async () => {
    const { store, sim } = await simulate({
      nodes: [node('a', { cpu: 2 })],
      namespaces: ['apps'],
      objects: [barePod('api', 'apps', { containers: [{ name: 'api', image: 'api:1', resources: { requests: { cpu: '500m', memory: '256Mi' }, limits: { memory: '512Mi' } } }] }, { 'kube-sim.kubedeck.io/load': '0.5' })],
    });
    await eventually('running', () => containerStatus(store.get(R.pods, 'apps', 'api'))?.state.running);
    const pods = capture();
    sim.handlers.metrics({} as never, pods.res, { resource: 'pods', namespace: 'apps', query: new URLSearchParams() });
    expect(pods.out.code).toBe(200);
    expect(pods.out.body).toMatchObject({ kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1' });
    const [metrics] = pods.out.body.items;
    expect(metrics).toMatchObject({ metadata: { name: 'api', namespace: 'apps' }, window: '15s', timestamp: expect.stringMatching(/Z$/) });
    const cpuNanos = Number(metrics.containers[0].usage.cpu.replace('n', ''));
    expect(cpuNanos / 1e6).toBeGreaterThanOrEqual(500 * 0.5 * 0.8 - 1);
    expect(cpuNanos / 1e6).toBeLessThanOrEqual(500 * 0.5 * 1.2 + 1);
    expect(metrics.containers[0].usage.memory).toMatch(/^\d+Ki$/);

    const nodes = capture();
    sim.handlers.metrics({} as never, nodes.res, { resource: 'nodes', name: 'a', query: new URLSearchParams() });
    expect(nodes.out.body).toMatchObject({ kind: 'NodeMetrics', metadata: { name: 'a' }, usage: { cpu: expect.stringMatching(/n$/), memory: expect.stringMatching(/Ki$/) } });

    const missing = capture();
    sim.handlers.metrics({} as never, missing.res, { resource: 'pods', namespace: 'apps', name: 'nope', query: new URLSearchParams() });
    expect(missing.out).toMatchObject({ code: 404, body: { reason: 'NotFound', message: 'podmetrics.metrics.k8s.io "apps/nope" not found' } });
    await sim.stop();
  });
});

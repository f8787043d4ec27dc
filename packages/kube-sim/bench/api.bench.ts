/**
 * kube-sim API benchmarks: full paginated pod list vs one unpaginated list, and watch fan-out
 * latency to 100 watchers at 1,000 events/s vs one watcher. Run with
 * `node_modules/.bin/tsx bench/api.bench.ts`; the last stdout line is the JSON summary.
 * Server and clients share this process (loopback, plain HTTP), as in the tests.
 */
import { request, type IncomingMessage } from 'node:http';
import { cpus } from 'node:os';
import { startKubeSim, type KubeSim } from '../src/server';
import type { KubeObject, ResourceKey } from '../src/store/types';
import type { Scenario } from '../src/scenario/types';

const PODS = Number(process.env.BENCH_PODS ?? 30_000);
const WATCHERS = 100;
const EVENTS_PER_SECOND = 1_000;
const WATCH_SECONDS = 4;
const TOKEN = 'bench-admin';
const CONFIGMAPS: ResourceKey = { group: '', version: 'v1', resource: 'configmaps' };

interface Row {
  benchmark: string;
  figure: string;
  baseline: string;
  ratio: string;
}

function scenario(): Scenario {
  const objects: KubeObject[] = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } }];
  for (let i = 0; i < PODS; i++) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `pod-${String(i).padStart(6, '0')}`, namespace: `ns-${i % 50}`, labels: { app: `app-${i % 300}`, team: `t${i % 20}` } },
      spec: { nodeName: `node-${i % 500}`, containers: [{ name: 'main', image: 'registry.example.com/app:1.2.3', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
      status: { phase: 'Running', podIP: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, containerStatuses: [{ name: 'main', ready: true, restartCount: 0, state: { running: { startedAt: '2026-01-01T00:00:00Z' } } }] },
    });
  }
  return { name: 'bench', objects, users: [{ name: 'admin', token: TOKEN, groups: ['system:masters'] }], metrics: false, version: 'v1.32.0' };
}

function get(sim: KubeSim, path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(`${sim.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

async function getJson(sim: KubeSim, path: string): Promise<{ items: unknown[]; metadata: { continue?: string } }> {
  const res = await get(sim, path);
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function timeList(sim: KubeSim, limit?: number): Promise<number> {
  const start = performance.now();
  let items = 0;
  let token: string | undefined;
  do {
    const query = new URLSearchParams(limit ? { limit: String(limit) } : {});
    if (token) query.set('continue', token);
    const page = await getJson(sim, `/api/v1/pods?${query}`);
    items += page.items.length;
    token = page.metadata.continue;
  } while (token);
  if (items !== PODS) throw new Error(`listed ${items} pods, expected ${PODS}`);
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** Opens `count` watches, writes at the target rate, and returns every delivery latency in ms. */
async function watchLatencies(sim: KubeSim, count: number): Promise<number[]> {
  const writtenAt = new Map<string, number>();
  const latencies: number[] = [];
  const rv = sim.store.currentResourceVersion();
  const responses = await Promise.all(Array.from({ length: count }, () => get(sim, `/api/v1/namespaces/bench/configmaps?watch=1&resourceVersion=${rv}`)));
  for (const res of responses) {
    let buffered = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      const now = performance.now();
      buffered += chunk;
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const match = /"resourceVersion":"(\d+)"/.exec(buffered.slice(0, newline));
        const sent = match ? writtenAt.get(match[1]) : undefined;
        if (sent !== undefined) latencies.push(now - sent);
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
      }
    });
  }
  let written = 0;
  const total = EVENTS_PER_SECOND * WATCH_SECONDS;
  const perTick = EVENTS_PER_SECOND / 100;
  await new Promise<void>(resolve => {
    const timer = setInterval(() => {
      for (let i = 0; i < perTick && written < total; i++, written++) {
        const name = `cm-${written % 100}`;
        const current = sim.store.get(CONFIGMAPS, 'bench', name);
        const next = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'bench' }, data: { n: String(written) } };
        const stored = current ? sim.store.update(CONFIGMAPS, { ...next, metadata: { ...next.metadata } }) : sim.store.create(CONFIGMAPS, next);
        writtenAt.set(stored.metadata.resourceVersion!, performance.now());
      }
      if (written >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  const expected = total * count;
  const deadline = performance.now() + 10_000;
  while (latencies.length < expected && performance.now() < deadline) await new Promise(r => setTimeout(r, 50));
  for (const res of responses) res.destroy();
  if (latencies.length < expected) throw new Error(`only ${latencies.length} of ${expected} watch events arrived`);
  return latencies;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

async function main(): Promise<void> {
  const sim = await startKubeSim({ scenario: scenario(), simulation: false, tls: false, historySize: 50_000 });
  const rows: Row[] = [];
  try {
    await timeList(sim, 500);
    const paged = median([await timeList(sim, 500), await timeList(sim, 500), await timeList(sim, 500)]);
    const single = median([await timeList(sim), await timeList(sim), await timeList(sim)]);
    console.log(`full list of ${PODS} pods: paginated (limit=500) ${ms(paged)}, unpaginated ${ms(single)}`);
    rows.push({
      benchmark: `full paginated pod list (${PODS.toLocaleString('en')} pods, limit=500)`,
      figure: ms(paged),
      baseline: `${ms(single)} (one unpaginated list)`,
      ratio: `${(paged / single).toFixed(1)}x`,
    });

    const one = await watchLatencies(sim, 1);
    const many = await watchLatencies(sim, WATCHERS);
    for (const [label, values] of [['1 watcher', one], [`${WATCHERS} watchers`, many]] as const) {
      console.log(`watch fan-out, ${label}: p50 ${ms(median(values))}, p99 ${ms(percentile(values, 0.99))}, ${values.length} deliveries`);
    }
    for (const [name, p] of [['p50', 0.5], ['p99', 0.99]] as const) {
      const a = percentile(many, p);
      const b = percentile(one, p);
      rows.push({
        benchmark: `watch fan-out latency ${name} (${WATCHERS} watchers, ${EVENTS_PER_SECOND.toLocaleString('en')} events/s)`,
        figure: ms(a),
        baseline: `${ms(b)} (1 watcher, same rate)`,
        ratio: `${(a / b).toFixed(1)}x`,
      });
    }
  } finally {
    await sim.close();
  }
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
  console.log(JSON.stringify({ rows }));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

/**
 * Watch fan-out through the clusters plugin: latency (p50/p99) from a change written to
 * kube-sim to its arrival at each of 1,000 subscribers of the plugin's live stream (`/watch`
 * over server-sent events, all sharing one upstream watch), against one subscriber.
 * kube-sim, the plugin (in a test backend) and the subscribers share this process.
 * Run with `node_modules/.bin/tsx plugins/clusters-backend/bench/fanout.bench.ts`; the last
 * stdout line is the JSON summary.
 */
import http from 'node:http';
import { KubeSim, startKubeSim } from '@kubedeck/kube-sim';
import {
  BenchRow,
  median,
  ms,
  percentile,
  ratio,
  runBench,
  startBenchBackend,
} from './benchBackend';

const SUBSCRIBERS = 1_000;
const EVENTS = 100;
const EVENTS_PER_SECOND = 20;
const TOKEN = 'bench-admin';
const CONFIGMAPS = { group: '', version: 'v1', resource: 'configmaps' };

type Backend = Awaited<ReturnType<typeof startBenchBackend>>;

function scenario(): any {
  return {
    name: 'fanout',
    objects: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } },
    ],
    users: [{ name: 'admin', token: TOKEN, groups: ['system:masters'] }],
    metrics: false,
    version: 'v1.32.0',
  };
}

/** Opens one watch stream; calls `onChange(n)` with each changed config map's `data.n`. */
function subscribe(
  backend: Backend,
  onReset: () => void,
  onChange: (n: number) => void,
): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${backend.base}/watch?resource=v1/configmaps&namespace=bench`,
      { agent: backend.agent, headers: { accept: 'text/event-stream' } },
      res => {
        if (res.statusCode !== 200) {
          reject(new Error(`watch answered ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
            if (block.includes('event: reset')) onReset();
            const n = /"n":"(\d+)"/.exec(block);
            if (n) onChange(Number(n[1]));
          }
        });
        resolve(req);
      },
    );
    req.on('error', error => {
      if ((error as any).code !== 'ECONNRESET') reject(error);
    });
  });
}

/** Writes EVENTS changes at the target rate; returns every delivery latency in ms. */
async function fanOutLatencies(
  sim: KubeSim,
  backend: Backend,
  subscribers: number,
  round: number,
): Promise<number[]> {
  const writtenAt = new Map<number, number>();
  const latencies: number[] = [];
  let resets = 0;
  const requests = await Promise.all(
    Array.from({ length: subscribers }, () =>
      subscribe(
        backend,
        () => resets++,
        n => {
          const sent = writtenAt.get(n);
          if (sent !== undefined) latencies.push(performance.now() - sent);
        },
      ),
    ),
  );
  try {
    while (resets < subscribers) await new Promise(r => setTimeout(r, 20));
    for (let i = 0; i < EVENTS; i++) {
      const n = round * EVENTS + i;
      const name = `cm-${i % 10}`;
      const object = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace: 'bench' },
        data: { n: String(n) },
      };
      writtenAt.set(n, performance.now());
      if (sim.store.get(CONFIGMAPS, 'bench', name)) {
        sim.store.update(CONFIGMAPS, object);
      } else {
        sim.store.create(CONFIGMAPS, object);
      }
      await new Promise(r => setTimeout(r, 1000 / EVENTS_PER_SECOND));
    }
    const expected = EVENTS * subscribers;
    const deadline = performance.now() + 30_000;
    while (latencies.length < expected && performance.now() < deadline) {
      await new Promise(r => setTimeout(r, 50));
    }
    if (latencies.length < expected) {
      throw new Error(
        `only ${latencies.length} of ${expected} deliveries arrived`,
      );
    }
    return latencies;
  } finally {
    for (const req of requests) req.destroy();
  }
}

runBench('fanout.bench', 200_000, async () => {
  const sim = await startKubeSim({ scenario: scenario(), simulation: false });
  const backend = await startBenchBackend(sim);
  const rows: BenchRow[] = [];
  try {
    // warm-up: starts the shared informer and the code paths
    await fanOutLatencies(sim, backend, 10, 0);
    const one = await fanOutLatencies(sim, backend, 1, 1);
    const many = await fanOutLatencies(sim, backend, SUBSCRIBERS, 2);
    for (const [label, values] of [
      ['1 subscriber', one],
      [`${SUBSCRIBERS} subscribers`, many],
    ] as const) {
      console.log(
        `fan-out, ${label}: p50 ${ms(median(values))}, p99 ${ms(
          percentile(values, 0.99),
        )}, ${values.length} deliveries`,
      );
    }
    for (const [name, p] of [
      ['p50', 0.5],
      ['p99', 0.99],
    ] as const) {
      const figure = percentile(many, p);
      const baseline = percentile(one, p);
      rows.push({
        benchmark: `clusters plugin watch fan-out latency ${name} (${SUBSCRIBERS.toLocaleString(
          'en',
        )} SSE subscribers, one upstream watch, ${EVENTS_PER_SECOND} changes/s)`,
        figure: ms(figure),
        baseline: `${ms(baseline)} (1 subscriber, same rate)`,
        ratio: ratio(figure, baseline),
      });
    }
  } finally {
    await backend.stop();
    await sim.close();
  }
  return rows;
});

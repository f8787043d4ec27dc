/**
 * Pod lists from the clusters plugin's informer cache (`source=cache`) against listing kube-sim
 * directly, for the `large` scenario (150,000 pods): the first page (limit 500) and the full list
 * paged at 500; plus the heap the cache holds per pod against the same pods kept as plain parsed
 * JSON. kube-sim, the plugin (in a test backend) and the clients share this process.
 * Run with `node_modules/.bin/tsx plugins/clusters-backend/bench/cache.bench.ts`; the last stdout
 * line is the JSON summary.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadScenario, startKubeSim } from '@kubedeck/kube-sim';
import {
  BenchRow,
  JsonResponse,
  kubeSimClient,
  median,
  ms,
  ratio,
  runBench,
  startBenchBackend,
} from './benchBackend';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PAGE = 500;
const FIRST_PAGE_RUNS = 15;

function heapBytes(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Pages through a list with `limit=500`; returns the items (or just their count) and the time. */
async function pageThrough(
  get: (apiPath: string) => Promise<JsonResponse>,
  path: (continueToken?: string) => string,
  keep?: unknown[],
): Promise<{ count: number; ms: number }> {
  const start = performance.now();
  let count = 0;
  let token: string | undefined;
  do {
    const page = await get(path(token));
    if (page.status !== 200) {
      throw new Error(
        `list failed: ${page.status} ${JSON.stringify(page.body)}`,
      );
    }
    count += page.body.items.length;
    keep?.push(...page.body.items);
    token = page.body.metadata?.continue || page.body.continue || undefined;
  } while (token);
  return { count, ms: performance.now() - start };
}

async function timed(call: () => Promise<JsonResponse>): Promise<number> {
  const start = performance.now();
  const res = await call();
  if (res.status !== 200) {
    throw new Error(
      `request failed: ${res.status} ${JSON.stringify(res.body)}`,
    );
  }
  return performance.now() - start;
}

runBench('cache.bench', 230_000, async () => {
  const scenario = await loadScenario('large');
  const sim = await startKubeSim({ scenario, simulation: false });
  scenario.objects = [];
  const kube = kubeSimClient(sim);
  const backend = await startBenchBackend(sim);
  const rows: BenchRow[] = [];
  try {
    const direct = (token?: string) =>
      `/api/v1/pods?limit=${PAGE}${
        token ? `&continue=${encodeURIComponent(token)}` : ''
      }`;
    const cached = (token?: string) =>
      `/core/v1/pods?source=cache&limit=${PAGE}${
        token ? `&continue=${encodeURIComponent(token)}` : ''
      }`;

    // the baseline: the pods listed from kube-sim and kept as parsed JSON
    const kept: unknown[] = [];
    const beforeJson = heapBytes();
    const fullDirect = await pageThrough(kube.get, direct, kept);
    const jsonHeap = heapBytes() - beforeJson;
    const pods = kept.length;
    kept.length = 0;

    // the cache: heap before and after the informer's first list; the informer stops 30 s
    // after its last reader, so the cached reads below follow one another without a pause
    const before = heapBytes();
    const fill = await timed(() => backend.get(cached()));
    const cacheHeap = heapBytes() - before;
    const fullCached = await pageThrough(backend.get, cached);
    if (fullCached.count !== pods) {
      throw new Error(
        `the cache listed ${fullCached.count} pods, kube-sim ${pods}`,
      );
    }
    const firstDirect: number[] = [];
    const firstCached: number[] = [];
    for (let i = 0; i < FIRST_PAGE_RUNS; i++) {
      firstCached.push(await timed(() => backend.get(cached())));
      firstDirect.push(await timed(() => kube.get(direct())));
    }
    console.log(
      `cache filled in ${ms(fill)}; heap ${(cacheHeap / 1048576).toFixed(
        0,
      )} MiB cached, ${(jsonHeap / 1048576).toFixed(0)} MiB as parsed JSON`,
    );
    console.log(
      `first page: cache ${ms(median(firstCached))}, kube-sim ${ms(
        median(firstDirect),
      )}; full list: cache ${ms(fullCached.ms)}, kube-sim ${ms(fullDirect.ms)}`,
    );

    const count = pods.toLocaleString('en');
    rows.push(
      {
        benchmark: `first page of ${count} pods (limit ${PAGE}) from the clusters plugin's cache`,
        figure: ms(median(firstCached)),
        baseline: `${ms(median(firstDirect))} (kube-sim directly)`,
        ratio: ratio(median(firstCached), median(firstDirect)),
      },
      {
        benchmark: `full list of ${count} pods (pages of ${PAGE}) from the clusters plugin's cache`,
        figure: ms(fullCached.ms),
        baseline: `${ms(fullDirect.ms)} (kube-sim directly, pages of ${PAGE})`,
        ratio: ratio(fullCached.ms, fullDirect.ms),
      },
      {
        benchmark: `clusters plugin's cache: heap per cached pod (${count} pods)`,
        figure: `${(cacheHeap / pods).toFixed(0)} B`,
        baseline: `${(jsonHeap / pods).toFixed(
          0,
        )} B (same pods as parsed JSON)`,
        ratio: ratio(cacheHeap, jsonHeap),
      },
    );
  } finally {
    kube.close();
    await backend.stop();
    await sim.close();
  }
  return rows;
});

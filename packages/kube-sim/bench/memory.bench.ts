/**
 * Memory of the `large` scenario (5,000 nodes, 150,000 pods) held by kube-sim's store, against
 * the same objects as plain parsed JSON. Run with `node_modules/.bin/tsx bench/memory.bench.ts`;
 * the last stdout line is the JSON summary.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadScenario } from '../src/scenario';
import { startKubeSim } from '../src/server';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

async function main(): Promise<void> {
  const empty = heapMb();
  const scenario = await loadScenario('large');
  const pods = scenario.objects.filter(o => o.kind === 'Pod').length;
  const raw = JSON.parse(JSON.stringify(scenario.objects));
  const asJson = heapMb() - empty;
  scenario.objects = [];
  const withJson = heapMb();
  const started = performance.now();
  const sim = await startKubeSim({ scenario: { ...scenario, objects: raw }, simulation: false, tls: false });
  const loadSeconds = (performance.now() - started) / 1000;
  raw.length = 0;
  const stored = heapMb() - withJson + asJson;
  const rss = process.memoryUsage().rss / 1048576;
  console.log(`large scenario: ${pods} pods, store heap ${stored.toFixed(0)} MiB, plain JSON heap ${asJson.toFixed(0)} MiB, RSS ${rss.toFixed(0)} MiB, loaded in ${loadSeconds.toFixed(1)} s`);
  await sim.close();
  console.log(
    JSON.stringify({
      rows: [
        { benchmark: `store heap, large scenario (${pods.toLocaleString('en')} pods)`, figure: `${stored.toFixed(0)} MiB`, baseline: `${asJson.toFixed(0)} MiB (same objects as plain parsed JSON)`, ratio: `${(stored / asJson).toFixed(2)}x` },
        { benchmark: 'store heap per pod (large scenario)', figure: `${((stored * 1024) / pods).toFixed(2)} KiB`, baseline: `${((asJson * 1024) / pods).toFixed(2)} KiB (plain JSON)`, ratio: `${(stored / asJson).toFixed(2)}x` },
      ],
    }),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

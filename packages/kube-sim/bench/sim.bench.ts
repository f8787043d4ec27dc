/**
 * Memory of kube-sim with the generated `large` scenario (5,000 nodes, 150,000 pods) against a
 * baseline of the same scenario shape at a tenth of the size, each measured in a fresh process
 * with the API server, store and simulation running and settled.
 *
 *   node_modules/.bin/tsx packages/kube-sim/bench/sim.bench.ts
 *
 * The last line of stdout is {"rows":[{benchmark, figure, baseline, ratio}]}.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { generateLargeScenario } from '../src/scenario';
import { startKubeSim } from '../src/server';

interface Sample {
  pods: number;
  nodes: number;
  heapBytes: number;
  rssBytes: number;
  loadSeconds: number;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Waits until only background heartbeats still write (fewer than 100 writes a second). */
async function settle(currentVersion: () => string): Promise<void> {
  let last = Number(currentVersion());
  for (;;) {
    await new Promise(resolve => setTimeout(resolve, 1000));
    const now = Number(currentVersion());
    if (now - last < 100) return;
    last = now;
  }
}

/** Loads one scenario size in this process and reports what it costs. */
async function measure(pods: number, nodes: number): Promise<Sample> {
  gc();
  const before = process.memoryUsage();
  const started = process.hrtime.bigint();
  const scenario = generateLargeScenario({ nodes, pods });
  const sim = await startKubeSim({ scenario, tls: false, simulation: true });
  scenario.objects.length = 0;
  await settle(() => sim.store.currentResourceVersion());
  const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  gc();
  gc();
  const after = process.memoryUsage();
  await sim.close();
  return { pods, nodes, heapBytes: after.heapUsed - before.heapUsed, rssBytes: after.rss, loadSeconds };
}

/** Runs `measure` in a child process with --expose-gc, so sizes do not share a heap. */
function measureInChild(pods: number, nodes: number): Sample {
  const output = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', __filename, '--child', String(pods), String(nodes)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output.trim().split('\n').pop()!) as Sample;
}

const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const perPod = (s: Sample) => s.heapBytes / s.pods;

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    process.stdout.write(`${JSON.stringify(await measure(Number(args[1]), Number(args[2])))}\n`);
    return;
  }
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, ${MiB(os.totalmem())} RAM, Node ${process.version}`;
  const small = measureInChild(15_000, 500);
  const large = measureInChild(150_000, 5_000);
  for (const s of [small, large]) {
    console.log(`${s.pods} pods / ${s.nodes} nodes: heap ${MiB(s.heapBytes)}, RSS ${MiB(s.rssBytes)}, ${perPod(s).toFixed(0)} heap bytes/pod, loaded and settled in ${s.loadSeconds.toFixed(1)} s`);
  }
  console.log(`machine: ${machine}; goal: 150,000 pods under 1 GiB RSS -> ${large.rssBytes < 2 ** 30 ? 'met' : 'missed'}`);
  const rows = [
    {
      benchmark: 'kube-sim heap bytes per pod (large scenario)',
      figure: `${perPod(large).toFixed(0)} B/pod at 150,000 pods`,
      baseline: `${perPod(small).toFixed(0)} B/pod at 15,000 pods`,
      ratio: (perPod(large) / perPod(small)).toFixed(2),
    },
    {
      benchmark: 'kube-sim memory, 150,000 pods / 5,000 nodes (goal: RSS < 1 GiB)',
      figure: `RSS ${MiB(large.rssBytes)}, heap used ${MiB(large.heapBytes)}`,
      baseline: `RSS ${MiB(small.rssBytes)}, heap used ${MiB(small.heapBytes)} at 15,000 pods / 500 nodes`,
      ratio: (large.rssBytes / small.rssBytes).toFixed(2),
    },
  ];
  console.log(JSON.stringify({ rows }));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

/**
 * Agent hub capacity benchmark: how many simulated agents one hub replica holds, and the hub's
 * heap per agent, at 1,000 and 5,000 agents (10,000 when 5,000 went comfortably). The hub runs
 * in a child process (hubProcess.ts) on a SQLite file; the agents, one gRPC channel each, run
 * here. Baseline: the hub's heap with no agent connected, in the same run. Run with
 * `NODE_OPTIONS=--expose-gc node_modules/.bin/tsx plugins/agent-hub-backend/bench/capacity.bench.ts`;
 * the last stdout line is the JSON summary.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  checkFileLimit,
  simulatedAgents,
  startHubProcess,
  waitForHubCount,
  within,
} from './simulatedAgents';

const SCALES = [1_000, 5_000];
const EXTRA_SCALE = 10_000;
/** 5,000 went comfortably when it connected within this, leaving time for 10,000. */
const COMFORTABLE_MS = 30_000;
const BATCH = 250;
const CONNECT_TIMEOUT_MS = 60_000;

async function measure(dir: string, agents: number) {
  const hub = await startHubProcess(path.join(dir, `hub-${agents}.sqlite`));
  const fleet = { stop: () => {} };
  try {
    const credentials = await hub.request<string[]>('register', {
      count: agents,
    });
    const baseline = await hub.request<number>('heap');
    const sims = simulatedAgents(hub.port, credentials);
    fleet.stop = sims.stop;
    const started = performance.now();
    await sims.connect(BATCH, CONNECT_TIMEOUT_MS);
    const count = await waitForHubCount(hub, agents, 15_000);
    const connectMs = performance.now() - started;
    // Let a round of heartbeats and the store writes settle before weighing the heap.
    await new Promise(r => setTimeout(r, 2_000));
    const heap = await hub.request<number>('heap');
    const held = Math.min(count.held, count.recorded);
    return { agents, held, baseline, heap, connectMs };
  } finally {
    fleet.stop();
    await hub.kill();
  }
}

async function main() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'capacity-bench-'));
  const results = [];
  try {
    for (const agents of SCALES) {
      checkFileLimit(agents);
      results.push(await measure(dir, agents));
    }
    const last = results[results.length - 1];
    if (
      last.held === last.agents &&
      last.connectMs < COMFORTABLE_MS &&
      (() => {
        try {
          checkFileLimit(EXTRA_SCALE);
          return true;
        } catch {
          return false;
        }
      })()
    ) {
      results.push(await measure(dir, EXTRA_SCALE));
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const fmt = (n: number) => n.toLocaleString('en-US');
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const rows = [];
  for (const r of results) {
    const perAgent = Math.round((r.heap - r.baseline) / r.agents);
    rows.push({
      benchmark: `Agents held by one hub replica (${fmt(r.agents)} simulated)`,
      figure: `${fmt(r.held)} of ${fmt(r.agents)} connected in ${(
        r.connectMs / 1000
      ).toFixed(1)} s`,
      baseline: `${fmt(r.agents)} registered, 0 connected`,
      ratio: `${((r.held / r.agents) * 100).toFixed(1)}%`,
    });
    rows.push({
      benchmark: `Hub heap per agent at ${fmt(r.agents)} agents`,
      figure: `${fmt(perAgent)} bytes/agent (heap ${mb(r.heap)})`,
      baseline: `heap with 0 agents connected: ${mb(r.baseline)}`,
      ratio: `${(r.heap / r.baseline).toFixed(2)}×`,
    });
  }
  for (const r of rows)
    console.log(`${r.benchmark}: ${r.figure} vs ${r.baseline} (${r.ratio})`);
  console.log(JSON.stringify({ rows }));
  process.exit(0);
}

within(main(), 230_000, 'capacity benchmark').catch(error => {
  console.error(error);
  process.exit(1);
});

/**
 * Agent hub reconnect benchmark: the time for 2,000 simulated agents to be connected again,
 * per the hub's own view (streams held and connections recorded in its store), after the hub is
 * killed and started again on the same port and SQLite database. Baseline: the same agents'
 * first connection, all starting at once, in the same run. The agents reconnect like the real
 * one (backoff base 1 s, cap 60 s, full jitter). Run with
 * `NODE_OPTIONS=--expose-gc node_modules/.bin/tsx plugins/agent-hub-backend/bench/reconnect.bench.ts`;
 * the last stdout line is the JSON summary.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  checkFileLimit,
  type HubProcess,
  simulatedAgents,
  startHubProcess,
  waitForHubCount,
  within,
} from './simulatedAgents';

const AGENTS = 2_000;
const TIMEOUT_MS = 90_000;

async function main() {
  checkFileLimit(AGENTS);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reconnect-bench-'));
  const db = path.join(dir, 'hub.sqlite');
  let hub: HubProcess | undefined = await startHubProcess(db);
  const port = hub.port;
  const credentials = await hub.request<string[]>('register', {
    count: AGENTS,
  });
  const sims = simulatedAgents(port, credentials);
  try {
    const firstStart = performance.now();
    sims.agents.forEach(a => a.connect());
    const first = await waitForHubCount(hub, AGENTS, TIMEOUT_MS);
    const firstMs = performance.now() - firstStart;

    const killedAt = performance.now();
    await hub.kill();
    hub = undefined;
    hub = await startHubProcess(db, port);
    const backAt = performance.now();
    const again = await waitForHubCount(hub, AGENTS, TIMEOUT_MS);
    const doneAt = performance.now();

    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const n = (count: { held: number; recorded: number }) =>
      Math.min(count.held, count.recorded).toLocaleString('en-US');
    const total = AGENTS.toLocaleString('en-US');
    const rows = [
      {
        benchmark: `Reconnect of ${total} agents after a hub restart (hub back up → all connected)`,
        figure: `${s(doneAt - backAt)} (${n(again)} of ${total}; ${s(
          doneAt - killedAt,
        )} from the kill, hub restart ${s(backAt - killedAt)})`,
        baseline: `first connection: ${s(firstMs)} (${n(first)} of ${total})`,
        ratio: `${((doneAt - backAt) / firstMs).toFixed(2)}×`,
      },
    ];
    for (const r of rows)
      console.log(`${r.benchmark}: ${r.figure} vs ${r.baseline} (${r.ratio})`);
    console.log(JSON.stringify({ rows }));
  } finally {
    sims.stop();
    await hub?.kill();
    await fs.rm(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

within(main(), 230_000, 'reconnect benchmark').catch(error => {
  console.error(error);
  process.exit(1);
});

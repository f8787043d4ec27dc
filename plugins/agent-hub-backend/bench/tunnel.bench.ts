/**
 * Agent tunnel benchmarks: added latency (p50/p99) of a GET of one pod at 500 requests/s and of
 * a LIST of 1,000 pods, through hub → gRPC stream → agent → kube-sim, against the same requests
 * sent to kube-sim directly (the baseline). Hub classes, the real agent and kube-sim share this
 * process on loopback. Run with `node_modules/.bin/tsx plugins/agent-hub-backend/bench/tunnel.bench.ts`;
 * the last stdout line is the JSON summary.
 */
import fs from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { startKubeSim } from '@kubedeck/kube-sim';
import { startAgent, createLogger } from '@kubedeck/agent';
import { startBenchHub } from './benchHub';

const PODS = 1_000;
const RATE = 500;
const GET_SECONDS = 4;
const LISTS = 40;
const TOKEN = 'bench-admin';

type Target = { base: string; token: string; agent: https.Agent };

function scenario() {
  const objects: any[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } },
  ];
  for (let i = 0; i < PODS; i++) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `pod-${i}`,
        namespace: 'bench',
        labels: { app: `app-${i % 30}` },
      },
      spec: {
        nodeName: 'node-1',
        containers: [{ name: 'main', image: 'registry.example.com/app:1.2.3' }],
      },
      status: { phase: 'Running', podIP: `10.0.${i >> 8}.${i & 255}` },
    });
  }
  return {
    name: 'bench',
    objects,
    users: [{ name: 'admin', token: TOKEN, groups: ['system:masters'] }],
    metrics: false,
    version: 'v1.32.0',
  } as any;
}

function send(target: Target, apiPath: string): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = https.get(
      `${target.base}${apiPath}`,
      {
        agent: target.agent,
        headers: { authorization: `Bearer ${target.token}` },
      },
      res => {
        res.on('data', () => undefined);
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - start)
            : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
  });
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
};

/** GETs of one pod paced at RATE per second for `seconds`. */
async function pacedGets(
  target: Target,
  seconds = GET_SECONDS,
): Promise<number[]> {
  const total = RATE * seconds;
  const started = performance.now();
  const runs: Promise<number>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise(r => setTimeout(r, wait));
    runs.push(send(target, `/api/v1/namespaces/bench/pods/pod-${i % PODS}`));
  }
  return Promise.all(runs);
}

async function lists(target: Target): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < LISTS; i++)
    times.push(await send(target, '/api/v1/namespaces/bench/pods'));
  return times;
}

async function main() {
  const sim = await startKubeSim({
    scenario: scenario(),
    port: 0,
    simulation: false,
  });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tunnel-bench-'));
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  await fs.writeFile(kubeconfigPath, sim.kubeconfig());
  const hub = await startBenchHub({ filename: ':memory:', port: 0 });
  const { token } = await hub.tokens.create({
    clusterName: 'bench',
    preset: 'admin',
    expiresInHours: 1,
    createdBy: 'bench',
  });
  const running = await startAgent(
    {
      hubAddress: `127.0.0.1:${hub.grpc.port}`,
      hubInsecure: true,
      registrationToken: token,
      clusterName: 'bench',
      credentialsNamespace: 'default',
      credentialsSecret: 'bench-agent',
      kubeconfigPath,
      backoffBaseMs: 50,
      backoffCapMs: 500,
      healthPort: 0,
      pendingTooLongSeconds: 300,
      failureDetection: false,
      pushIntervalMs: 60_000,
    },
    { logger: createLogger({ silent: true }) },
  );
  while (running.agent.state !== 'connected')
    await new Promise(r => setTimeout(r, 50));
  await hub.tunnels.refresh();
  const kc = hub.tunnels.clusterDefinitions()[0].kubeConfig;
  const tunnel: Target = {
    base: kc.getCurrentCluster()!.server,
    token: kc.getCurrentUser()!.token!,
    agent: new https.Agent({
      keepAlive: true,
      ca: Buffer.from(kc.getCurrentCluster()!.caData!, 'base64'),
    }),
  };
  const direct: Target = {
    base: sim.url,
    token: TOKEN,
    agent: new https.Agent({ keepAlive: true, ca: sim.caCertificate }),
  };

  // Warm-up: open the keep-alive connections (TLS handshakes) before measuring.
  for (const target of [direct, tunnel]) {
    await lists(target);
    await pacedGets(target, 1);
  }
  const rows = [];
  const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  for (const [name, run] of [
    [`GET one pod at ${RATE}/s`, (t: Target) => pacedGets(t)],
    [`LIST ${PODS} pods`, lists],
  ] as const) {
    const base = await run(direct);
    const through = await run(tunnel);
    for (const p of [50, 99]) {
      rows.push({
        benchmark: `${name}, p${p} through the agent tunnel vs direct`,
        figure: `${fmt(pct(through, p))} (+${fmt(
          pct(through, p) - pct(base, p),
        )})`,
        baseline: fmt(pct(base, p)),
        ratio: ratio(pct(through, p), pct(base, p)),
      });
    }
  }
  for (const r of rows)
    console.log(`${r.benchmark}: ${r.figure} vs ${r.baseline} (${r.ratio})`);
  await running.stop();
  await hub.grpc.close(100);
  await hub.tunnels.close();
  await hub.knex.destroy();
  await sim.close();
  await fs.rm(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ rows }));
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

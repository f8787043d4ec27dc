/**
 * Log lines per second through the clusters plugin's SSE logs endpoint, for one pod and for a
 * 50-pod Deployment (merged in time order), against the real `kubectl logs` reading the same
 * pods from kube-sim (`kubectl logs <pod>`, `kubectl logs -l app=<name>
 * --max-log-requests=50`). Every container holds kube-sim's full ring of 5,000 lines. kube-sim
 * (with its simulation) and the plugin share this process; kubectl is a child process, started
 * for every read as a user would. Run with
 * `node_modules/.bin/tsx plugins/clusters-backend/bench/logs.bench.ts`; the last stdout line is
 * the JSON summary.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { KubeSim, startKubeSim } from '@kubedeck/kube-sim';
import { KUBECTL } from '@kubedeck/kube-sim/src/conformance/harness';
import { buildScenario } from '@kubedeck/kube-sim/src/scenario/build';
import {
  BenchRow,
  median,
  ratio,
  runBench,
  startBenchBackend,
} from './benchBackend';

const REPLICAS = 50;
const RUNS = 3;
const LOG_ANNOTATIONS = {
  'kube-sim.kubedeck.io/log-rate': '1000',
  'kube-sim.kubedeck.io/log-format': 'json',
};

type Backend = Awaited<ReturnType<typeof startBenchBackend>>;
type Read = { lines: number; ms: number };

function scenario() {
  const template = (app: string) => ({
    metadata: { labels: { app }, annotations: LOG_ANNOTATIONS },
    spec: { containers: [{ name: 'main', image: 'busybox:1.36' }] },
  });
  return buildScenario(
    {
      name: 'logs',
      metrics: false,
      nodes: [
        { name: 'node-1', cpu: 64, memory: '256Gi', pods: 110 },
        { name: 'node-2', cpu: 64, memory: '256Gi', pods: 110 },
      ],
      namespaces: ['bench'],
      users: [
        { name: 'admin', token: 'bench-admin', groups: ['system:masters'] },
      ],
      objects: [
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name: 'solo',
            namespace: 'bench',
            ...template('solo').metadata,
          },
          spec: template('solo').spec,
        },
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'fleet', namespace: 'bench' },
          spec: {
            replicas: REPLICAS,
            selector: { matchLabels: { app: 'fleet' } },
            template: template('fleet'),
          },
        },
      ],
    },
    'logs',
  );
}

const PODS = { group: '', version: 'v1', resource: 'pods' };

async function waitForRunningPods(sim: KubeSim) {
  for (let i = 0; i < 600; i++) {
    const running = sim.store
      .list(PODS, { namespace: 'bench' })
      .items.filter((p: any) => p.status?.phase === 'Running');
    if (running.length === REPLICAS + 1) return;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error('the pods did not start');
}

/** Reads a whole log over SSE, counting line events. */
function readSse(backend: Backend, apiPath: string): Promise<Read> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(
        `${backend.base}${apiPath}`,
        { agent: backend.agent, headers: { accept: 'text/event-stream' } },
        res => {
          if (res.statusCode !== 200) {
            reject(new Error(`logs answered ${res.statusCode}`));
            return;
          }
          res.setEncoding('utf8');
          let lines = 0;
          let failure: string | undefined;
          let tail = '';
          res.on('data', (chunk: string) => {
            const text = tail + chunk;
            let at = text.indexOf('\nid: ');
            while (at !== -1) {
              lines++;
              at = text.indexOf('\nid: ', at + 5);
            }
            if (text.includes('event: error')) failure = text;
            tail = text.slice(-5);
          });
          res.on('end', () =>
            failure
              ? reject(
                  new Error(`logs stream failed: ${failure.slice(0, 300)}`),
                )
              : resolve({ lines, ms: performance.now() - start }),
          );
          res.on('error', reject);
        },
      )
      .on('error', reject);
  });
}

/** Runs kubectl, counting the lines it prints. */
function readKubectl(kubeconfig: string, args: string[]): Promise<Read> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(KUBECTL, ['--request-timeout=60s', ...args], {
      env: { ...process.env, KUBECONFIG: kubeconfig, KUBECTL_KUBERC: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
        lines++;
      }
    });
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve({ lines, ms: performance.now() - start })
        : reject(new Error(`kubectl ${args.join(' ')}: ${stderr}`)),
    );
  });
}

/** Lines per second of the median of RUNS reads. */
async function linesPerSecond(read: () => Promise<Read>) {
  const reads: Read[] = [];
  for (let i = 0; i < RUNS; i++) reads.push(await read());
  const rates = reads.map(r => (r.lines / r.ms) * 1000);
  return { rate: median(rates), lines: median(reads.map(r => r.lines)) };
}

const perSecond = (rate: number) =>
  `${Math.round(rate).toLocaleString('en')} lines/s`;

runBench('logs.bench', 220_000, async () => {
  if (!existsSync(KUBECTL)) {
    throw new Error(`kubectl not found at ${KUBECTL} (set KUBECTL)`);
  }
  const sim = await startKubeSim({ scenario: scenario(), timeScale: 0.1 });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'clusters-logs-bench-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  await fs.writeFile(kubeconfig, sim.kubeconfig(), { mode: 0o600 });
  const backend = await startBenchBackend(sim);
  const rows: BenchRow[] = [];
  try {
    await waitForRunningPods(sim);
    // a second at 10,000 lines/s (log rate 1,000/s at time scale 0.1) fills every ring
    await new Promise(r => setTimeout(r, 1500));
    const cases = [
      {
        label: 'one pod',
        sse: '/namespaces/bench/pods/solo/logs',
        kubectl: ['logs', '-n', 'bench', 'solo'],
      },
      {
        label: `a ${REPLICAS}-pod Deployment`,
        sse: '/namespaces/bench/deployments/fleet/logs',
        kubectl: [
          'logs',
          '-n',
          'bench',
          '-l',
          'app=fleet',
          '--tail=-1',
          `--max-log-requests=${REPLICAS}`,
          '--prefix',
        ],
      },
    ];
    for (const c of cases) {
      const sse = await linesPerSecond(() => readSse(backend, c.sse));
      const kubectl = await linesPerSecond(() =>
        readKubectl(kubeconfig, c.kubectl),
      );
      console.log(
        `${c.label}: SSE ${perSecond(sse.rate)} (${
          sse.lines
        } lines), kubectl ${perSecond(kubectl.rate)} (${kubectl.lines} lines)`,
      );
      rows.push({
        benchmark: `log lines per second through the clusters plugin's SSE endpoint, ${
          c.label
        } (${sse.lines.toLocaleString('en')} lines)`,
        figure: perSecond(sse.rate),
        baseline: `${perSecond(kubectl.rate)} (kubectl logs, same pods)`,
        ratio: ratio(sse.rate, kubectl.rate),
      });
    }
  } finally {
    await backend.stop();
    await sim.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
  return rows;
});

/**
 * What the clusters benchmarks share: the clusters plugin in a test backend pointed at an
 * in-process kube-sim, keep-alive HTTP clients for both, statistics and a hard deadline.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import type { KubeSim } from '@kubedeck/kube-sim';
import { startClustersTestBackend } from '../src/__testUtils__/testBackend';

/** One row of the JSON summary every benchmark prints last. */
export type BenchRow = {
  benchmark: string;
  figure: string;
  baseline: string;
  ratio: string;
};

/** A parsed JSON response. */
export type JsonResponse = { status: number; body: any; bytes: number };

function readJson(res: http.IncomingMessage): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('error', reject);
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: any = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text for the error message
      }
      resolve({ status: res.statusCode!, body, bytes: text.length });
    });
  });
}

/** Calls kube-sim directly as its admin, over its TLS with a keep-alive agent. */
export function kubeSimClient(sim: KubeSim) {
  const agent = new https.Agent({
    keepAlive: true,
    ca: sim.caCertificate,
    maxSockets: 64,
  });
  const get = (apiPath: string) =>
    new Promise<JsonResponse>((resolve, reject) => {
      https
        .get(
          `${sim.url}${apiPath}`,
          {
            agent,
            headers: { authorization: `Bearer ${sim.adminUser.token}` },
          },
          res => readJson(res).then(resolve, reject),
        )
        .on('error', reject);
    });
  return { agent, get, close: () => agent.destroy() };
}

/** The clusters plugin with one config cluster `bench` pointing at kube-sim. */
export async function startBenchBackend(sim: KubeSim) {
  const backend = await startClustersTestBackend({
    list: [
      {
        name: 'bench',
        url: sim.url,
        caData: Buffer.from(sim.caCertificate!).toString('base64'),
        auth: { token: sim.adminUser.token },
      },
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/api/clusters/v1/clusters/bench`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2048 });
  const get = (apiPath: string) =>
    new Promise<JsonResponse>((resolve, reject) => {
      http
        .get(`${base}${apiPath}`, { agent }, res =>
          readJson(res).then(resolve, reject),
        )
        .on('error', reject);
    });
  return {
    base,
    agent,
    get,
    async stop() {
      agent.destroy();
      await backend.stop();
    },
  };
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor(values.length * p))
  ];

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

export const ratio = (figure: number, baseline: number) =>
  `${(figure / baseline).toFixed(2)}x`;

/**
 * Runs a benchmark with a hard deadline: whatever happens, the process ends (the summary is
 * printed only when `run` finishes), so a stuck stream never hangs `make bench`.
 */
export function runBench(
  name: string,
  deadlineMs: number,
  run: () => Promise<BenchRow[]>,
) {
  const timer = setTimeout(() => {
    console.error(`${name}: gave up after ${deadlineMs / 1000} s`);
    process.exit(1);
  }, deadlineMs);
  run()
    .then(rows => {
      clearTimeout(timer);
      console.log(
        `machine: ${cpus().length} x ${
          cpus()[0]?.model ?? 'unknown CPU'
        }, Node ${process.version}`,
      );
      console.log(JSON.stringify({ rows }));
      process.exit(0);
    })
    .catch(error => {
      console.error(error);
      process.exit(1);
    });
}

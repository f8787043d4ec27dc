import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KUBECTL, spawnKubectlWith, type Cluster, type KubectlResult } from './harness';

export interface SimCluster {
  /** Path of the admin kubeconfig. */
  kubeconfig: string;
  /** Runs kubectl (or `options.binary`, e.g. an older kubectl) against the cluster. */
  kubectl(args: string[], options?: { stdin?: string; binary?: string }): Promise<KubectlResult>;
  spawnKubectl: Cluster['spawnKubectl'];
  stop(): Promise<void>;
}

function exitCodeOf(error: Error | null): number {
  if (!error) return 0;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : 1;
}

/**
 * A scenario served by kube-sim with its simulation in a child process (see simProcess.ts),
 * sped up by `timeScale`, and the real kubectl to drive it.
 */
export async function startSimCluster(scenario = 'demo', timeScale = 0.05): Promise<SimCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kube-sim-pods-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const tsx = require.resolve('tsx/cli');
  const server = spawn(process.execPath, [tsx, require.resolve('./simProcess'), scenario, String(timeScale), kubeconfig], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    server.once('exit', code => reject(new Error(`kube-sim exited with ${code}`)));
  });
  const env = { ...process.env, KUBECONFIG: kubeconfig, HOME: dir };
  return {
    kubeconfig,
    kubectl: (args, options = {}) =>
      new Promise(resolve => {
        const child = execFile(options.binary ?? KUBECTL, ['--request-timeout=20s', ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
          resolve({ stdout, stderr, code: exitCodeOf(error) });
        });
        if (options.stdin !== undefined) child.stdin?.end(options.stdin);
      }),
    spawnKubectl: args => spawnKubectlWith(env, args),
    stop: async () => {
      server.kill('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until it yields something truthy. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

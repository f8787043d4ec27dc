import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startKubeSim, type KubeSim, type KubeSimOptions } from '../server';
import { fixtureScenario } from '../testing/fixtureScenario';

export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** A running kube-sim plus kubeconfigs for its users and a way to run the real kubectl against it. */
export interface Cluster {
  sim: KubeSim;
  dir: string;
  kubectl(args: string[], options?: { user?: string; stdin?: string; binary?: string }): Promise<KubectlResult>;
  /** Starts a long-running kubectl (e.g. `get -w`) and collects its output. */
  spawnKubectl(args: string[]): { child: ChildProcess; output: () => string; waitFor(text: string): Promise<void> };
  stop(): Promise<void>;
}

function exitCode(error: unknown): number {
  if (!error) return 0;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : 1;
}

export async function startCluster(options: Partial<KubeSimOptions> = {}): Promise<Cluster> {
  const scenario = options.scenario ?? fixtureScenario();
  const sim = await startKubeSim({ simulation: false, ...options, scenario });
  const dir = await mkdtemp(path.join(tmpdir(), 'kube-sim-kubectl-'));
  const configs = new Map<string, string>();
  for (const user of scenario.users) {
    const file = path.join(dir, `${user.name}.kubeconfig`);
    await writeFile(file, sim.kubeconfig(user.name));
    configs.set(user.name, file);
  }
  const admin = scenario.users.find(u => u.groups.includes('system:masters'))?.name ?? scenario.users[0].name;
  const env = (user: string) => ({ ...process.env, KUBECONFIG: configs.get(user)!, HOME: dir, KUBECTL_KUBERC: 'false' });

  const kubectl: Cluster['kubectl'] = (args, opts = {}) =>
    new Promise(resolve => {
      const child = execFile(
        opts.binary ?? KUBECTL,
        ['--request-timeout=20s', ...args],
        { env: env(opts.user ?? admin), timeout: 60_000 },
        (error, stdout, stderr) => {
          resolve({ stdout, stderr, code: exitCode(error) });
        },
      );
      if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
    });

  const spawnKubectl: Cluster['spawnKubectl'] = args => spawnKubectlWith(env(admin), args);

  return {
    sim,
    dir,
    kubectl,
    spawnKubectl,
    stop: async () => {
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A long-running kubectl (`-w`, `logs -f`, `port-forward`) whose stdout is read as it arrives. */
export function spawnKubectlWith(env: NodeJS.ProcessEnv, args: string[]): ReturnType<Cluster['spawnKubectl']> {
  const child = spawn(KUBECTL, args, { env });
  let out = '';
  // Only whole lines count: a row split across two output chunks is not there yet.
  const printed = (text: string) => out.slice(0, out.lastIndexOf('\n') + 1).includes(text);
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  child.stdout.on('data', chunk => {
    out += chunk.toString();
    for (const w of [...waiters]) {
      if (printed(w.text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  return {
    child,
    output: () => out,
    waitFor: text =>
      new Promise<void>(resolve => {
        if (printed(text)) resolve();
        else waiters.push({ text, resolve });
      }),
  };
}

/** The header line of kubectl's table output, split into column names. */
export function headerOf(stdout: string): string[] {
  return stdout.split('\n')[0].trim().split(/\s{2,}/);
}

/** The row of a table whose first cell is `name`, split into cells. */
export function rowOf(stdout: string, name: string): string[] | undefined {
  return stdout
    .split('\n')
    .map(line => line.trim().split(/\s{2,}/))
    .find(cells => cells[0] === name);
}

import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * kube-sim with its simulation (kubelet, logs, metrics) as a child process: in-process under
 * Jest the simulation cannot be loaded (it is imported dynamically).
 */
export async function spawnKubeSim(scenario = 'demo') {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kube-sim-'));
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  const cli = require.resolve('@kubedeck/kube-sim/src/cli.ts');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      require.resolve('tsx/cli'),
      cli,
      '--scenario',
      scenario,
      '--port',
      '0',
      '--kubeconfig-out',
      kubeconfigPath,
    ],
    { stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 300; i++) {
    const text = await fs.readFile(kubeconfigPath, 'utf8').catch(() => '');
    if (text.includes('server:')) {
      return {
        kubeconfigPath,
        async close() {
          try {
            process.kill(-child.pid!, 'SIGTERM');
          } catch {
            // already gone
          }
          await fs.rm(dir, { recursive: true, force: true });
        },
      };
    }
    await new Promise(r => setTimeout(r, 100));
  }
  process.kill(-child.pid!, 'SIGKILL');
  throw new Error('kube-sim did not start');
}

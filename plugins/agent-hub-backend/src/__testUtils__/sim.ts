import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startKubeSim } from '@kubedeck/kube-sim';
import { loadScenario } from '@kubedeck/kube-sim/src/scenario';
import { KubeConfig } from '@kubernetes/client-node';

/** kube-sim with the demo scenario, its admin kubeconfig written to a temp file. */
export async function startSim() {
  const sim = await startKubeSim({
    scenario: await loadScenario('demo'),
    port: 0,
  });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'agent-hub-sim-'));
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  await fs.writeFile(kubeconfigPath, sim.kubeconfig());
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfigPath);
  return {
    sim,
    dir,
    kubeconfigPath,
    kubeConfig,
    async close() {
      await sim.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      lastError = error;
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error(
    `Timed out waiting for ${what}${lastError ? `: ${lastError}` : ''}`,
  );
}

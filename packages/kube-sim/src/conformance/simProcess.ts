/**
 * Runs kube-sim with the simulation in a child process (through tsx) for suites that drive it
 * with the real kubectl: `tsx simProcess.ts <scenario> <timeScale> <kubeconfig-out>`. Prints
 * "ready" once serving. Jest cannot load the simulation through the server's dynamic import.
 */
import { writeFile } from 'node:fs/promises';
import { startKubeSim } from '../server';
import { loadScenario } from '../scenario';
import { Annotations } from '../sim/annotations';

async function main() {
  const [name = 'demo', timeScale = '1', kubeconfigOut] = process.argv.slice(2);
  const scenario = await loadScenario(name);
  for (const object of scenario.objects) {
    if (object.kind === 'Node') delete object.metadata.annotations?.[Annotations.notReadyAfter];
  }
  const sim = await startKubeSim({ scenario, timeScale: Number(timeScale), simulation: true });
  if (kubeconfigOut) await writeFile(kubeconfigOut, sim.kubeconfig(), { mode: 0o600 });
  process.stdout.write(`ready ${sim.url}\n`);
  process.once('SIGTERM', () => void sim.close().then(() => process.exit(0)));
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

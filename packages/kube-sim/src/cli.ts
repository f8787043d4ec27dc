import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startKubeSim } from './server';

const USAGE = `Usage: kube-sim [--scenario NAME|FILE] [--port N] [--host ADDR] [--no-metrics] [--no-simulation]
                [--user NAME] [--kubeconfig-out FILE] [--compaction-window-seconds N]

Starts a simulated Kubernetes API server and prints a kubeconfig for it on stdout.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'demo' },
      port: { type: 'string', default: '6443' },
      host: { type: 'string', default: '127.0.0.1' },
      'no-metrics': { type: 'boolean', default: false },
      'no-simulation': { type: 'boolean', default: false },
      user: { type: 'string' },
      'kubeconfig-out': { type: 'string' },
      'compaction-window-seconds': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { loadScenario } = (await import('./scenario/index')) as { loadScenario(name: string): Promise<import('./scenario/types').Scenario> };
  const compactionSeconds = values['compaction-window-seconds'] === undefined ? undefined : Number(values['compaction-window-seconds']);
  if (compactionSeconds !== undefined && !(compactionSeconds > 0)) throw new Error('--compaction-window-seconds must be a positive number');
  const scenario = await loadScenario(values.scenario!);
  if (values['no-metrics']) scenario.metrics = false;
  const sim = await startKubeSim({
    scenario,
    port: Number(values.port),
    host: values.host,
    simulation: !values['no-simulation'],
    ...(compactionSeconds ? { compactionWindowMs: compactionSeconds * 1000 } : {}),
  });
  const kubeconfig = sim.kubeconfig(values.user);
  if (values['kubeconfig-out']) await writeFile(values['kubeconfig-out']!, kubeconfig, { mode: 0o600 });
  process.stdout.write(kubeconfig);
  process.stderr.write(`kube-sim: scenario "${scenario.name}" serving on ${sim.url}\n`);
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(error => {
  process.stderr.write(`kube-sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

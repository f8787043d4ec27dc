import type { KubeObject } from '../store/types';
import type { ContainerSpec } from '../sim/kubelet/config';
import type { SimulationParts } from '../sim';
import { runsOf } from '../sim/logs';
import { R } from '../sim/resources';
import type { RemoteStreams } from './channel';

/**
 * Attaches to a container's main process: its output (the log generator) from now on, and
 * whatever arrives on stdin echoed back, until the process ends or the client leaves.
 */
export function runAttach(parts: SimulationParts, stream: RemoteStreams, pod: KubeObject, container: ContainerSpec, options: { stdin: boolean; tty: boolean }): void {
  const run = runsOf(parts.kubelet, pod, container.name).current;
  if (!run) {
    stream.fail(`container ${container.name} is not running`);
    return;
  }
  let log = parts.logs.instanceLog(pod, container, run);
  let cursor = log.total;
  const newline = options.tty ? '\r\n' : '\n';
  if (options.stdin) {
    stream.onStdin(data => stream.stdout(options.tty ? data.toString('utf8').replace(/\r/g, '\r\n') : data));
  }
  const tick = Math.min(Math.max(parts.logs.intervalMs(pod), 20), 1000);
  const timer = setInterval(() => {
    const current = parts.ctx.store.get(R.pods, pod.metadata.namespace, pod.metadata.name);
    const now = current && current.metadata.uid === pod.metadata.uid ? runsOf(parts.kubelet, current, container.name).current : undefined;
    const ended = !now || now.index !== run.index || now.finishedAt !== undefined;
    log = parts.logs.instanceLog(pod, container, ended ? { ...run, finishedAt: now?.index === run.index ? now.finishedAt ?? Date.now() : Date.now(), exitCode: now?.exitCode } : run);
    log.linesAfter(cursor).forEach(line => stream.stdout(`${line.text}${newline}`));
    cursor = log.total;
    if (ended) {
      clearInterval(timer);
      stream.exit(now?.exitCode ?? 0, [container.name]);
    }
  }, tick);
  stream.onClose(() => clearInterval(timer));
}

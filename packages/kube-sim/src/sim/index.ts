import type { Simulation, SimulationOptions } from './types';
import { createContext, type SimContext } from './context';
import { startControllers } from './controllers';
import { startHpaController } from './controllers/hpa';
import { expireEvents } from './events';
import { Kubelet } from './kubelet';
import { Scheduler } from './scheduler';
import { LogService } from './logs';
import { MetricsService } from './metrics';
import { createHandlers } from '../pods/handlers';

export type { Simulation, SimulationOptions, SimulationHandlers, PodRequestParams } from './types';

/**
 * Reports a failing reconcile once per work item and message (they are retried, and a stuck
 * one would otherwise flood the output); KUBE_SIM_DEBUG=1 adds the stack.
 */
function reportOnce(): (error: unknown, key: string) => void {
  const seen = new Set<string>();
  return (error, key) => {
    const message = error instanceof Error ? error.message : String(error);
    if (seen.has(`${key}\u0000${message}`) || seen.size > 1000) return;
    seen.add(`${key}\u0000${message}`);
    console.warn(`kube-sim: ${key}: ${message}`, process.env.KUBE_SIM_DEBUG ? error : '');
  };
}

/** The running simulation's parts, for tests and the pod subresource handlers. */
export interface SimulationParts {
  ctx: SimContext;
  kubelet: Kubelet;
  scheduler: Scheduler;
  logs: LogService;
  metrics: MetricsService;
}

/**
 * Starts the simulated control plane and nodes against `store`: controllers, the scheduler,
 * kubelets (pod lifecycles, node heartbeats), log generators and metrics.
 */
export function startSimulation(options: SimulationOptions): Simulation & { parts: SimulationParts; idle(): Promise<void> } {
  const ctx = createContext({
    store: options.store,
    timeScale: options.timeScale,
    version: options.scenario.version,
    metricsEnabled: options.scenario.metrics,
    onError: reportOnce(),
  });
  const scheduler = new Scheduler(ctx);
  const kubelet = new Kubelet(ctx);
  const logs = new LogService(ctx);
  const metrics = new MetricsService(ctx, scheduler);
  kubelet.start();
  scheduler.start();
  startControllers(ctx);
  startHpaController(ctx, metrics);
  expireEvents(ctx.store, ctx.timers, ctx.timeScale);
  const parts = { ctx, kubelet, scheduler, logs, metrics };
  return {
    parts,
    handlers: createHandlers(parts),
    idle: () => ctx.queue.idle(),
    async stop() {
      ctx.watches.forEach(w => w.stop());
      ctx.watches.length = 0;
      ctx.queue.stop();
      ctx.timers.cancelAll();
      kubelet.stop();
      logs.stop();
    },
  };
}

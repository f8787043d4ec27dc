import { InMemoryObjectStore } from '../store/ObjectStore';
import type { KubeObject } from '../store/types';
import type { Scenario } from '../scenario/types';
import { buildScenario, type ScenarioFile } from '../scenario/build';
import { startSimulation } from './index';
import { R } from './resources';
import { loadScenarioObjects } from '../bootstrap';
import type { ApiServices } from '../api/context';
import { ResourceRegistry } from '../api/resources';

/** A store seeded with a scenario and a running simulation, for tests. */
export async function simulate(file: ScenarioFile, timeScale = 0.01) {
  const scenario: Scenario = buildScenario(file, 'test');
  const store = new InMemoryObjectStore({ timeScale });
  const registry = new ResourceRegistry({ metrics: scenario.metrics });
  loadScenarioObjects({ store, registry } as ApiServices, scenario.objects);
  const sim = startSimulation({ store, scenario, timeScale });
  return { store, sim, scenario, parts: sim.parts };
}

/** Polls `probe` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => T | undefined | false | null, timeoutMs = 4_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

export const node = (name: string, extra: Record<string, unknown> = {}) => ({ name, cpu: 4, memory: '16Gi', ...extra });

export function deployment(name: string, namespace: string, template: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name }, ...(template.metadata as object) }, spec: template.spec ?? template },
      ...extra,
    },
  };
}

export function barePod(name: string, namespace: string, spec: Record<string, unknown>, annotations?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: { app: name }, ...(annotations ? { annotations } : {}) }, spec };
}

type ContainerStatus = { name: string; state: Record<string, { reason?: string; message?: string; exitCode?: number }>; lastState: { terminated?: { reason: string; exitCode: number } }; restartCount: number; ready: boolean };

export function containerStatus(pod: KubeObject | undefined, index = 0): ContainerStatus | undefined {
  return (pod?.status as { containerStatuses?: ContainerStatus[] } | undefined)?.containerStatuses?.[index];
}

export function podsOf(store: InMemoryObjectStore, namespace: string, app: string): KubeObject[] {
  return store.list(R.pods, { namespace, labelSelector: `app=${app}` }).items;
}

export function eventsFor(store: InMemoryObjectStore, name: string): KubeObject[] {
  return store.list(R.events).items.filter(e => (e.involvedObject as { name: string }).name === name);
}

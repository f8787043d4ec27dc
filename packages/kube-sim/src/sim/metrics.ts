import type { ServerResponse } from 'node:http';
import type { KubeObject } from '../store/types';
import { sendJson } from '../api/http';
import { notFound } from '../api/status';
import type { SimContext } from './context';
import { Annotations } from './annotations';
import { hashSeed, random } from './logs/lines';
import { allocatable } from './nodefit';
import { formatCpuNanos, formatMemoryKi, parseCpuMillis, parseQuantity } from './quantity';
import { R } from './resources';
import type { Scheduler } from './scheduler';
import { formatTimestamp } from '../store/ObjectStore';

const WindowSeconds = 15;
const group = 'metrics.k8s.io/v1beta1';

type MetricsRequest = { resource: 'nodes' | 'pods'; namespace?: string; name?: string; query: URLSearchParams };

const listOptions = (query: URLSearchParams) => ({
  labelSelector: query.get('labelSelector') ?? undefined,
  fieldSelector: query.get('fieldSelector') ?? undefined,
});

type Container = { name: string; resources?: { requests?: Record<string, string>; limits?: Record<string, string> } };

/** A value that wanders smoothly over time around 1, different per seed. */
function wobble(seed: number, now: number): number {
  const minute = Math.floor(now / 60_000);
  const r = random(seed, minute)();
  return 0.8 + 0.4 * r;
}

/**
 * metrics.k8s.io from the simulated load: a container uses its requests times the pod's load
 * (annotation, default 0.3..0.6) with a slow wobble; nodes add system overhead to their pods.
 */
export class MetricsService {
  constructor(private readonly ctx: SimContext, private readonly scheduler: Scheduler) {}

  containerUsage(pod: KubeObject, container: Container, now = Date.now()) {
    const seed = hashSeed(`${pod.metadata.uid}/${container.name}`);
    const load = Number(pod.metadata.annotations?.[Annotations.load] ?? 0.3 + 0.3 * random(seed, 0)());
    const factor = load * wobble(seed, now);
    const cpu = parseCpuMillis(container.resources?.requests?.cpu ?? container.resources?.limits?.cpu ?? '50m') * factor;
    const requestedMemory = parseQuantity(container.resources?.requests?.memory ?? container.resources?.limits?.memory ?? '64Mi');
    const memory = Math.min(requestedMemory * (0.5 + factor), parseQuantity(container.resources?.limits?.memory) || Infinity);
    return { cpu: Math.max(cpu, 1), memory };
  }

  podMetrics(pod: KubeObject, now = Date.now()): KubeObject {
    const containers = (pod.spec as { containers: Container[] }).containers;
    return {
      kind: 'PodMetrics',
      apiVersion: group,
      metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, creationTimestamp: formatTimestamp(new Date(now)), labels: pod.metadata.labels },
      timestamp: this.sampleTime(now),
      window: `${WindowSeconds}s`,
      containers: containers.map(c => {
        const usage = this.containerUsage(pod, c, now);
        return { name: c.name, usage: { cpu: formatCpuNanos(usage.cpu), memory: formatMemoryKi(usage.memory) } };
      }),
    };
  }

  nodeMetrics(node: KubeObject, now = Date.now()): KubeObject {
    const used = this.scheduler.usage(node.metadata.name);
    const capacity = allocatable(node);
    const seed = hashSeed(node.metadata.name);
    const factor = 0.45 * wobble(seed, now);
    const cpu = Math.min(capacity.cpu, 120 + used.cpu * factor);
    const memory = Math.min(capacity.memory, 900 * 2 ** 20 + used.memory * (0.5 + factor));
    return {
      kind: 'NodeMetrics',
      apiVersion: group,
      metadata: { name: node.metadata.name, creationTimestamp: formatTimestamp(new Date(now)), labels: node.metadata.labels },
      timestamp: this.sampleTime(now),
      window: '20.05s',
      usage: { cpu: formatCpuNanos(cpu), memory: formatMemoryKi(memory) },
    };
  }

  /** Metrics are scraped periodically: the sample time is the last full window. */
  private sampleTime(now: number): string {
    return formatTimestamp(new Date(Math.floor(now / (WindowSeconds * 1000)) * WindowSeconds * 1000));
  }

  /** GET /apis/metrics.k8s.io/v1beta1/{nodes|pods}[/name], namespaced for pods. */
  serve(res: ServerResponse, params: MetricsRequest): void {
    sendJson(res, 200, params.resource === 'nodes' ? this.nodes(params) : this.pods(params));
  }

  private nodes(params: MetricsRequest): KubeObject | object {
    if (params.name) {
      const node = this.ctx.store.get(R.nodes, undefined, params.name);
      if (!node) throw notFound(`nodemetrics.metrics.k8s.io "${params.name}" not found`, { name: params.name, group: 'metrics.k8s.io', kind: 'nodes' });
      return this.nodeMetrics(node);
    }
    const items = this.ctx.store.list(R.nodes, listOptions(params.query)).items.map(n => this.nodeMetrics(n));
    return { kind: 'NodeMetricsList', apiVersion: group, metadata: {}, items };
  }

  private pods(params: MetricsRequest): KubeObject | object {
    const running = (pod: KubeObject) => (pod.status as { phase?: string })?.phase === 'Running';
    if (params.name) {
      const pod = this.ctx.store.get(R.pods, params.namespace, params.name);
      if (!pod || !running(pod)) throw notFound(`podmetrics.metrics.k8s.io "${params.namespace}/${params.name}" not found`, { name: params.name, group: 'metrics.k8s.io', kind: 'pods' });
      return this.podMetrics(pod);
    }
    const items = this.ctx.store.list(R.pods, { ...listOptions(params.query), namespace: params.namespace }).items.filter(running).map(p => this.podMetrics(p));
    return { kind: 'PodMetricsList', apiVersion: group, metadata: {}, items };
  }
}

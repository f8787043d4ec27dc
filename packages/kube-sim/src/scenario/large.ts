import { createHash } from 'node:crypto';
import type { KubeObject } from '../store/types';
import { admitPod } from '../sim/podtemplate';
import { settledPodStatus } from '../sim/kubelet/status';
import { imageId } from '../sim/kubelet/images';
import { buildScenario } from './build';
import { nodeIp } from './nodes';
import type { Scenario } from './types';
import { nowIso } from '../sim/resources';

export interface LargeScenarioOptions {
  nodes: number;
  pods: number;
  /** Pods per namespace (default 300). */
  podsPerNamespace?: number;
}

const apps = [
  { name: 'api', image: 'ghcr.io/kubedeck/demo-api:1.4.2', port: 8080, cpu: '100m', memory: '128Mi' },
  { name: 'web', image: 'nginx:1.27.2', port: 80, cpu: '50m', memory: '64Mi' },
  { name: 'worker', image: 'python:3.12-slim', port: 8000, cpu: '200m', memory: '256Mi' },
  { name: 'cache', image: 'redis:7.4', port: 6379, cpu: '100m', memory: '256Mi' },
];

const hex = (text: string, length: number) => createHash('sha1').update(text).digest('hex').slice(0, length);

type App = (typeof apps)[number];

/**
 * Builds pods that share every part that is the same across pods (specs, labels, conditions):
 * the store copies each pod anyway, so sharing only keeps the generator's own footprint small.
 */
class PodFactory {
  private readonly templates = new Map<App, KubeObject>();
  private readonly specs = new Map<string, object>();
  private readonly hosts = new Map<string, { hostIP: string; hostIPs: Array<{ ip: string }> }>();
  private readonly labels = new Map<string, Record<string, string>>();
  private readonly statuses = new Map<App, ReturnType<typeof settledPodStatus>>();

  constructor(private readonly startTime: string) {}

  pod(index: number, namespace: string, node: KubeObject, podIp: string): KubeObject {
    const app = apps[index % apps.length];
    const hash = hex(`${namespace}/${app.name}`, 10);
    const name = `${app.name}-${hash}-${hex(String(index), 5)}`;
    const spec = this.boundSpec(app, node.metadata.name);
    const shared = this.status(app);
    const status = {
      ...shared,
      ...this.host(node),
      podIP: podIp,
      podIPs: [{ ip: podIp }],
      containerStatuses: shared.containerStatuses.map(c => ({ ...c, containerID: `containerd://${hex(`${namespace}/${name}`, 40)}${hex(name, 24)}` })),
    };
    return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: this.labelsOf(namespace, app, hash, index % 3 === 0) }, spec, status };
  }

  /** The spec of the app's pods on one node, shared by them. */
  private boundSpec(app: App, node: string): object {
    const key = `${app.name}/${node}`;
    let spec = this.specs.get(key);
    if (!spec) {
      spec = { ...(this.template(app).spec as object), nodeName: node };
      this.specs.set(key, spec);
    }
    return spec;
  }

  private host(node: KubeObject): { hostIP: string; hostIPs: Array<{ ip: string }> } {
    let host = this.hosts.get(node.metadata.name);
    if (!host) {
      const ip = nodeIp(node);
      host = { hostIP: ip, hostIPs: [{ ip }] };
      this.hosts.set(node.metadata.name, host);
    }
    return host;
  }

  /** The app's pod as the API server would store it, minus per-pod fields. */
  private template(app: App): KubeObject {
    let template = this.templates.get(app);
    if (!template) {
      template = admitPod({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: app.name },
        spec: {
          containers: [{
            name: app.name,
            image: app.image,
            ports: [{ containerPort: app.port, protocol: 'TCP' }],
            resources: { requests: { cpu: app.cpu, memory: app.memory }, limits: { memory: app.memory } },
            env: [{ name: 'LOG_LEVEL', value: 'info' }],
          }],
        },
      });
      this.templates.set(app, template);
    }
    return template;
  }

  private status(app: App): ReturnType<typeof settledPodStatus> {
    let status = this.statuses.get(app);
    if (!status) {
      const template = this.template(app);
      const containers = (template.spec as { containers: Array<{ name: string; image: string }> }).containers;
      const qosClass = (template.status as { qosClass: string }).qosClass;
      status = settledPodStatus(containers, { podIP: '', hostIP: '', startTime: this.startTime }, { containerId: () => '', imageId }, qosClass);
      this.statuses.set(app, status);
    }
    return status;
  }

  private labelsOf(namespace: string, app: App, hash: string, frontend: boolean): Record<string, string> {
    const key = `${namespace}/${app.name}/${frontend}`;
    let labels = this.labels.get(key);
    if (!labels) {
      labels = { app: app.name, 'pod-template-hash': hash, tier: frontend ? 'frontend' : 'backend' };
      this.labels.set(key, labels);
    }
    return labels;
  }
}

function service(namespace: string, app: (typeof apps)[number]): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: app.name, namespace, labels: { app: app.name } },
    spec: { selector: { app: app.name }, ports: [{ name: 'main', port: app.port, targetPort: app.port, protocol: 'TCP' }], type: 'ClusterIP' },
  };
}

/**
 * A big cluster for benchmarks: `nodes` nodes and `pods` running pods spread evenly, grouped
 * into team namespaces with a Service per app. Pods start settled so the simulation does no
 * per-pod work until something changes.
 */
export function generateLargeScenario(options: LargeScenarioOptions): Scenario {
  const version = 'v1.32.0';
  const perNamespace = options.podsPerNamespace ?? 300;
  const namespaces = Array.from({ length: Math.ceil(options.pods / perNamespace) }, (_, i) => `team-${String(i).padStart(4, '0')}`);
  const scenario = buildScenario({
    name: 'large',
    version,
    namespaces,
    users: [{ name: 'admin', token: 'kubedeck-admin-token', groups: ['system:masters'] }],
    nodes: Array.from({ length: options.nodes }, (_, i) => ({
      name: `node-${String(i).padStart(5, '0')}`,
      cpu: 32,
      memory: '128Gi',
      pods: 250,
      labels: { 'topology.kubernetes.io/zone': `zone-${'abc'[i % 3]}` },
    })),
    objects: namespaces.flatMap(ns => apps.map(app => service(ns, app))),
  }, 'large');
  const nodes = scenario.objects.filter(o => o.kind === 'Node');
  const factory = new PodFactory(nowIso());
  for (let i = 0; i < options.pods; i++) {
    const node = nodes[i % nodes.length];
    const slot = Math.floor(i / nodes.length);
    const cidr = ((node.spec as { podCIDR: string }).podCIDR).split('.');
    scenario.objects.push(factory.pod(i, namespaces[Math.floor(i / perNamespace)], node, `${cidr[0]}.${cidr[1]}.${cidr[2]}.${(slot % 250) + 2}`));
  }
  return scenario;
}

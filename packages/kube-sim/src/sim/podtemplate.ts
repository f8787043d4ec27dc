import { createHash } from 'node:crypto';
import type { KubeObject } from '../store/types';
import { cloneJson } from '../store/objects';
import { applyDefaults } from '../api/defaults';
import { ResourceRegistry } from '../api/resources';
import { controllerRef } from './resources';

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

const podsDef = new ResourceRegistry({ metrics: false }).find('', 'v1', 'pods')!;

/** Tolerations the DefaultTolerationSeconds admission plugin gives every pod. */
const defaultTolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

/**
 * What the API server does to a new pod before storing it: the API layer's defaults, plus the
 * DefaultTolerationSeconds admission. Mutates and returns `pod`, which must not be frozen.
 */
export function admitPod(pod: KubeObject): KubeObject {
  applyDefaults(podsDef, pod);
  const spec = pod.spec as { tolerations?: Array<{ key?: string }>; serviceAccountName?: string; serviceAccount?: string };
  const tolerations = spec.tolerations ?? [];
  const missing = defaultTolerations.filter(d => !tolerations.some(t => t.key === d.key));
  spec.tolerations = [...tolerations, ...missing];
  spec.serviceAccount ??= spec.serviceAccountName;
  return pod;
}

/** A pod for `owner` from its pod template, as the workload controllers create them. */
export function podFromTemplate(
  template: PodTemplate,
  owner: KubeObject,
  naming: { name?: string; generateName?: string },
  extra: { labels?: Record<string, string>; spec?: Record<string, unknown> } = {},
): KubeObject {
  const spec = cloneJson(template.spec ?? {});
  return admitPod({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...naming,
      name: naming.name ?? '',
      namespace: owner.metadata.namespace,
      labels: { ...template.metadata?.labels, ...extra.labels },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(owner)],
    },
    spec: { ...spec, ...extra.spec },
  });
}

const safeChars = 'bcdfghjklmnpqrstvwxz2456789';

/** A stable 10-character hash of a template, rendered like Kubernetes' pod-template-hash. */
export function templateHash(value: unknown): string {
  const digest = createHash('sha256').update(stableJson(value)).digest();
  let out = '';
  for (let i = 0; i < 10; i++) out += safeChars[digest[i] % safeChars.length];
  return out;
}

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : Number(a > b)));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** Pod is Ready per its Ready condition. */
export function isPodReady(pod: KubeObject): boolean {
  const conditions = (pod.status as { conditions?: Array<{ type: string; status: string }> })?.conditions ?? [];
  return conditions.some(c => c.type === 'Ready' && c.status === 'True');
}

export function podPhase(pod: KubeObject): string {
  return (pod.status as { phase?: string })?.phase ?? 'Pending';
}

/** Counts towards a controller's replicas: not finished and not being deleted. */
export function isActivePod(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

import type { KubeObject, ObjectStore } from '../../store/types';
import { R } from '../resources';

type KeyRef = { name?: string; key: string; optional?: boolean };
type SourceRef = { name?: string; optional?: boolean };
export interface ContainerSpec {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: Array<{ name: string; value?: string; valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef; fieldRef?: { fieldPath: string } } }>;
  envFrom?: Array<{ prefix?: string; configMapRef?: SourceRef; secretRef?: SourceRef }>;
  ports?: Array<{ containerPort: number; name?: string; protocol?: string }>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: Array<{ name: string; mountPath: string; subPath?: string }>;
  workingDir?: string;
  stdin?: boolean;
  tty?: boolean;
}
export interface Probe {
  httpGet?: { path?: string; port: number | string };
  tcpSocket?: { port: number | string };
  exec?: { command: string[] };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  failureThreshold?: number;
}

const decode = (value: string) => Buffer.from(value, 'base64').toString('utf8');

/** Data of a ConfigMap or Secret (Secret values decoded; stringData honoured). */
function sourceData(store: ObjectStore, kind: 'ConfigMap' | 'Secret', namespace: string, name: string): Record<string, string> | undefined {
  const object = store.get(kind === 'ConfigMap' ? R.configmaps : R.secrets, namespace, name);
  if (!object) return undefined;
  if (kind === 'ConfigMap') return { ...(object.data as Record<string, string>) };
  const data = Object.fromEntries(Object.entries((object.data as Record<string, string>) ?? {}).map(([k, v]) => [k, decode(v)]));
  return { ...data, ...(object.stringData as Record<string, string>) };
}

export class ConfigError extends Error {}

function keyRef(store: ObjectStore, namespace: string, kind: 'ConfigMap' | 'Secret', ref: KeyRef): string | undefined {
  const data = sourceData(store, kind, namespace, ref.name ?? '');
  const label = kind === 'ConfigMap' ? 'configmap' : 'secret';
  if (!data) {
    if (ref.optional) return undefined;
    throw new ConfigError(`${label} "${ref.name}" not found`);
  }
  if (!(ref.key in data)) {
    if (ref.optional) return undefined;
    throw new ConfigError(`couldn't find key ${ref.key} in ${kind} ${namespace}/${ref.name}`);
  }
  return data[ref.key];
}

function fieldRef(pod: KubeObject, path: string): string {
  const status = (pod.status ?? {}) as { podIP?: string; hostIP?: string };
  const spec = pod.spec as { nodeName?: string; serviceAccountName?: string };
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': spec.nodeName,
    'spec.serviceAccountName': spec.serviceAccountName,
    'status.podIP': status.podIP,
    'status.hostIP': status.hostIP,
  };
  return values[path] ?? '';
}

function envValue(store: ObjectStore, pod: KubeObject, namespace: string, variable: NonNullable<ContainerSpec['env']>[number]): string | undefined {
  const from = variable.valueFrom;
  if (from?.configMapKeyRef) return keyRef(store, namespace, 'ConfigMap', from.configMapKeyRef);
  if (from?.secretKeyRef) return keyRef(store, namespace, 'Secret', from.secretKeyRef);
  if (from?.fieldRef) return fieldRef(pod, from.fieldRef.fieldPath);
  return variable.value;
}

/**
 * The container's environment as the runtime would see it, resolving config map, secret and
 * field references. Throws ConfigError with the kubelet's message when a reference is missing.
 */
export function resolveEnv(store: ObjectStore, pod: KubeObject, container: ContainerSpec): Record<string, string> {
  const namespace = pod.metadata.namespace ?? 'default';
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
    const ref = from.configMapRef ?? from.secretRef ?? {};
    const data = sourceData(store, kind, namespace, ref.name ?? '');
    if (!data && !ref.optional) throw new ConfigError(`${kind === 'ConfigMap' ? 'configmap' : 'secret'} "${ref.name}" not found`);
    for (const [k, v] of Object.entries(data ?? {})) env[`${from.prefix ?? ''}${k}`] = v;
  }
  for (const variable of container.env ?? []) {
    const value = envValue(store, pod, namespace, variable);
    if (value !== undefined) env[variable.name] = value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, n) => env[n] ?? m);
  }
  return env;
}

/** The kubelet's CreateContainerConfigError message for this container, if any. */
export function configError(store: ObjectStore, pod: KubeObject, container: ContainerSpec): string | undefined {
  try {
    resolveEnv(store, pod, container);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

/** Files of the config maps and secrets mounted into the container: path → content. */
export function mountedFiles(store: ObjectStore, pod: KubeObject, container: ContainerSpec): Map<string, string> {
  const volumes = ((pod.spec as { volumes?: Array<{ name: string; configMap?: SourceRef; secret?: { secretName?: string } }> }).volumes) ?? [];
  const files = new Map<string, string>();
  for (const mount of container.volumeMounts ?? []) {
    const volume = volumes.find(v => v.name === mount.name);
    const namespace = pod.metadata.namespace ?? 'default';
    let data: Record<string, string> | undefined;
    if (volume?.configMap) data = sourceData(store, 'ConfigMap', namespace, volume.configMap.name ?? '');
    else if (volume?.secret) data = sourceData(store, 'Secret', namespace, volume.secret.secretName ?? '');
    for (const [key, value] of Object.entries(data ?? {})) {
      files.set(mount.subPath ? mount.mountPath : `${mount.mountPath.replace(/\/$/, '')}/${key}`, value);
    }
  }
  return files;
}

import type {
  OwnerLinkInfo,
  PodDetailsInfo,
  PodEnvVar,
} from '@kubedeck/plugin-clusters-common';
import { MASKED_VALUE } from './masking';

type Obj = Record<string, any>;

function envDetails(
  env: Obj[] | undefined,
  secretValue: (name: string, key: string) => string | undefined,
): PodEnvVar[] {
  return (env ?? []).map(e => {
    const from = e.valueFrom ?? {};
    if (from.secretKeyRef) {
      const { name, key } = from.secretKeyRef;
      const value = secretValue(name, key);
      return {
        name: e.name,
        source: { kind: 'secret', name, key },
        value: value ?? MASKED_VALUE,
        masked: value === undefined,
      };
    }
    if (from.configMapKeyRef) {
      const { name, key } = from.configMapKeyRef;
      return { name: e.name, source: { kind: 'configMap', name, key } };
    }
    if (from.fieldRef) {
      return {
        name: e.name,
        source: { kind: 'field', key: from.fieldRef.fieldPath },
      };
    }
    if (from.resourceFieldRef) {
      return {
        name: e.name,
        source: { kind: 'resource', key: from.resourceFieldRef.resource },
      };
    }
    return { name: e.name, value: e.value ?? '' };
  });
}

function stateOf(state: Obj | undefined) {
  if (!state) {
    return { state: 'unknown' };
  }
  const [name, detail] = Object.entries(state)[0] ?? ['unknown', {}];
  return {
    state: name,
    reason: detail?.reason,
    message: detail?.message,
    exitCode: detail?.exitCode,
    startedAt: detail?.startedAt,
    finishedAt: detail?.finishedAt,
  };
}

function containerDetails(
  container: Obj,
  status: Obj | undefined,
  init: boolean,
  secretValue: (name: string, key: string) => string | undefined,
) {
  const last = status?.lastState?.terminated;
  return {
    name: container.name,
    init,
    image: container.image,
    imageID: status?.imageID,
    ready: status?.ready ?? false,
    started: status?.started,
    restartCount: status?.restartCount ?? 0,
    ...stateOf(status?.state),
    lastTermination: last
      ? {
          reason: last.reason,
          exitCode: last.exitCode,
          signal: last.signal,
          message: last.message,
          startedAt: last.startedAt,
          finishedAt: last.finishedAt,
        }
      : undefined,
    ports: container.ports ?? [],
    probes: {
      liveness: container.livenessProbe,
      readiness: container.readinessProbe,
      startup: container.startupProbe,
    },
    resources: container.resources ?? {},
    env: envDetails(container.env, secretValue),
    envFrom: container.envFrom ?? [],
    volumeMounts: container.volumeMounts ?? [],
  };
}

/**
 * The pod page's details. `secretValue` answers a secretKeyRef's value, or undefined when
 * the caller may not read it (the value is then masked).
 */
export function podDetails(
  pod: Obj,
  ownerChain: OwnerLinkInfo[],
  secretValue: (name: string, key: string) => string | undefined,
): PodDetailsInfo {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const statusOf = (list: Obj[] | undefined, name: string) =>
    (list ?? []).find(s => s.name === name);
  return {
    name: pod.metadata?.name,
    namespace: pod.metadata?.namespace,
    uid: pod.metadata?.uid,
    labels: pod.metadata?.labels ?? {},
    annotations: pod.metadata?.annotations ?? {},
    createdAt: pod.metadata?.creationTimestamp,
    phase: status.phase,
    reason: status.reason,
    message: status.message,
    qosClass: status.qosClass,
    node: spec.nodeName,
    podIP: status.podIP,
    podIPs: (status.podIPs ?? []).map((ip: Obj) => ip.ip),
    hostIP: status.hostIP,
    serviceAccount: spec.serviceAccountName,
    startTime: status.startTime,
    conditions: status.conditions ?? [],
    volumes: spec.volumes ?? [],
    ownerChain,
    containers: [
      ...(spec.initContainers ?? []).map((c: Obj) =>
        containerDetails(
          c,
          statusOf(status.initContainerStatuses, c.name),
          true,
          secretValue,
        ),
      ),
      ...(spec.containers ?? []).map((c: Obj) =>
        containerDetails(
          c,
          statusOf(status.containerStatuses, c.name),
          false,
          secretValue,
        ),
      ),
    ],
  };
}

/** Secret names an env list reads through secretKeyRef. */
export function referencedSecrets(pod: Obj): string[] {
  const containers = [
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.containers ?? []),
  ];
  const names = containers.flatMap((c: Obj) =>
    (c.env ?? [])
      .map((e: Obj) => e.valueFrom?.secretKeyRef?.name)
      .filter(Boolean),
  );
  return [...new Set<string>(names)];
}

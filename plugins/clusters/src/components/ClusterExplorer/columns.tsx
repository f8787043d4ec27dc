import { KubeObject } from '@kubedeck/plugin-clusters-common';
import { ReactNode } from 'react';
import { age } from '../../lib/format';
import { objectStatus } from '../../lib/objectStatus';
import { StatusChip } from '../StatusChip';

/** One column of the explorer table. */
export type Column = {
  id: string;
  title: string;
  render(object: KubeObject): ReactNode;
  align?: 'right';
};

const col = (
  id: string,
  title: string,
  render: Column['render'],
  align?: 'right',
): Column => ({ id, title, render, align });

const NAMESPACE = col(
  'namespace',
  'Namespace',
  o => o.metadata.namespace ?? '',
);
const STATUS = col('status', 'Status', o => {
  const status = objectStatus(o);
  return status ? <StatusChip status={status} /> : null;
});
const AGE = col('age', 'Age', o => age(o.metadata.creationTimestamp));

function podReady(pod: KubeObject) {
  const statuses: any[] = pod.status?.containerStatuses ?? [];
  const total = pod.spec?.containers?.length ?? statuses.length;
  return `${statuses.filter(s => s.ready).length}/${total}`;
}

function podRestarts(pod: KubeObject) {
  return (pod.status?.containerStatuses ?? []).reduce(
    (sum: number, s: any) => sum + (s.restartCount ?? 0),
    0,
  );
}

function servicePorts(service: KubeObject) {
  return (service.spec?.ports ?? [])
    .map(
      (p: any) =>
        `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`,
    )
    .join(', ');
}

function nodeRoles(node: KubeObject) {
  const prefix = 'node-role.kubernetes.io/';
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter(l => l.startsWith(prefix))
    .map(l => l.slice(prefix.length));
  return roles.join(', ') || '<none>';
}

function keyCount(object: KubeObject) {
  return Object.keys({
    ...(object.data as object),
    ...(object.binaryData as object),
  }).length;
}

const KIND_COLUMNS: Record<string, Column[]> = {
  Pod: [
    STATUS,
    col('ready', 'Ready', podReady),
    col('restarts', 'Restarts', podRestarts, 'right'),
    col('node', 'Node', o => o.spec?.nodeName ?? ''),
    col('ip', 'IP', o => o.status?.podIP ?? ''),
  ],
  Deployment: [
    STATUS,
    col(
      'ready',
      'Ready',
      o => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
    ),
    col('updated', 'Up-to-date', o => o.status?.updatedReplicas ?? 0, 'right'),
    col(
      'available',
      'Available',
      o => o.status?.availableReplicas ?? 0,
      'right',
    ),
  ],
  StatefulSet: [
    STATUS,
    col(
      'ready',
      'Ready',
      o => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
    ),
  ],
  DaemonSet: [
    STATUS,
    col(
      'desired',
      'Desired',
      o => o.status?.desiredNumberScheduled ?? 0,
      'right',
    ),
    col('ready', 'Ready', o => o.status?.numberReady ?? 0, 'right'),
  ],
  Job: [
    STATUS,
    col(
      'completions',
      'Completions',
      o => `${o.status?.succeeded ?? 0}/${o.spec?.completions ?? 1}`,
    ),
  ],
  CronJob: [
    STATUS,
    col('schedule', 'Schedule', o => o.spec?.schedule ?? ''),
    col('last', 'Last schedule', o => age(o.status?.lastScheduleTime)),
  ],
  Service: [
    col('type', 'Type', o => o.spec?.type ?? ''),
    col('clusterIP', 'Cluster IP', o => o.spec?.clusterIP ?? ''),
    col('ports', 'Ports', servicePorts),
    col('selector', 'Selector', o =>
      Object.entries(o.spec?.selector ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    ),
  ],
  Ingress: [
    col('class', 'Class', o => o.spec?.ingressClassName ?? ''),
    col('hosts', 'Hosts', o =>
      (o.spec?.rules ?? [])
        .map((r: any) => r.host)
        .filter(Boolean)
        .join(', '),
    ),
  ],
  ConfigMap: [col('keys', 'Keys', keyCount, 'right')],
  Secret: [
    col('type', 'Type', o => String(o.type ?? '')),
    col('keys', 'Keys', o => Object.keys((o.data as object) ?? {}).join(', ')),
  ],
  PersistentVolumeClaim: [
    STATUS,
    col('volume', 'Volume', o => o.spec?.volumeName ?? ''),
    col(
      'capacity',
      'Capacity',
      o =>
        o.status?.capacity?.storage ??
        o.spec?.resources?.requests?.storage ??
        '',
    ),
    col('class', 'Storage class', o => o.spec?.storageClassName ?? ''),
  ],
  Node: [
    STATUS,
    col('roles', 'Roles', nodeRoles),
    col('version', 'Version', o => o.status?.nodeInfo?.kubeletVersion ?? ''),
    col(
      'ip',
      'Internal IP',
      o =>
        (o.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')
          ?.address ?? '',
    ),
  ],
  Namespace: [STATUS],
  Event: [
    STATUS,
    col('reason', 'Reason', o => String(o.reason ?? '')),
    col('object', 'Object', o => {
      const involved = o.involvedObject as any;
      return involved ? `${involved.kind}/${involved.name}` : '';
    }),
    col('message', 'Message', o => String(o.message ?? '')),
    col('count', 'Count', o => String(o.count ?? 1), 'right'),
  ],
  CustomResourceDefinition: [
    col('group', 'Group', o => o.spec?.group ?? ''),
    col('kind', 'Kind', o => o.spec?.names?.kind ?? ''),
    col('scope', 'Scope', o => o.spec?.scope ?? ''),
  ],
};

/** The columns of a kind: name, namespace (for namespaced kinds), its own, then age. */
export function columnsOf(kind: string, namespaced: boolean): Column[] {
  const own = KIND_COLUMNS[kind] ?? [];
  return [...(namespaced ? [NAMESPACE] : []), ...own, AGE];
}

import type { KubeObject } from '../../store/types';
import { AGE, NAME, NONE, age, at, col, formatLabels, since, type Printer } from './format';

interface Port {
  port: number;
  nodePort?: number;
  protocol?: string;
}

function servicePorts(ports: Port[] | undefined): string {
  if (!ports?.length) return NONE;
  return ports.map(p => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

function externalIp(svc: KubeObject): string {
  const type = at<string>(svc, 'spec', 'type') ?? 'ClusterIP';
  const external = at<string[]>(svc, 'spec', 'externalIPs') ?? [];
  const ingress = (at<Array<{ ip?: string; hostname?: string }>>(svc, 'status', 'loadBalancer', 'ingress') ?? []).map(i => i.ip || i.hostname || '');
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : NONE;
    case 'LoadBalancer': {
      const all = [...ingress, ...external].filter(Boolean);
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return at<string>(svc, 'spec', 'externalName') ?? NONE;
    default:
      return '<unknown>';
  }
}

export const servicePrinter: Printer = {
  columns: [NAME, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), AGE, col('Selector', 'string', 1)],
  row: (o, now) => [
    o.metadata.name,
    at<string>(o, 'spec', 'type') ?? 'ClusterIP',
    at<string>(o, 'spec', 'clusterIP') || NONE,
    externalIp(o),
    servicePorts(at<Port[]>(o, 'spec', 'ports')),
    age(o, now),
    formatLabels(at(o, 'spec', 'selector')),
  ],
};

function nodeRoles(labels: Record<string, string> | undefined): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : NONE;
}

function nodeAddress(node: KubeObject, type: string): string {
  const addresses = at<Array<{ type: string; address: string }>>(node, 'status', 'addresses') ?? [];
  return addresses.find(a => a.type === type)?.address ?? NONE;
}

export const nodePrinter: Printer = {
  columns: [
    NAME, col('Status'), col('Roles'), AGE, col('Version'),
    col('Internal-IP', 'string', 1), col('External-IP', 'string', 1), col('OS-Image', 'string', 1),
    col('Kernel-Version', 'string', 1), col('Container-Runtime', 'string', 1),
  ],
  row: (o, now) => {
    const conditions = at<Array<{ type: string; status: string }>>(o, 'status', 'conditions') ?? [];
    const ready = conditions.find(c => c.type === 'Ready');
    let status = 'Unknown';
    if (ready) status = ready.status === 'True' ? 'Ready' : 'NotReady';
    if (at<boolean>(o, 'spec', 'unschedulable')) status += ',SchedulingDisabled';
    const info = (at<Record<string, string>>(o, 'status', 'nodeInfo') ?? {}) as Record<string, string>;
    return [
      o.metadata.name, status, nodeRoles(o.metadata.labels), age(o, now), info.kubeletVersion ?? '',
      nodeAddress(o, 'InternalIP'), nodeAddress(o, 'ExternalIP'), info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>',
    ];
  },
};

export const namespacePrinter: Printer = {
  columns: [NAME, col('Status'), AGE],
  row: (o, now) => [o.metadata.name, at<string>(o, 'status', 'phase') ?? '', age(o, now)],
};

const count = (o: KubeObject, ...fields: string[]) =>
  fields.reduce((n, f) => n + Object.keys((o[f] as object | undefined) ?? {}).length, 0);

export const configMapPrinter: Printer = {
  columns: [NAME, col('Data', 'integer'), AGE],
  row: (o, now) => [o.metadata.name, count(o, 'data', 'binaryData'), age(o, now)],
};

export const secretPrinter: Printer = {
  columns: [NAME, col('Type'), col('Data', 'integer'), AGE],
  row: (o, now) => [o.metadata.name, (o.type as string | undefined) ?? 'Opaque', count(o, 'data'), age(o, now)],
};

export const serviceAccountPrinter: Printer = {
  columns: [NAME, col('Secrets', 'integer'), AGE],
  row: (o, now) => [o.metadata.name, ((o.secrets as unknown[] | undefined) ?? []).length, age(o, now)],
};

function eventTime(o: KubeObject, field: 'first' | 'last', now: number): string {
  const stamp =
    field === 'last'
      ? at<string>(o, 'series', 'lastObservedTime') || (o.lastTimestamp as string | undefined) || (o.eventTime as string | undefined)
      : (o.firstTimestamp as string | undefined) || (o.eventTime as string | undefined);
  return stamp ? since(stamp, now) : '<unknown>';
}

export const eventPrinter: Printer = {
  columns: [
    col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Subobject', 'string', 1), col('Source', 'string', 1),
    col('Message'), col('First Seen', 'string', 1), col('Count', 'integer', 1), col('Name', 'string', 1),
  ],
  row: (o, now) => {
    const involved = (o.involvedObject ?? {}) as { kind?: string; name?: string; fieldPath?: string };
    const source = (o.source ?? {}) as { component?: string; host?: string };
    const sourceText = source.host ? `${source.component ?? ''}, ${source.host}` : source.component || (o.reportingComponent as string | undefined) || '';
    return [
      eventTime(o, 'last', now), (o.type as string | undefined) ?? '', (o.reason as string | undefined) ?? '',
      `${(involved.kind ?? '').toLowerCase()}/${involved.name ?? ''}`, involved.fieldPath ?? '', sourceText,
      ((o.message as string | undefined) ?? '').trim(), eventTime(o, 'first', now),
      (at<number>(o, 'series', 'count') ?? (o.count as number | undefined)) ?? 1, o.metadata.name,
    ];
  },
};

interface Subset {
  addresses?: Array<{ ip: string }>;
  ports?: Array<{ port: number }>;
}

export const endpointsPrinter: Printer = {
  columns: [NAME, col('Endpoints'), AGE],
  row: (o, now) => {
    const all: string[] = [];
    for (const s of (o.subsets as Subset[] | undefined) ?? []) {
      for (const a of s.addresses ?? []) {
        if (!s.ports?.length) all.push(a.ip);
        for (const p of s.ports ?? []) all.push(`${a.ip}:${p.port}`);
      }
    }
    const shown = all.length ? all.slice(0, 3).join(',') + (all.length > 3 ? ` + ${all.length - 3} more...` : '') : NONE;
    return [o.metadata.name, shown, age(o, now)];
  },
};

const modes = (list: string[] | undefined) =>
  (list ?? []).map(m => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' })[m] ?? m).join(',');

export const pvPrinter: Printer = {
  columns: [
    NAME, col('Capacity'), col('Access Modes'), col('Reclaim Policy'), col('Status'), col('Claim'), col('StorageClass'),
    col('VolumeAttributesClass'), col('Reason'), AGE, col('VolumeMode', 'string', 1),
  ],
  row: (o, now) => {
    const claim = at<{ namespace?: string; name?: string }>(o, 'spec', 'claimRef');
    return [
      o.metadata.name, at<string>(o, 'spec', 'capacity', 'storage') ?? '', modes(at(o, 'spec', 'accessModes')),
      at<string>(o, 'spec', 'persistentVolumeReclaimPolicy') ?? '', at<string>(o, 'status', 'phase') ?? '',
      claim ? `${claim.namespace}/${claim.name}` : '', at<string>(o, 'spec', 'storageClassName') ?? '',
      at<string>(o, 'spec', 'volumeAttributesClassName') || NONE, at<string>(o, 'status', 'reason') ?? '', age(o, now),
      at<string>(o, 'spec', 'volumeMode') ?? 'Filesystem',
    ];
  },
};

export const pvcPrinter: Printer = {
  columns: [
    NAME, col('Status'), col('Volume'), col('Capacity'), col('Access Modes'), col('StorageClass'),
    col('VolumeAttributesClass'), AGE, col('VolumeMode', 'string', 1),
  ],
  row: (o, now) => {
    const bound = at<string>(o, 'status', 'phase') === 'Bound';
    return [
      o.metadata.name, at<string>(o, 'status', 'phase') ?? '', at<string>(o, 'spec', 'volumeName') ?? '',
      bound ? (at<string>(o, 'status', 'capacity', 'storage') ?? '') : '', bound ? modes(at(o, 'status', 'accessModes')) : '',
      at<string>(o, 'spec', 'storageClassName') ?? '', at<string>(o, 'spec', 'volumeAttributesClassName') || NONE, age(o, now),
      at<string>(o, 'spec', 'volumeMode') ?? 'Filesystem',
    ];
  },
};

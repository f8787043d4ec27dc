import type { KubeObject } from '../../store/types';
import { AGE, NAME, NONE, age, at, col, formatLabels, formatSelector, num, type Printer } from './format';

const createdAt = col('Created At', 'date');

export const createdAtPrinter: Printer = {
  columns: [NAME, createdAt],
  row: o => [o.metadata.name, o.metadata.creationTimestamp ?? ''],
};

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

function subjects(o: KubeObject, kind: string): string {
  const list = ((o.subjects as Subject[] | undefined) ?? []).filter(s => s.kind === kind);
  return list.map(s => (kind === 'ServiceAccount' ? `${s.namespace ?? ''}/${s.name}` : s.name)).join(', ');
}

export const bindingPrinter: Printer = {
  columns: [NAME, col('Role'), AGE, col('Users', 'string', 1), col('Groups', 'string', 1), col('ServiceAccounts', 'string', 1)],
  row: (o, now) => {
    const ref = (o.roleRef ?? {}) as { kind?: string; name?: string };
    return [o.metadata.name, `${ref.kind}/${ref.name}`, age(o, now), subjects(o, 'User'), subjects(o, 'Group'), subjects(o, 'ServiceAccount')];
  },
};

interface IngressRule {
  host?: string;
}

export const ingressPrinter: Printer = {
  columns: [NAME, col('Class'), col('Hosts'), col('Address'), col('Ports'), AGE],
  row: (o, now) => {
    const rules = at<IngressRule[]>(o, 'spec', 'rules') ?? [];
    const hosts = rules.map(r => r.host).filter(Boolean);
    const lb = (at<Array<{ ip?: string; hostname?: string }>>(o, 'status', 'loadBalancer', 'ingress') ?? []).map(i => i.ip || i.hostname);
    const tls = (at<unknown[]>(o, 'spec', 'tls') ?? []).length > 0;
    return [
      o.metadata.name, at<string>(o, 'spec', 'ingressClassName') || NONE, hosts.length ? hosts.join(',') : '*',
      lb.join(','), tls ? '80, 443' : '80', age(o, now),
    ];
  },
};

export const networkPolicyPrinter: Printer = {
  columns: [NAME, col('Pod-Selector'), AGE],
  row: (o, now) => {
    const selector = formatSelector(at(o, 'spec', 'podSelector'));
    return [o.metadata.name, selector === NONE ? '' : selector, age(o, now)];
  },
};

export const storageClassPrinter: Printer = {
  columns: [NAME, col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'), col('AllowVolumeExpansion', 'boolean'), AGE],
  row: (o, now) => {
    const isDefault = ['true', 'True'].includes(o.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] ?? '');
    return [
      isDefault ? `${o.metadata.name} (default)` : o.metadata.name, (o.provisioner as string | undefined) ?? '',
      (o.reclaimPolicy as string | undefined) ?? 'Delete', (o.volumeBindingMode as string | undefined) ?? 'Immediate',
      Boolean(o.allowVolumeExpansion), age(o, now),
    ];
  },
};

export const leasePrinter: Printer = {
  columns: [NAME, col('Holder'), AGE],
  row: (o, now) => [o.metadata.name, at<string>(o, 'spec', 'holderIdentity') ?? '', age(o, now)],
};

export const pdbPrinter: Printer = {
  columns: [NAME, col('Min Available'), col('Max Unavailable'), col('Allowed Disruptions', 'integer'), AGE],
  row: (o, now) => [
    o.metadata.name, String(at(o, 'spec', 'minAvailable') ?? 'N/A'), String(at(o, 'spec', 'maxUnavailable') ?? 'N/A'),
    num(at(o, 'status', 'disruptionsAllowed')), age(o, now),
  ],
};

export const endpointSlicePrinter: Printer = {
  columns: [NAME, col('AddressType'), col('Ports'), col('Endpoints'), AGE],
  row: (o, now) => {
    const ports = ((o.ports as Array<{ port?: number }> | undefined) ?? []).map(p => String(p.port ?? ''));
    const addresses = ((o.endpoints as Array<{ addresses?: string[] }> | undefined) ?? []).flatMap(e => e.addresses ?? []);
    const shown = addresses.length ? addresses.slice(0, 3).join(',') + (addresses.length > 3 ? ` + ${addresses.length - 3} more...` : '') : '<unset>';
    return [o.metadata.name, (o.addressType as string | undefined) ?? '', ports.length ? ports.join(',') : '<unset>', shown, age(o, now)];
  },
};

export const controllerRevisionPrinter: Printer = {
  columns: [NAME, col('Controller'), col('Revision', 'integer'), AGE],
  row: (o, now) => {
    const owner = o.metadata.ownerReferences?.find(r => r.controller);
    const group = owner?.apiVersion.includes('/') ? `.${owner.apiVersion.split('/')[0]}` : '';
    return [o.metadata.name, owner ? `${owner.kind.toLowerCase()}${group}/${owner.name}` : NONE, num(o.revision), age(o, now)];
  },
};

function quotaUsage(o: KubeObject, limits: boolean): string {
  const hard = at<Record<string, string>>(o, 'status', 'hard') ?? at<Record<string, string>>(o, 'spec', 'hard') ?? {};
  const used = at<Record<string, string>>(o, 'status', 'used') ?? {};
  return Object.keys(hard)
    .filter(k => k.startsWith('limits.') === limits)
    .sort()
    .map(k => `${k}: ${used[k] ?? '0'}/${hard[k]}`)
    .join(', ');
}

export const resourceQuotaPrinter: Printer = {
  columns: [NAME, AGE, col('Request'), col('Limit')],
  row: (o, now) => [o.metadata.name, age(o, now), quotaUsage(o, false), quotaUsage(o, true)],
};

export const ingressClassPrinter: Printer = {
  columns: [NAME, col('Controller'), col('Parameters'), AGE],
  row: (o, now) => {
    const params = at<{ apiGroup?: string; kind?: string; name?: string }>(o, 'spec', 'parameters');
    const parameters = params ? `${params.apiGroup ? `${params.apiGroup}/` : ''}${params.kind}/${params.name}` : NONE;
    return [o.metadata.name, at<string>(o, 'spec', 'controller') ?? '', parameters, age(o, now)];
  },
};

export const podTemplatePrinter: Printer = {
  columns: [col('Template'), col('Containers'), col('Images'), col('Pod Labels')],
  row: o => {
    const containers = at<Array<{ name: string; image?: string }>>(o, 'template', 'spec', 'containers') ?? [];
    return [o.metadata.name, containers.map(c => c.name).join(','), containers.map(c => c.image ?? '').join(','), formatLabels(at(o, 'template', 'metadata', 'labels'))];
  },
};

import { createHash } from 'node:crypto';
import type { KubeObject } from '../store/types';
import { Annotations } from '../sim/annotations';
import { parseQuantity } from '../sim/quantity';
import { nodeConditions } from '../sim/kubelet/heartbeat';
import { nowIso } from '../sim/resources';

export interface NodeSpec {
  name: string;
  cpu?: string | number;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: Array<{ key: string; value?: string; effect: string }>;
  /** false: NotReady from the start. */
  ready?: boolean;
  /** Seconds after start-up at which the node goes NotReady. */
  notReadyAfter?: number;
  role?: string;
}

const id = (name: string, salt: string) =>
  createHash('sha1').update(salt + name).digest('hex').slice(0, 32);

function uuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Builds a Node as a kubelet registers it: capacity, allocatable, addresses, nodeInfo. */
export function buildNode(spec: NodeSpec, index: number, version: string): KubeObject {
  const cpu = String(spec.cpu ?? '4');
  const memoryBytes = parseQuantity(spec.memory ?? '16Gi');
  const memory = `${Math.round(memoryBytes / 1024)}Ki`;
  const allocatableMemory = `${Math.round((memoryBytes - 2 ** 28) / 1024)}Ki`;
  const pods = String(spec.pods ?? 110);
  const ip = `10.0.${Math.floor(index / 250)}.${(index % 250) + 2}`;
  const annotations: Record<string, string> = {
    'node.alpha.kubernetes.io/ttl': '0',
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  };
  if (spec.ready === false) annotations[Annotations.ready] = 'false';
  if (spec.notReadyAfter !== undefined) annotations[Annotations.notReadyAfter] = String(spec.notReadyAfter);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': spec.name,
        'kubernetes.io/os': 'linux',
        ...(spec.role ? { [`node-role.kubernetes.io/${spec.role}`]: '' } : {}),
        ...spec.labels,
      },
      annotations,
    },
    spec: {
      podCIDR: `10.244.${index % 256}.0/24`,
      podCIDRs: [`10.244.${index % 256}.0/24`],
      ...(spec.taints?.length ? { taints: spec.taints } : {}),
    },
    status: {
      capacity: { cpu, 'ephemeral-storage': '102350Mi', memory, pods },
      allocatable: { cpu, 'ephemeral-storage': '96143Mi', memory: allocatableMemory, pods },
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: spec.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: id(spec.name, 'machine'),
        systemUUID: uuid(id(spec.name, 'system')),
        bootID: uuid(id(spec.name, 'boot')),
        kernelVersion: '6.1.0-27-amd64',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://1.7.22',
        kubeletVersion: version,
        kubeProxyVersion: version,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      conditions: spec.ready === false ? [] : nodeConditions(true, nowIso()),
    },
  };
}

/** The InternalIP of a node, used as the pods' hostIP. */
export function nodeIp(node: KubeObject): string {
  const addresses = ((node.status as { addresses?: Array<{ type: string; address: string }> })?.addresses) ?? [];
  return addresses.find(a => a.type === 'InternalIP')?.address ?? '10.0.0.2';
}

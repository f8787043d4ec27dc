import {
  ClusterDiagnosis,
  ClusterInfo,
  KubeObject,
} from '@kubedeck/plugin-clusters-common';
import { ClustersApi } from '../api';

export function cluster(overrides: Partial<ClusterInfo> = {}): ClusterInfo {
  return {
    name: 'demo',
    title: 'Demo cluster (kube-sim)',
    connectionType: 'demo',
    status: { reachable: true, checkedAt: '2026-11-26T12:00:00Z' },
    version: 'v1.32.0',
    nodeCount: 3,
    podCount: 24,
    capabilities: { metrics: true, crds: true },
    ...overrides,
  };
}

export function pod(
  name: string,
  status: any,
  namespace = 'team-a',
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      uid: `uid-${name}`,
      creationTimestamp: '2026-11-26T11:00:00Z',
      labels: { app: name.split('-')[0] },
    },
    spec: { nodeName: 'node-1', containers: [{ name: 'main' }] },
    status,
  };
}

export const runningStatus = {
  phase: 'Running',
  conditions: [{ type: 'Ready', status: 'True' }],
  containerStatuses: [
    { name: 'main', ready: true, restartCount: 0, state: { running: {} } },
  ],
};

export const crashLoopStatus = {
  phase: 'Running',
  conditions: [{ type: 'Ready', status: 'False' }],
  containerStatuses: [
    {
      name: 'main',
      ready: false,
      restartCount: 7,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { reason: 'Error', exitCode: 1 } },
    },
  ],
};

export function diagnosis(
  overrides: Partial<ClusterDiagnosis> = {},
): ClusterDiagnosis {
  return {
    id: 'd1',
    cluster: 'demo',
    namespace: 'team-a',
    kind: 'Pod',
    name: 'worker-7d9f',
    type: 'CrashLoopBackOff',
    severity: 'critical',
    title: 'Container main keeps crashing (exit code 1)',
    evidence: [
      'Back-off restarting failed container main (x7)',
      'panic: cannot connect to database',
    ],
    fix: 'Check the DATABASE_URL setting; the container exits when it cannot connect.',
    firstSeen: '2026-11-26T11:00:00Z',
    lastSeen: '2026-11-26T12:00:00Z',
    ...overrides,
  };
}

/** A ClustersApi whose every method is a jest mock with a harmless default. */
export function fakeClustersApi(
  overrides: Partial<ClustersApi> = {},
): jest.Mocked<ClustersApi> {
  const api: ClustersApi = {
    listClusters: async () => [cluster()],
    getCluster: async () => cluster(),
    listResourceTypes: async () => [],
    listObjects: async () => ({ kind: 'List', items: [] }),
    getObject: async () => ({ metadata: { name: 'x' } }),
    getObjectYaml: async () => 'kind: Pod\n',
    listObjectEvents: async () => [],
    watch: () => () => {},
    getPodDetails: async () => {
      throw new Error('not faked');
    },
    getPodMetrics: async () => ({ available: false, reason: 'not faked' }),
    getNodeMetrics: async () => ({ available: false, reason: 'not faked' }),
    streamLogs: () => () => {},
    deleteObject: async () => {},
    scaleObject: async () => {},
    restartObject: async () => {},
    listDiagnoses: async () => [],
    listHealth: async () => [],
    ...overrides,
  };
  for (const key of Object.keys(api) as (keyof ClustersApi)[]) {
    (api as any)[key] = jest.fn((api as any)[key]);
  }
  return api as jest.Mocked<ClustersApi>;
}

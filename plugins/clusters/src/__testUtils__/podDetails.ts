import { PodDetailsInfo } from '@kubedeck/plugin-clusters-common';

/** The details of a crashlooping pod owned by a Deployment. */
export function crashLoopPodDetails(): PodDetailsInfo {
  return {
    name: 'worker-7d9f',
    namespace: 'team-a',
    labels: { app: 'worker' },
    annotations: {},
    createdAt: '2026-11-26T11:00:00Z',
    phase: 'Running',
    node: 'node-1',
    podIP: '10.0.0.7',
    podIPs: ['10.0.0.7'],
    hostIP: '192.168.0.1',
    qosClass: 'Burstable',
    serviceAccount: 'default',
    conditions: [
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady' },
    ],
    volumes: [{ name: 'config', configMap: { name: 'worker-config' } }],
    ownerChain: [
      { kind: 'ReplicaSet', name: 'worker-7d9', apiVersion: 'apps/v1' },
      { kind: 'Deployment', name: 'worker', apiVersion: 'apps/v1' },
    ],
    containers: [
      {
        name: 'main',
        init: false,
        image: 'registry.example.com/worker:1.4',
        ready: false,
        restartCount: 7,
        state: 'waiting',
        reason: 'CrashLoopBackOff',
        lastTermination: { reason: 'Error', exitCode: 1 },
        ports: [],
        probes: {
          liveness: {
            httpGet: { path: '/healthz', port: 8080 },
            periodSeconds: 5,
          },
        },
        resources: { requests: { cpu: '100m' }, limits: { memory: '128Mi' } },
        env: [
          { name: 'LOG_LEVEL', value: 'info' },
          {
            name: 'DB_PASSWORD',
            value: '********',
            masked: true,
            source: { kind: 'secret', name: 'db', key: 'password' },
          },
        ],
        envFrom: [],
        volumeMounts: [{ name: 'config', mountPath: '/etc/worker' }],
      },
    ],
  };
}

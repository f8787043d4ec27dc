import { analyze } from '../DiagnosisService';
import { ClusterSnapshot } from '../types';
import { analyzers } from '.';

function snapshot(parts: Partial<ClusterSnapshot>): ClusterSnapshot {
  return {
    cluster: 'demo',
    pods: [],
    events: [],
    nodes: [],
    pvcs: [],
    jobs: [],
    deployments: [],
    services: [],
    hpas: [],
    previousLogs: new Map(),
    ...parts,
  };
}

function pod(
  name: string,
  status: any,
  spec: any = {},
  labels: Record<string, string> = {},
) {
  return {
    metadata: { name, namespace: 'shop', labels },
    spec: { containers: [{ name: 'app', image: 'shop/api:1.0', ...spec }] },
    status,
  };
}

describe('analyzers', () => {
  it('finds crashing, out-of-memory, unpullable and misconfigured containers with evidence and a fix', () => {
    const findings = analyze(
      snapshot({
        pods: [
          pod('crash', {
            phase: 'Running',
            containerStatuses: [
              {
                name: 'app',
                restartCount: 7,
                state: { waiting: { reason: 'CrashLoopBackOff' } },
                lastState: { terminated: { reason: 'Error', exitCode: 127 } },
              },
            ],
          }),
          pod(
            'oom',
            {
              phase: 'Running',
              containerStatuses: [
                {
                  name: 'app',
                  restartCount: 1,
                  state: { running: {} },
                  lastState: {
                    terminated: { reason: 'OOMKilled', exitCode: 137 },
                  },
                },
              ],
            },
            { resources: { limits: { memory: '64Mi' } } },
          ),
          pod('pull', {
            phase: 'Pending',
            containerStatuses: [
              {
                name: 'app',
                state: { waiting: { reason: 'ImagePullBackOff' } },
              },
            ],
          }),
          pod('config', {
            phase: 'Pending',
            containerStatuses: [
              {
                name: 'app',
                state: {
                  waiting: {
                    reason: 'CreateContainerConfigError',
                    message: 'secret "db" not found',
                  },
                },
              },
            ],
          }),
        ],
        previousLogs: new Map([['shop/crash/app', ['exec: not found']]]),
      }),
      analyzers,
    );
    const byName = Object.fromEntries(findings.map(f => [f.name, f]));
    expect(byName.crash.type).toBe('CrashLoopBackOff');
    expect(byName.crash.evidence.join('\n')).toContain(
      'exit code 127 (the command was not found in the image)',
    );
    expect(byName.crash.evidence.join('\n')).toContain('exec: not found');
    expect(byName.oom).toMatchObject({
      type: 'OOMKilled',
      severity: 'critical',
    });
    expect(byName.oom.fix).toContain('64Mi');
    expect(byName.pull.type).toBe('ImagePullBackOff');
    expect(byName.config.evidence[0]).toContain('secret "db" not found');
  });

  it('keeps a crash loop diagnosed while the container runs between back-offs, until its last crash is ten minutes old', () => {
    const between = (name: string, minutesAgo: number) =>
      pod(name, {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'app',
            restartCount: 5,
            state: { running: {} },
            lastState: {
              terminated: {
                reason: 'Error',
                exitCode: 1,
                finishedAt: new Date(
                  Date.now() - minutesAgo * 60_000,
                ).toISOString(),
              },
            },
          },
        ],
      });
    const findings = analyze(
      snapshot({ pods: [between('restarting', 1), between('recovered', 11)] }),
      analyzers,
    );
    expect(findings.map(f => [f.name, f.type])).toEqual([
      ['restarting', 'CrashLoopBackOff'],
    ]);
  });

  it('finds unschedulable pods, failing probes, NotReady nodes and pending claims', () => {
    const findings = analyze(
      snapshot({
        pods: [
          pod('pending', {
            phase: 'Pending',
            conditions: [
              {
                type: 'PodScheduled',
                status: 'False',
                reason: 'Unschedulable',
                message: '0/3 nodes are available: 3 Insufficient cpu.',
              },
            ],
          }),
          pod('unready', {
            phase: 'Running',
            containerStatuses: [
              { name: 'app', ready: false, state: { running: {} } },
            ],
          }),
        ],
        events: [
          {
            reason: 'Unhealthy',
            count: 12,
            message:
              'Readiness probe failed: HTTP probe failed with statuscode: 503',
            involvedObject: { kind: 'Pod', namespace: 'shop', name: 'unready' },
          },
        ],
        nodes: [
          {
            metadata: { name: 'node-3' },
            status: {
              conditions: [
                {
                  type: 'Ready',
                  status: 'Unknown',
                  reason: 'NodeStatusUnknown',
                  message: 'Kubelet stopped posting node status.',
                },
              ],
            },
          },
        ],
        pvcs: [
          {
            metadata: { name: 'data', namespace: 'shop' },
            spec: { storageClassName: 'fast' },
            status: { phase: 'Pending' },
          },
        ],
      }),
      analyzers,
    );
    expect(findings.map(f => `${f.type}:${f.name}`).sort()).toEqual([
      'NodeNotReady:node-3',
      'ProbeFailing:unready',
      'PvcPending:data',
      'Unschedulable:pending',
    ]);
    expect(
      findings.find(f => f.type === 'ProbeFailing')!.evidence[0],
    ).toContain('(x12)');
  });

  it('finds failed jobs, deployments short of replicas, services without pods and blind autoscalers', () => {
    const findings = analyze(
      snapshot({
        pods: [pod('web-1', { phase: 'Running' }, {}, { app: 'web' })],
        jobs: [
          {
            metadata: { name: 'migrate', namespace: 'shop' },
            status: {
              failed: 4,
              conditions: [
                {
                  type: 'Failed',
                  status: 'True',
                  reason: 'BackoffLimitExceeded',
                },
              ],
            },
          },
        ],
        deployments: [
          {
            metadata: { name: 'api', namespace: 'shop' },
            spec: { replicas: 3 },
            status: {
              availableReplicas: 1,
              conditions: [
                {
                  type: 'Available',
                  status: 'False',
                  message: 'Deployment does not have minimum availability.',
                },
              ],
            },
          },
        ],
        services: [
          {
            metadata: { name: 'web', namespace: 'shop' },
            spec: { selector: { app: 'web' } },
          },
          {
            metadata: { name: 'api', namespace: 'shop' },
            spec: { selector: { app: 'api' } },
          },
        ],
        hpas: [
          {
            metadata: { name: 'api', namespace: 'shop' },
            status: {
              conditions: [
                {
                  type: 'ScalingActive',
                  status: 'False',
                  reason: 'FailedGetResourceMetric',
                },
              ],
            },
          },
        ],
      }),
      analyzers,
    );
    expect(findings.map(f => `${f.type}:${f.name}`).sort()).toEqual([
      'DeploymentUnavailable:api',
      'HpaMetricsUnavailable:api',
      'JobFailed:migrate',
      'ServiceWithoutPods:api',
    ]);
    // Titles stand alone in a toast, a chat message or an email: they name the object.
    expect(findings.map(f => f.title).sort()).toEqual([
      'Autoscaler api cannot read its metrics',
      'Deployment api is short of replicas',
      'Job migrate failed',
      'Service api selects no pods',
    ]);
  });

  it('reports nothing for a healthy cluster', () => {
    const healthy = pod('ok', {
      phase: 'Running',
      containerStatuses: [
        { name: 'app', ready: true, restartCount: 0, state: { running: {} } },
      ],
    });
    expect(analyze(snapshot({ pods: [healthy] }), analyzers)).toEqual([]);
  });
});

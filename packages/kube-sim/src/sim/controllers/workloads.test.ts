import { R } from '../resources';
import { containerStatus, eventsFor, eventually, node, simulate } from '../testing';

const template = (labels: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  metadata: { labels },
  spec: { containers: [{ name: 'app', image: 'app:1', ports: [{ containerPort: 8080, name: 'http' }] }], ...extra },
});

describe('StatefulSet controller', () => {
  it('creates ordinal pods in order with claims from volumeClaimTemplates', async () => {
    const { store, sim } = await simulate({
      nodes: [node('a')],
      namespaces: ['db'],
      objects: [
        { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'example.com/disk', reclaimPolicy: 'Delete' },
        {
          apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'pg', namespace: 'db' },
          spec: {
            replicas: 3, serviceName: 'pg', selector: { matchLabels: { app: 'pg' } }, template: template({ app: 'pg' }),
            volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
          },
        },
      ],
    });
    await eventually('3 ready replicas', () => (store.get(R.statefulsets, 'db', 'pg')?.status as { readyReplicas?: number })?.readyReplicas === 3);
    const pods = store.list(R.pods, { namespace: 'db' }).items.map(p => p.metadata.name).sort();
    expect(pods).toEqual(['pg-0', 'pg-1', 'pg-2']);
    const pod = store.get(R.pods, 'db', 'pg-1')!;
    expect(pod.spec).toMatchObject({ hostname: 'pg-1', subdomain: 'pg', volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-pg-1' } }] });
    expect(pod.metadata.labels).toMatchObject({ 'statefulset.kubernetes.io/pod-name': 'pg-1', 'apps.kubernetes.io/pod-index': '1' });
    const claims = store.list(R.pvcs, { namespace: 'db' }).items;
    expect(claims.map(c => `${c.metadata.name}=${(c.status as { phase: string }).phase}`).sort()).toEqual(['data-pg-0=Bound', 'data-pg-1=Bound', 'data-pg-2=Bound']);
    const [revision] = store.list({ group: 'apps', version: 'v1', resource: 'controllerrevisions' }, { namespace: 'db' }).items;
    expect(revision).toMatchObject({ revision: 1, metadata: { ownerReferences: [{ kind: 'StatefulSet', name: 'pg' }] } });
    expect(pod.metadata.labels?.['controller-revision-hash']).toBe(revision.metadata.name);
    await sim.stop();
  });
});

describe('DaemonSet controller', () => {
  it('runs one pod per node it tolerates and matches', async () => {
    const { store, sim } = await simulate({
      nodes: [node('a'), node('b', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }), node('c', { labels: { exclude: 'yes' } })],
      namespaces: ['ops'],
      objects: [{
        apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'ops' },
        spec: { selector: { matchLabels: { app: 'agent' } }, template: template({ app: 'agent' }, { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'exclude', operator: 'DoesNotExist' }] }] } } } }) },
      }],
    });
    await eventually('ready on a', () => (store.get(R.daemonsets, 'ops', 'agent')?.status as { numberReady?: number })?.numberReady === 1);
    const pods = store.list(R.pods, { namespace: 'ops' }).items;
    expect(pods.map(p => (p.spec as { nodeName: string }).nodeName)).toEqual(['a']);
    expect(store.get(R.daemonsets, 'ops', 'agent')?.status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberAvailable: 1 });
    await sim.stop();
  });
});

describe('Job controller', () => {
  it('runs completions with parallelism and reports Complete', async () => {
    const { store, sim } = await simulate({
      nodes: [node('a')],
      namespaces: ['batch'],
      objects: [{ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'etl', namespace: 'batch' }, spec: { completions: 3, parallelism: 2, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'etl', image: 'etl:1' }] } } } }],
    });
    const status = await eventually('Complete', () => {
      const s = store.get(R.jobs, 'batch', 'etl')?.status as { succeeded?: number; conditions?: Array<{ type: string; status: string }> };
      return s?.conditions?.some(c => c.type === 'Complete' && c.status === 'True') ? s : undefined;
    });
    expect(status).toMatchObject({ succeeded: 3, completionTime: expect.any(String), startTime: expect.any(String) });
    expect(store.get(R.jobs, 'batch', 'etl')?.spec).toMatchObject({ selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': expect.any(String) } } });
    expect(store.list(R.pods, { namespace: 'batch', labelSelector: 'job-name=etl' }).items).toHaveLength(3);
    await sim.stop();
  });

  it('gives up after backoffLimit with BackoffLimitExceeded', async () => {
    const { store, sim } = await simulate({
      nodes: [node('a')],
      namespaces: ['batch'],
      objects: [{ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'flaky', namespace: 'batch' }, spec: { backoffLimit: 1, template: { metadata: { annotations: { 'kube-sim.kubedeck.io/behavior': 'fail' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'x', image: 'x:1' }] } } } }],
    });
    const failed = await eventually('Failed', () => (store.get(R.jobs, 'batch', 'flaky')?.status as { conditions?: Array<{ type: string; reason: string }> })?.conditions?.find(c => c.type === 'Failed'));
    expect(failed.reason).toBe('BackoffLimitExceeded');
    expect(store.get(R.jobs, 'batch', 'flaky')?.status).toMatchObject({ failed: 2 });
    expect(eventsFor(store, 'flaky').map(e => e.reason)).toContain('BackoffLimitExceeded');
    await sim.stop();
  });
});

describe('CronJob controller', () => {
  it('creates a Job for a due schedule and keeps lastScheduleTime', async () => {
    const { store, sim } = await simulate({
      nodes: [node('a')],
      namespaces: ['batch'],
      objects: [{ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'tick', namespace: 'batch' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'tick', image: 'tick:1' }] } } } } } }],
    });
    // Pretend the CronJob has existed for two minutes: its next run is due now.
    const cronJob = store.get(R.cronjobs, 'batch', 'tick')!;
    store.update(R.cronjobs, { ...cronJob, status: { lastScheduleTime: new Date(Date.now() - 120_000).toISOString().replace(/\.\d+Z/, 'Z') } }, { subresource: 'status' });
    const job = await eventually('job created', () => store.list(R.jobs, { namespace: 'batch' }).items[0]);
    expect(job.metadata.name).toMatch(/^tick-\d{8}$/);
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'tick', controller: true });
    await eventually('lastScheduleTime advanced', () => Date.parse((store.get(R.cronjobs, 'batch', 'tick')?.status as { lastScheduleTime: string }).lastScheduleTime) > Date.now() - 61_000);
    await sim.stop();
  });
});

describe('Endpoints controller', () => {
  it('lists ready and unready pods of a Service in Endpoints and an EndpointSlice', async () => {
    const pod = (name: string, behavior?: string) => ({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name, namespace: 'web', labels: { app: 'shop' }, ...(behavior ? { annotations: { 'kube-sim.kubedeck.io/behavior': behavior } } : {}) },
      spec: template({}).spec,
    });
    const { store, sim } = await simulate({
      nodes: [node('a')],
      namespaces: ['web'],
      objects: [
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'shop', namespace: 'web' }, spec: { selector: { app: 'shop' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
        pod('ok'),
        pod('sick', 'readiness-fail'),
      ],
    });
    await eventually('ok ready', () => containerStatus(store.get(R.pods, 'web', 'ok'))?.ready);
    const endpoints = await eventually('endpoints', () => {
      const e = store.get(R.endpoints, 'web', 'shop') as { subsets?: Array<{ addresses?: unknown[]; notReadyAddresses?: unknown[] }> } | undefined;
      return e?.subsets?.[0]?.addresses?.length === 1 && e.subsets[0].notReadyAddresses?.length === 1 ? e : undefined;
    });
    expect(endpoints.subsets?.[0]).toMatchObject({ ports: [{ name: 'http', port: 8080, protocol: 'TCP' }], addresses: [{ targetRef: { kind: 'Pod', name: 'ok' } }] });
    const [slice] = store.list(R.endpointslices, { namespace: 'web', labelSelector: 'kubernetes.io/service-name=shop' }).items;
    expect(slice).toMatchObject({ addressType: 'IPv4', ports: [{ name: 'http', port: 8080 }] });
    expect((slice.endpoints as Array<{ conditions: { ready: boolean } }>).map(e => e.conditions.ready).sort()).toEqual([false, true]);
    expect((store.get(R.services, 'web', 'shop')?.spec as { clusterIP: string }).clusterIP).toMatch(/^10\.96\./);
    await sim.stop();
  });
});

describe('PersistentVolume controller', () => {
  it('binds to a fitting volume, provisions dynamically, and leaves unknown classes Pending', async () => {
    const claim = (name: string, storageClassName?: string) => ({
      apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } }, ...(storageClassName !== undefined ? { storageClassName } : {}) },
    });
    const { store, sim } = await simulate({
      nodes: [node('a')],
      namespaces: ['data'],
      objects: [
        { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard' }, provisioner: 'example.com/disk', reclaimPolicy: 'Delete' },
        { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'manual-pv' }, spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: 'manual', hostPath: { path: '/data' } }, status: { phase: 'Available' } },
        claim('static', 'manual'),
        claim('dynamic', 'standard'),
        claim('nowhere', 'fast-ssd'),
      ],
    });
    const phase = (name: string) => (store.get(R.pvcs, 'data', name)?.status as { phase?: string })?.phase;
    await eventually('static bound', () => phase('static') === 'Bound' && phase('dynamic') === 'Bound');
    expect((store.get(R.pvcs, 'data', 'static')?.spec as { volumeName: string }).volumeName).toBe('manual-pv');
    const dynamicVolume = (store.get(R.pvcs, 'data', 'dynamic')?.spec as { volumeName: string }).volumeName;
    expect(store.get(R.pvs, undefined, dynamicVolume)).toMatchObject({ spec: { storageClassName: 'standard', capacity: { storage: '5Gi' } }, status: { phase: 'Bound' } });
    expect(eventsFor(store, 'dynamic').map(e => e.reason)).toEqual(expect.arrayContaining(['Provisioning', 'ProvisioningSucceeded']));
    const failure = await eventually('ProvisioningFailed', () => eventsFor(store, 'nowhere').find(e => e.reason === 'ProvisioningFailed'));
    expect(failure.message).toBe('storageclass.storage.k8s.io "fast-ssd" not found');
    expect(phase('nowhere')).toBe('Pending');
    await sim.stop();
  });
});

describe('LoadBalancer and Ingress addresses', () => {
  it('gives LoadBalancer Services and Ingresses an external address', async () => {
    const ingressKey = { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses' };
    const { store, sim } = await simulate({
      nodes: [node('a')],
      namespaces: ['web'],
      objects: [
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'public', namespace: 'web' }, spec: { type: 'LoadBalancer', selector: { app: 'x' }, ports: [{ port: 443 }] } },
        { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'site', namespace: 'web' }, spec: { ingressClassName: 'nginx', rules: [{ host: 'example.com' }] } },
      ],
    });
    const lb = await eventually('LB address', () => (store.get(R.services, 'web', 'public')?.status as { loadBalancer?: { ingress?: Array<{ ip: string }> } })?.loadBalancer?.ingress?.[0]);
    expect(lb.ip).toMatch(/^172\.18\.255\.\d+$/);
    const ingress = await eventually('ingress address', () => (store.get(ingressKey, 'web', 'site')?.status as { loadBalancer?: { ingress?: Array<{ ip: string }> } })?.loadBalancer?.ingress?.[0]);
    expect(ingress.ip).toBe('172.18.255.200');
    await sim.stop();
  });
});

describe('HorizontalPodAutoscaler controller', () => {
  it('scales a Deployment from the simulated CPU load and reports current metrics', async () => {
    const hpaKey = { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers' };
    const { store, sim } = await simulate({
      nodes: [node('a', { cpu: 16 })],
      namespaces: ['shop'],
      objects: [
        {
          apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'shop' },
          spec: {
            replicas: 2, selector: { matchLabels: { app: 'api' } },
            template: { metadata: { labels: { app: 'api' }, annotations: { 'kube-sim.kubedeck.io/load': '0.5' } }, spec: { containers: [{ name: 'api', image: 'api:1', resources: { requests: { cpu: '200m' } } }] } },
          },
        },
        {
          apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'api', namespace: 'shop' },
          spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, minReplicas: 2, maxReplicas: 4, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 20 } } }] },
        },
      ],
    }, 0.01);
    const status = await eventually('scaled to max', () => {
      const s = store.get(hpaKey, 'shop', 'api')?.status as { desiredReplicas?: number; currentMetrics?: Array<{ resource: { current: { averageUtilization?: number } } }>; conditions?: Array<{ type: string; status: string; reason: string }> } | undefined;
      return s?.desiredReplicas === 4 ? s : undefined;
    }, 8000);
    expect(status.currentMetrics?.[0].resource.current.averageUtilization).toBeGreaterThanOrEqual(35);
    expect(status.conditions?.find(c => c.type === 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'TooManyReplicas' });
    expect((store.get(R.deployments, 'shop', 'api')?.spec as { replicas: number }).replicas).toBe(4);
    expect(eventsFor(store, 'api').find(e => e.reason === 'SuccessfulRescale')?.message).toBe('New size: 4; reason: cpu resource utilization (percentage of request) above target');
    await sim.stop();
  });
});

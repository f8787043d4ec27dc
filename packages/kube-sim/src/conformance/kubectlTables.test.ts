import type { KubeObject, ResourceKey } from '../store/types';
import { headerOf, rowOf, startCluster, type Cluster } from './harness';

jest.setTimeout(120_000);

const template = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'main', image: 'img:1' }] } };
const selector = { matchLabels: { app: 'x' } };

/** One object per kind, with the `kubectl get -o wide` header a real API server's Table gives. */
const KINDS: Array<[string, ResourceKey, Omit<KubeObject, 'metadata'> & { metadata?: Partial<KubeObject['metadata']> }, string[]]> = [
  ['statefulsets', { group: 'apps', version: 'v1', resource: 'statefulsets' }, { apiVersion: 'apps/v1', kind: 'StatefulSet', spec: { replicas: 2, selector, template }, status: { readyReplicas: 1 } },
    ['NAME', 'READY', 'AGE', 'CONTAINERS', 'IMAGES']],
  ['daemonsets', { group: 'apps', version: 'v1', resource: 'daemonsets' }, { apiVersion: 'apps/v1', kind: 'DaemonSet', spec: { selector, template }, status: { desiredNumberScheduled: 2 } },
    ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']],
  ['replicasets', { group: 'apps', version: 'v1', resource: 'replicasets' }, { apiVersion: 'apps/v1', kind: 'ReplicaSet', spec: { replicas: 1, selector, template } },
    ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']],
  ['jobs', { group: 'batch', version: 'v1', resource: 'jobs' }, { apiVersion: 'batch/v1', kind: 'Job', spec: { completions: 1, template }, status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] } },
    ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']],
  ['cronjobs', { group: 'batch', version: 'v1', resource: 'cronjobs' }, { apiVersion: 'batch/v1', kind: 'CronJob', spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template } } } },
    ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']],
  ['persistentvolumeclaims', { group: '', version: 'v1', resource: 'persistentvolumeclaims' }, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', spec: { storageClassName: 'standard' }, status: { phase: 'Pending' } },
    ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE', 'VOLUMEMODE']],
  ['horizontalpodautoscalers', { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers' }, { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 3 } },
    ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE']],
  ['ingresses', { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses' }, { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', spec: { rules: [{ host: 'a.example.com' }] } },
    ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE']],
  ['resourcequotas', { group: '', version: 'v1', resource: 'resourcequotas' }, { apiVersion: 'v1', kind: 'ResourceQuota', spec: { hard: { pods: '10' } }, status: { hard: { pods: '10' }, used: { pods: '2' } } },
    ['NAME', 'AGE', 'REQUEST', 'LIMIT']],
  ['secrets', { group: '', version: 'v1', resource: 'secrets' }, { apiVersion: 'v1', kind: 'Secret', type: 'Opaque', data: { a: 'YQ==' } },
    ['NAME', 'TYPE', 'DATA', 'AGE']],
  ['rolebindings', { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings' }, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }] },
    ['NAME', 'ROLE', 'AGE', 'USERS', 'GROUPS', 'SERVICEACCOUNTS']],
];

describe('kubectl get -o wide columns against kube-sim', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster();
    for (const [, key, object] of KINDS) {
      cluster.sim.store.create(key, { ...object, metadata: { name: 'x', namespace: 'team-a', ...object.metadata } } as KubeObject);
    }
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it.each(KINDS.map(([resource, , , header]) => [resource, header] as const))('prints the real columns for %s', async (resource, header) => {
    const out = await cluster.kubectl(['get', resource, '-n', 'team-a', '-o', 'wide']);
    expect(out.stderr).toBe('');
    expect(out.stdout.split('\n')[0].trim().split(/\s{2,}/)).toEqual(header);
    expect(rowOf(out.stdout, 'x')?.[0]).toBe('x');
  });

  it('fills cells the way kubectl users know them', async () => {
    const row = async (resource: string) => rowOf((await cluster.kubectl(['get', resource, 'x', '-n', 'team-a'])).stdout, 'x');
    expect((await row('statefulsets'))?.[1]).toBe('1/2');
    expect((await row('jobs'))?.slice(1, 3)).toEqual(['Complete', '1/1']);
    expect((await row('cronjobs'))?.slice(1, 6)).toEqual(['*/5 * * * *', '<none>', 'False', '0', '<none>']);
    expect((await row('resourcequotas'))?.slice(2)).toEqual(['pods: 2/10']);
    expect((await row('horizontalpodautoscalers'))?.slice(1, 5)).toEqual(['Deployment/web', '<none>', '1', '3']);
    expect(headerOf((await cluster.kubectl(['get', 'ingresses', '-n', 'team-a'])).stdout)).toEqual(['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE']);
  });
});

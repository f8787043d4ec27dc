import type { KubeObject } from '../../store/types';
import { cloneJson } from '../../store/objects';
import { R } from '../resources';
import { deployment, eventually, node, simulate } from '../testing';

type Status = { replicas?: number; updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number; observedGeneration?: number; conditions?: Array<{ type: string; status: string; reason: string }> };

const statusOf = (d?: KubeObject) => (d?.status ?? {}) as Status;
const rolledOut = (d: KubeObject | undefined, replicas: number) => {
  const s = statusOf(d);
  return s.observedGeneration === d?.metadata.generation && s.updatedReplicas === replicas && s.availableReplicas === replicas && s.replicas === replicas &&
    s.conditions?.some(c => c.type === 'Progressing' && c.reason === 'NewReplicaSetAvailable');
};
const revision = (rs: KubeObject) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'];

async function start() {
  const app = deployment('web', 'apps', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }, { replicas: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } });
  const env = await simulate({ nodes: [node('a'), node('b')], namespaces: ['apps'], objects: [app] });
  const get = () => env.store.get(R.deployments, 'apps', 'web');
  await eventually('initial rollout', () => rolledOut(get(), 3));
  return { ...env, get };
}

function update(store: Awaited<ReturnType<typeof start>>['store'], object: KubeObject, change: (copy: KubeObject) => void) {
  const copy = cloneJson(object);
  change(copy);
  store.update(R.deployments, copy);
}

describe('Deployment controller', () => {
  it('creates a ReplicaSet with pod-template-hash and revision, and reports status kubectl reads', async () => {
    const { store, sim, get } = await start();
    const [rs] = store.list(R.replicasets, { namespace: 'apps' }).items;
    const hash = rs.metadata.labels?.['pod-template-hash'];
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(revision(rs)).toBe('1');
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web', controller: true });
    const pods = store.list(R.pods, { namespace: 'apps' }).items;
    expect(pods).toHaveLength(3);
    expect(pods.every(p => p.metadata.name.startsWith(`web-${hash}-`) && p.metadata.ownerReferences?.[0].kind === 'ReplicaSet')).toBe(true);
    expect(statusOf(get()).conditions?.map(c => `${c.type}/${c.reason}`)).toEqual(['Available/MinimumReplicasAvailable', 'Progressing/NewReplicaSetAvailable']);
    expect(get()?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    await sim.stop();
  });

  it('rolls out a restart as a new ReplicaSet and keeps the old one for undo', async () => {
    const { store, sim, get } = await start();
    update(store, get()!, d => {
      const template = (d.spec as { template: { metadata: { annotations?: Record<string, string> } } }).template;
      template.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': '2026-11-26T12:00:00Z' };
    });
    await eventually('restart rollout', () => rolledOut(get(), 3) && store.list(R.replicasets, { namespace: 'apps' }).items.length === 2);
    const sets = store.list(R.replicasets, { namespace: 'apps' }).items.sort((a, b) => Number(revision(a)) - Number(revision(b)));
    expect(sets.map(revision)).toEqual(['1', '2']);
    expect(sets.map(rs => (rs.spec as { replicas: number }).replicas)).toEqual([0, 3]);
    await eventually('old pods gone', () => store.list(R.pods, { namespace: 'apps' }).items.length === 3);

    // kubectl rollout undo: the previous ReplicaSet's template goes back into the Deployment.
    const previous = cloneJson((sets[0].spec as { template: { metadata: { labels: Record<string, string> } } }).template);
    delete previous.metadata.labels['pod-template-hash'];
    update(store, get()!, d => Object.assign(d.spec as object, { template: previous }));
    await eventually('undo rollout', () => rolledOut(get(), 3) && (store.get(R.replicasets, 'apps', sets[0].metadata.name)?.spec as { replicas: number }).replicas === 3);
    expect(revision(store.get(R.replicasets, 'apps', sets[0].metadata.name)!)).toBe('3');
    expect(get()?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    await sim.stop();
  });

  it('scales up and down, deleting surplus pods', async () => {
    const { store, sim, get } = await start();
    update(store, get()!, d => Object.assign(d.spec as object, { replicas: 5 }));
    await eventually('scaled to 5', () => rolledOut(get(), 5));
    update(store, get()!, d => Object.assign(d.spec as object, { replicas: 1 }));
    await eventually('scaled to 1', () => rolledOut(get(), 1) && store.list(R.pods, { namespace: 'apps' }).items.length === 1);
    expect(store.list(R.replicasets, { namespace: 'apps' }).items.map(rs => (rs.spec as { replicas: number }).replicas)).toEqual([1]);
    await sim.stop();
  });

  it('holds template changes while paused and rolls them out on resume', async () => {
    const { store, sim, get } = await start();
    update(store, get()!, d => Object.assign(d.spec as object, { paused: true }));
    update(store, get()!, d => {
      (d.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0].image = 'nginx:1.28';
    });
    await eventually('paused condition', () => statusOf(get()).conditions?.some(c => c.reason === 'DeploymentPaused'));
    expect(store.list(R.replicasets, { namespace: 'apps' }).items).toHaveLength(1);
    update(store, get()!, d => Object.assign(d.spec as object, { paused: false }));
    await eventually('resumed rollout', () => rolledOut(get(), 3) && store.list(R.replicasets, { namespace: 'apps' }).items.length === 2);
    await sim.stop();
  });

  it('reports a stuck rollout as ProgressDeadlineExceeded', async () => {
    const crashing = deployment('bad', 'apps', { containers: [{ name: 'app', image: 'app-crashloop:1' }] }, { progressDeadlineSeconds: 5 });
    const { store, sim } = await simulate({ nodes: [node('a')], namespaces: ['apps'], objects: [crashing] });
    const condition = await eventually('deadline', () => statusOf(store.get(R.deployments, 'apps', 'bad')).conditions?.find(c => c.type === 'Progressing' && c.status === 'False'));
    expect(condition.reason).toBe('ProgressDeadlineExceeded');
    expect(statusOf(store.get(R.deployments, 'apps', 'bad')).conditions?.find(c => c.type === 'Available')?.reason).toBe('MinimumReplicasUnavailable');
    await sim.stop();
  });
});

import { R } from './resources';
import { barePod, eventsFor, eventually, node, simulate } from './testing';

const small = { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '500m', memory: '256Mi' } } }] };

describe('Scheduler', () => {
  it('binds a pod to a fitting node and records Scheduled', async () => {
    const { store, sim } = await simulate({
      nodes: [node('a'), node('b')],
      namespaces: ['apps'],
      objects: [barePod('web', 'apps', small)],
    });
    const pod = await eventually('binding', () => {
      const p = store.get(R.pods, 'apps', 'web');
      return (p?.spec as { nodeName?: string })?.nodeName ? p : undefined;
    });
    const nodeName = (pod.spec as { nodeName: string }).nodeName;
    expect(['a', 'b']).toContain(nodeName);
    await eventually('Scheduled event', () => eventsFor(store, 'web').find(e => e.reason === 'Scheduled'));
    expect(eventsFor(store, 'web').find(e => e.reason === 'Scheduled')?.message).toBe(`Successfully assigned apps/web to ${nodeName}`);
    await sim.stop();
  });

  it('explains why nothing fits with the real scheduler wording', async () => {
    const { store, sim } = await simulate({
      nodes: [node('a', { cpu: 1, labels: { disk: 'hdd' } }), node('b'), node('c', { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] })],
      namespaces: ['apps'],
      objects: [barePod('big', 'apps', { nodeSelector: { disk: 'hdd' }, containers: [{ name: 'app', image: 'x:1', resources: { requests: { cpu: '2' } } }] })],
    });
    const event = await eventually('FailedScheduling', () => eventsFor(store, 'big').find(e => e.reason === 'FailedScheduling'));
    expect(event.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {gpu: true}. " +
        'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    );
    const status = store.get(R.pods, 'apps', 'big')?.status as { phase: string; conditions: Array<{ type: string; status: string; reason: string }> };
    expect(status.phase).toBe('Pending');
    expect(status.conditions.find(c => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    await sim.stop();
  });

  it('honours tolerations and places pods once capacity frees up', async () => {
    const { store, sim } = await simulate({
      nodes: [node('tainted', { cpu: 1, taints: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }] })],
      namespaces: ['apps'],
      objects: [
        barePod('first', 'apps', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' }], containers: [{ name: 'a', image: 'x:1', resources: { requests: { cpu: '800m' } } }] }),
      ],
    });
    await eventually('toleration honoured', () => (store.get(R.pods, 'apps', 'first')?.spec as { nodeName?: string }).nodeName === 'tainted');
    store.create(R.pods, barePod('second', 'apps', { tolerations: [{ operator: 'Exists' }], containers: [{ name: 'a', image: 'x:1', resources: { requests: { cpu: '800m' } } }] }));
    await eventually('second pending', () => eventsFor(store, 'second').find(e => e.reason === 'FailedScheduling'));
    store.delete(R.pods, 'apps', 'first');
    await eventually('second placed after first left', () => (store.get(R.pods, 'apps', 'second')?.spec as { nodeName?: string }).nodeName === 'tainted');
    expect(store.get(R.pods, 'apps', 'first')).toBeUndefined();
    await sim.stop();
  });

  it('keeps pods with unbound claims pending', async () => {
    const { store, sim } = await simulate({
      nodes: [node('a')],
      namespaces: ['apps'],
      objects: [barePod('db', 'apps', { containers: [{ name: 'db', image: 'postgres:16' }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'missing' } }] })],
    });
    const event = await eventually('FailedScheduling', () => eventsFor(store, 'db').find(e => e.reason === 'FailedScheduling'));
    expect(event.message).toBe('0/1 nodes are available: persistentvolumeclaim "missing" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.');
    await sim.stop();
  });
});

import { InMemoryObjectStore } from '../store/ObjectStore';
import { Timers } from './context';
import { EventRecorder, expireEvents } from './events';
import { R } from './resources';
import { eventually } from './testing';

describe('EventRecorder', () => {
  const pod = () => {
    const store = new InMemoryObjectStore();
    const created = store.create(R.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'apps' }, spec: { containers: [] } });
    return { store, pod: created };
  };

  it('aggregates repeats into one Event with a count and last timestamp', () => {
    const { store, pod: web } = pod();
    const recorder = new EventRecorder(store);
    const source = { component: 'kubelet', host: 'n1' };
    recorder.record(web, 'Warning', 'BackOff', 'Back-off restarting failed container', source, 'spec.containers{app}');
    recorder.record(web, 'Warning', 'BackOff', 'Back-off restarting failed container', source, 'spec.containers{app}');
    recorder.record(web, 'Normal', 'Pulled', 'Container image "x" already present on machine', source, 'spec.containers{app}');
    const events = store.list(R.events, { namespace: 'apps' }).items;
    expect(events).toHaveLength(2);
    const backOff = events.find(e => e.reason === 'BackOff')!;
    expect(backOff).toMatchObject({
      type: 'Warning', count: 2, source, reportingComponent: 'kubelet', reportingInstance: 'n1',
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'apps', uid: web.metadata.uid, fieldPath: 'spec.containers{app}' },
    });
    expect(backOff.metadata.name).toMatch(/^web\.[0-9a-f]+$/);
  });

  it('expires Events after the (scaled) event TTL', async () => {
    const { store, pod: web } = pod();
    new EventRecorder(store).record(web, 'Normal', 'Scheduled', 'Successfully assigned apps/web to n1', { component: 'default-scheduler' });
    const timers = new Timers();
    expireEvents(store, timers, 0.0001);
    await eventually('expired', () => store.list(R.events).items.length === 0, 5000);
    timers.cancelAll();
    expect(store.list(R.pods).items).toHaveLength(1);
  });
});

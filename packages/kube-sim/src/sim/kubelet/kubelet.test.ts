import { R } from '../resources';
import { barePod, containerStatus, eventsFor, eventually, node, simulate } from '../testing';

const ns = 'apps';
const cluster = (...objects: ReturnType<typeof barePod>[]) => simulate({ nodes: [node('n1')], namespaces: [ns], objects });
const statusOf = (store: Awaited<ReturnType<typeof cluster>>['store'], name: string) => store.get(R.pods, ns, name);

describe('Kubelet', () => {
  it('runs a healthy pod to Running and Ready with real-looking status and events', async () => {
    const { store, sim } = await cluster(barePod('web', ns, { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }));
    const pod = await eventually('Ready', () => {
      const p = statusOf(store, 'web');
      return containerStatus(p)?.ready ? p : undefined;
    });
    const status = pod.status as Record<string, unknown> & { conditions: Array<{ type: string; status: string }> };
    expect(status).toMatchObject({ phase: 'Running', hostIP: '10.0.0.2', podIP: expect.stringMatching(/^10\.244\.0\.\d+$/) });
    expect(status.conditions.map(c => `${c.type}=${c.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    expect(containerStatus(pod)).toMatchObject({
      name: 'nginx', ready: true, started: true, restartCount: 0,
      image: 'docker.io/library/nginx:1.27',
      imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
      containerID: expect.stringMatching(/^containerd:\/\/[0-9a-f]{64}$/),
      state: { running: { startedAt: expect.any(String) } },
    });
    const reasons = eventsFor(store, 'web').map(e => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']));
    expect(eventsFor(store, 'web').find(e => e.reason === 'Started')).toMatchObject({ message: 'Started container nginx', source: { component: 'kubelet', host: 'n1' }, involvedObject: { fieldPath: 'spec.containers{nginx}' } });
    await sim.stop();
  });

  it('crash-loops with growing restarts, back-off and the last exit in lastState', async () => {
    const { store, sim } = await cluster(barePod('crashy', ns, { containers: [{ name: 'app', image: 'example/app-crashloop:1' }] }));
    const pod = await eventually('CrashLoopBackOff after restarts', () => {
      const p = statusOf(store, 'crashy');
      const s = containerStatus(p);
      return s && s.restartCount >= 2 && s.state.waiting?.reason === 'CrashLoopBackOff' ? p : undefined;
    });
    const s = containerStatus(pod)!;
    expect(s.state.waiting?.message).toMatch(new RegExp(`^back-off (10|20|40)s restarting failed container=app pod=crashy_apps\\(${pod.metadata.uid}\\)$`));
    expect(s.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect((pod.status as { phase: string }).phase).toBe('Running');
    const backOff = eventsFor(store, 'crashy').find(e => e.reason === 'BackOff');
    expect(backOff).toMatchObject({ type: 'Warning', message: `Back-off restarting failed container app in pod crashy_apps(${pod.metadata.uid})` });
    const started = eventsFor(store, 'crashy').find(e => e.reason === 'Started');
    expect(started?.count).toBeGreaterThanOrEqual(2);
    await sim.stop();
  });

  it('reports OOMKilled with exit code 137', async () => {
    const { store, sim } = await cluster(barePod('leaky', ns, { containers: [{ name: 'app', image: 'app:1' }] }, { 'kube-sim.kubedeck.io/behavior': 'oom' }));
    const s = await eventually('OOMKilled', () => containerStatus(statusOf(store, 'leaky'))?.lastState.terminated);
    expect(s).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    await sim.stop();
  });

  it('fails image pulls with ErrImagePull, then ImagePullBackOff', async () => {
    const { store, sim } = await cluster(barePod('bad', ns, { containers: [{ name: 'app', image: 'registry.example/does-not-exist:1' }] }));
    await eventually('ErrImagePull', () => containerStatus(statusOf(store, 'bad'))?.state.waiting?.reason === 'ErrImagePull');
    const waiting = await eventually('ImagePullBackOff', () => {
      const w = containerStatus(statusOf(store, 'bad'))?.state.waiting;
      return w?.reason === 'ImagePullBackOff' ? w : undefined;
    });
    expect(waiting.message).toContain('Back-off pulling image "registry.example/does-not-exist:1"');
    expect((statusOf(store, 'bad')?.status as { phase: string }).phase).toBe('Pending');
    expect(eventsFor(store, 'bad').map(e => e.message)).toEqual(expect.arrayContaining(['Error: ErrImagePull', 'Error: ImagePullBackOff']));
    await sim.stop();
  });

  it('reports CreateContainerConfigError for a missing key and recovers when it appears', async () => {
    const { store, sim } = await simulate({
      nodes: [node('n1')],
      namespaces: [ns],
      objects: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: ns }, data: { A: '1' } },
        barePod('cfg', ns, { containers: [{ name: 'app', image: 'app:1', env: [{ name: 'B', valueFrom: { configMapKeyRef: { name: 'settings', key: 'B' } } }] }] }),
      ],
    });
    const waiting = await eventually('config error', () => containerStatus(statusOf(store, 'cfg'))?.state.waiting?.reason === 'CreateContainerConfigError' && containerStatus(statusOf(store, 'cfg'))?.state.waiting);
    expect(waiting).toMatchObject({ message: "couldn't find key B in ConfigMap apps/settings" });
    expect(eventsFor(store, 'cfg').find(e => e.reason === 'Failed')?.message).toBe("Error: couldn't find key B in ConfigMap apps/settings");
    const cm = store.get(R.configmaps, ns, 'settings')!;
    store.update(R.configmaps, { ...cm, data: { A: '1', B: '2' } });
    await eventually('starts once the key exists', () => containerStatus(statusOf(store, 'cfg'))?.state.running);
    await sim.stop();
  });

  it('keeps a pod with a failing readiness probe running but unready', async () => {
    const { store, sim } = await cluster(barePod('unready', ns, { containers: [{ name: 'app', image: 'app:1', readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 1 } }] }, { 'kube-sim.kubedeck.io/behavior': 'readiness-fail' }));
    const event = await eventually('Unhealthy', () => eventsFor(store, 'unready').find(e => e.reason === 'Unhealthy' && (e.count as number) >= 2));
    expect(event.message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 503');
    const pod = statusOf(store, 'unready')!;
    expect((pod.status as { phase: string }).phase).toBe('Running');
    expect(containerStatus(pod)?.ready).toBe(false);
    expect((pod.status as { conditions: Array<{ type: string; status: string; reason?: string }> }).conditions.find(c => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    await sim.stop();
  });

  it('restarts a container whose liveness probe fails, with a Killing event', async () => {
    const { store, sim } = await cluster(barePod('stuck', ns, { containers: [{ name: 'app', image: 'app:1', livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 1, failureThreshold: 2 } }] }, { 'kube-sim.kubedeck.io/behavior.app': 'liveness-fail' }));
    await eventually('restart', () => (containerStatus(statusOf(store, 'stuck'))?.restartCount ?? 0) >= 1);
    expect(eventsFor(store, 'stuck').find(e => e.reason === 'Killing')?.message).toBe('Container app failed liveness probe, will be restarted');
    expect(eventsFor(store, 'stuck').find(e => e.reason === 'Unhealthy')?.message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 500');
    await sim.stop();
  });

  it('completes or fails run-to-completion pods per restart policy', async () => {
    const { store, sim } = await cluster(
      barePod('done', ns, { restartPolicy: 'Never', containers: [{ name: 'task', image: 'task:1' }] }),
      barePod('broken', ns, { restartPolicy: 'Never', containers: [{ name: 'task', image: 'task:1' }] }, { 'kube-sim.kubedeck.io/behavior': 'fail' }),
    );
    await eventually('Succeeded', () => (statusOf(store, 'done')?.status as { phase: string }).phase === 'Succeeded');
    expect(containerStatus(statusOf(store, 'done'))?.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    await eventually('Failed', () => (statusOf(store, 'broken')?.status as { phase: string }).phase === 'Failed');
    expect(containerStatus(statusOf(store, 'broken'))?.state.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    await sim.stop();
  });

  it('runs init containers first and reports their progress', async () => {
    const { store, sim } = await cluster(barePod('boot', ns, {
      initContainers: [{ name: 'migrate', image: 'migrate:1' }],
      containers: [{ name: 'app', image: 'app:1' }],
    }, { 'kube-sim.kubedeck.io/run-seconds': '5' }));
    const pending = await eventually('init running', () => {
      const p = statusOf(store, 'boot');
      const init = (p?.status as { initContainerStatuses?: Array<{ state: { running?: unknown } }> })?.initContainerStatuses?.[0];
      return init?.state.running ? p : undefined;
    });
    expect((pending.status as { phase: string }).phase).toBe('Pending');
    expect(containerStatus(pending)?.state.waiting?.reason).toBe('PodInitializing');
    expect((pending.status as { conditions: Array<{ type: string; status: string; message?: string }> }).conditions.find(c => c.type === 'Initialized')).toMatchObject({ status: 'False', message: 'containers with incomplete status: [migrate]' });
    await eventually('app running', () => containerStatus(statusOf(store, 'boot'))?.state.running);
    const init = (statusOf(store, 'boot')?.status as { initContainerStatuses: Array<{ state: { terminated?: { reason: string; exitCode: number } } }> }).initContainerStatuses[0];
    expect(init.state.terminated).toMatchObject({ reason: 'Completed', exitCode: 0 });
    await sim.stop();
  });

  it('keeps a Lease per node in kube-node-lease', async () => {
    const { store, sim } = await cluster();
    const leaseKey = { group: 'coordination.k8s.io', version: 'v1', resource: 'leases' };
    const lease = await eventually('lease', () => store.get(leaseKey, 'kube-node-lease', 'n1'));
    expect(lease.spec).toMatchObject({ holderIdentity: 'n1', leaseDurationSeconds: 40, renewTime: expect.stringMatching(/\.\d{6}Z$/) });
    expect(lease.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'n1' });
    await sim.stop();
  });

  it('turns a node NotReady with taints and unready pods when the scenario says so', async () => {
    const { store, sim } = await simulate({
      nodes: [node('flaky', { notReadyAfter: 20 })],
      namespaces: [ns],
      objects: [
        barePod('web', ns, { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], containers: [{ name: 'app', image: 'app:1' }] }),
        barePod('intolerant', ns, { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }], containers: [{ name: 'app', image: 'app:1' }] }),
      ],
    });
    await eventually('pod ready', () => containerStatus(statusOf(store, 'web'))?.ready);
    const lost = await eventually('node NotReady', () => {
      const n = store.get(R.nodes, undefined, 'flaky');
      return (n?.status as { conditions: Array<{ type: string; status: string }> }).conditions.find(c => c.type === 'Ready' && c.status === 'Unknown') ? n : undefined;
    });
    expect((lost.status as { conditions: Array<{ type: string; reason: string; message: string }> }).conditions.find(c => c.type === 'Ready')).toMatchObject({ reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect((lost.spec as { taints: Array<{ key: string; effect: string }> }).taints.map(t => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    await eventually('pod unready', () => (statusOf(store, 'web')?.status as { conditions: Array<{ type: string; status: string }> }).conditions.find(c => c.type === 'Ready')?.status === 'False');
    await eventually('intolerant pod evicted', () => !statusOf(store, 'intolerant'));
    expect(eventsFor(store, 'intolerant').find(e => e.reason === 'TaintManagerEviction')?.message).toBe('Marking for deletion Pod apps/intolerant');
    await sim.stop();
  });

  it('deletes the pods of a node that is removed', async () => {
    const { store, sim } = await cluster(barePod('orphan', ns, { containers: [{ name: 'app', image: 'app:1' }] }));
    await eventually('running', () => containerStatus(statusOf(store, 'orphan'))?.state.running);
    store.delete(R.nodes, undefined, 'n1');
    await eventually('pod collected', () => !statusOf(store, 'orphan'));
    expect(eventsFor(store, 'orphan').map(e => e.reason)).toContain('PodGC');
    await sim.stop();
  });
});

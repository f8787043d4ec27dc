import { InMemoryObjectStore } from './ObjectStore';
import { StoreError, type KubeObject, type ResourceKey, type WatchEvent } from './types';

const PODS: ResourceKey = { group: '', version: 'v1', resource: 'pods' };
const CMS: ResourceKey = { group: '', version: 'v1', resource: 'configmaps' };
const RS: ResourceKey = { group: 'apps', version: 'v1', resource: 'replicasets' };
const DEPLOY: ResourceKey = { group: 'apps', version: 'v1', resource: 'deployments' };
const NS: ResourceKey = { group: '', version: 'v1', resource: 'namespaces' };

function pod(name: string, extra: Partial<KubeObject['metadata']> = {}, spec: object = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...extra }, spec };
}

function owned(kind: string, owner: KubeObject) {
  return {
    ownerReferences: [
      { apiVersion: owner.apiVersion, kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true },
    ],
  };
}

function codeOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof StoreError ? e.code : -1;
  }
  return undefined;
}

describe('InMemoryObjectStore', () => {
  let store: InMemoryObjectStore;
  beforeEach(() => {
    store = new InMemoryObjectStore({ now: () => new Date('2026-01-02T03:04:05.678Z') });
  });

  it('fills server fields on create and bumps one monotonic resourceVersion', () => {
    const a = store.create(PODS, pod('a'));
    const b = store.create(CMS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } });
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.creationTimestamp).toBe('2026-01-02T03:04:05Z');
    expect(a.metadata.generation).toBe(1);
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(store.currentResourceVersion()).toBe(b.metadata.resourceVersion);
    expect(Object.isFrozen(a.metadata)).toBe(true);
  });

  it('generates names and refuses duplicates with 409 AlreadyExists', () => {
    const g = store.create(PODS, pod('', { generateName: 'web-' }));
    expect(g.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    store.create(PODS, pod('a'));
    expect(() => store.create(PODS, pod('a'))).toThrow('pods "a" already exists');
    expect(codeOf(() => store.create(PODS, pod('')))).toBe(422);
  });

  it('rejects stale updates, bumps generation only on spec changes and skips no-ops', () => {
    const a = store.create(PODS, pod('a', {}, { containers: [{ name: 'c', image: 'x' }] }));
    const labelled = store.update(PODS, { ...a, metadata: { ...a.metadata, labels: { app: 'x' } } });
    expect(labelled.metadata.generation).toBe(1);
    expect(codeOf(() => store.update(PODS, { ...a, spec: {} }))).toBe(409);
    const respec = store.update(PODS, { ...labelled, spec: { containers: [{ name: 'c', image: 'y' }] } });
    expect(respec.metadata.generation).toBe(2);
    expect(store.update(PODS, respec)).toBe(respec);
    expect(codeOf(() => store.update(PODS, pod('missing')))).toBe(404);
  });

  it('keeps status on plain updates and changes only status through the subresource', () => {
    const a = store.create(PODS, pod('a'));
    const withStatus = store.update(PODS, { ...a, status: { phase: 'Running' } }, { subresource: 'status' });
    expect(withStatus.status).toEqual({ phase: 'Running' });
    const replaced = store.update(PODS, { ...withStatus, status: { phase: 'Failed' }, spec: { x: 1 } });
    expect(replaced.status).toEqual({ phase: 'Running' });
    expect(replaced.spec).toEqual({ x: 1 });
    const cm = store.create(CMS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { a: '1' } });
    expect(store.update(CMS, { ...cm, data: { a: '2' } }).data).toEqual({ a: '2' });
  });

  it('holds objects with finalizers until the last one is removed', () => {
    const events: string[] = [];
    store.watch(PODS, { resourceVersion: store.currentResourceVersion() }, e => events.push(e.type));
    store.create(PODS, pod('a', { finalizers: ['x/y'] }));
    const deleting = store.delete(PODS, 'default', 'a');
    expect(deleting.metadata.deletionTimestamp).toBe('2026-01-02T03:04:05Z');
    expect(store.get(PODS, 'default', 'a')).toBeDefined();
    store.update(PODS, { ...deleting, metadata: { ...deleting.metadata, finalizers: [] } });
    expect(store.get(PODS, 'default', 'a')).toBeUndefined();
    expect(events).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('cascades deletes in the background, in the foreground, and orphans on request', () => {
    const makeTree = (name: string) => {
      const d = store.create(DEPLOY, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' } });
      const rs = store.create(RS, { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `${name}-rs`, namespace: 'default', ...owned('Deployment', d) } });
      store.create(PODS, pod(`${name}-pod`, owned('ReplicaSet', rs)));
      return d;
    };
    makeTree('bg');
    store.delete(DEPLOY, 'default', 'bg');
    expect(store.get(RS, 'default', 'bg-rs')).toBeUndefined();
    expect(store.get(PODS, 'default', 'bg-pod')).toBeUndefined();

    makeTree('fg');
    store.update(PODS, { ...store.get(PODS, 'default', 'fg-pod')!, metadata: { ...store.get(PODS, 'default', 'fg-pod')!.metadata, finalizers: ['hold'] } });
    const owner = store.delete(DEPLOY, 'default', 'fg', { propagationPolicy: 'Foreground' });
    expect(owner.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(store.get(RS, 'default', 'fg-rs')?.metadata.deletionTimestamp).toBeDefined();
    const held = store.get(PODS, 'default', 'fg-pod')!;
    store.update(PODS, { ...held, metadata: { ...held.metadata, finalizers: [] } });
    expect(store.get(RS, 'default', 'fg-rs')).toBeUndefined();
    expect(store.get(DEPLOY, 'default', 'fg')).toBeUndefined();

    makeTree('or');
    store.delete(DEPLOY, 'default', 'or', { propagationPolicy: 'Orphan' });
    expect(store.get(RS, 'default', 'or-rs')?.metadata.ownerReferences).toBeUndefined();
    expect(store.get(PODS, 'default', 'or-pod')).toBeDefined();
  });

  it('deletes a namespace with its contents', () => {
    store.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    store.create(PODS, { ...pod('a'), metadata: { name: 'a', namespace: 'team' } });
    store.create(PODS, pod('b'));
    store.delete(NS, undefined, 'team');
    expect(store.list(PODS).items.map(p => p.metadata.name)).toEqual(['b']);
  });

  it('lists in key order with selectors and paginates with continue tokens', () => {
    for (const ns of ['b', 'a']) {
      for (let i = 0; i < 5; i++) store.create(PODS, { ...pod(`p${i}`), metadata: { name: `p${i}`, namespace: ns, labels: { i: String(i % 2) } } });
    }
    const all = store.list(PODS);
    expect(all.items.map(p => `${p.metadata.namespace}/${p.metadata.name}`).slice(0, 6)).toEqual(['a/p0', 'a/p1', 'a/p2', 'a/p3', 'a/p4', 'b/p0']);
    expect(store.list(PODS, { namespace: 'b', labelSelector: 'i=1' }).items.map(p => p.metadata.name)).toEqual(['p1', 'p3']);
    expect(store.list(PODS, { fieldSelector: 'metadata.namespace=a,metadata.name!=p0' }).items).toHaveLength(4);

    const page1 = store.list(PODS, { limit: 4 });
    expect(page1.items).toHaveLength(4);
    expect(page1.remainingItemCount).toBe(6);
    store.create(PODS, pod('zz'));
    const page2 = store.list(PODS, { limit: 4, continue: page1.continue });
    expect(page2.resourceVersion).toBe(page1.resourceVersion);
    const page3 = store.list(PODS, { limit: 4, continue: page2.continue });
    expect(page3.continue).toBeUndefined();
    const names = [...page1.items, ...page2.items, ...page3.items].map(p => p.metadata.name);
    expect(names).toHaveLength(11);
    expect(store.list(PODS, { namespace: 'a', limit: 2 }).remainingItemCount).toBe(3);
    expect(codeOf(() => store.list(PODS, { continue: 'garbage' }))).toBe(400);
  });

  it('expires continue tokens issued at a version compacted away, handing out one that continues at the newest', () => {
    let now = Date.parse('2026-01-02T03:00:00Z');
    const timed = new InMemoryObjectStore({ now: () => new Date(now), compactionWindowMs: 60_000 });
    for (const name of ['a', 'b', 'c']) timed.create(PODS, pod(name));
    const page1 = timed.list(PODS, { limit: 1 });
    now += 120_000;
    // Nothing was written since: the list's version is still the newest and readable.
    expect(timed.list(PODS, { limit: 1, continue: page1.continue }).items.map(p => p.metadata.name)).toEqual(['b']);
    timed.create(PODS, pod('d'));
    now += 30_000;
    expect(timed.list(PODS, { limit: 1, continue: page1.continue }).items.map(p => p.metadata.name)).toEqual(['b']);
    now += 31_000;
    let expired: StoreError | undefined;
    try {
      timed.list(PODS, { limit: 1, continue: page1.continue });
    } catch (e) {
      expired = e as StoreError;
    }
    expect(expired).toMatchObject({ code: 410, reason: 'Expired' });
    expect(expired!.message).toMatch(/^The provided continue parameter is too old/);
    const rest = timed.list(PODS, { continue: expired!.listMeta!.continue });
    expect(rest.items.map(p => p.metadata.name)).toEqual(['b', 'c', 'd']);
    expect(rest.resourceVersion).toBe(timed.currentResourceVersion());
  });

  describe('graceful deletion', () => {
    // 1 simulated second lasts 1 ms.
    const graceful = () => new InMemoryObjectStore({ timeScale: 0.001 });
    const until = async (check: () => boolean) => {
      while (!check()) await new Promise(resolve => setTimeout(resolve, 5));
    };

    it('keeps the object marked as terminating for its grace period, then removes it', async () => {
      const timed = graceful();
      const running = timed.create(PODS, pod('a', {}, { nodeName: 'n1' }));
      const events: string[] = [];
      timed.watch(PODS, {}, e => events.push(e.type));
      const marked = timed.delete(PODS, 'default', 'a', { gracePeriodSeconds: 30 });
      expect(marked.metadata).toMatchObject({ deletionGracePeriodSeconds: 30, deletionTimestamp: expect.any(String), generation: 2 });
      // The kubelet still writes status while the pod terminates; that does not remove it.
      timed.update(PODS, { ...marked, status: { phase: 'Running' } }, { subresource: 'status' });
      // Deleting again with the same or a longer period changes nothing.
      expect(timed.delete(PODS, 'default', 'a', { gracePeriodSeconds: 60 }).metadata.deletionGracePeriodSeconds).toBe(30);
      expect(timed.get(PODS, 'default', 'a')?.metadata.uid).toBe(running.metadata.uid);
      await until(() => !timed.get(PODS, 'default', 'a'));
      expect(events).toEqual(['ADDED', 'MODIFIED', 'MODIFIED', 'DELETED']);
      timed.close();
    });

    it('removes at once when the period is cut to 0, and waits for finalizers after the period', async () => {
      const timed = graceful();
      timed.create(PODS, pod('a', {}, { nodeName: 'n1' }));
      timed.delete(PODS, 'default', 'a', { gracePeriodSeconds: 3600 });
      timed.delete(PODS, 'default', 'a', { gracePeriodSeconds: 0 });
      expect(timed.get(PODS, 'default', 'a')).toBeUndefined();

      timed.create(PODS, pod('held', { finalizers: ['example.com/hold'] }, { nodeName: 'n1' }));
      timed.delete(PODS, 'default', 'held', { gracePeriodSeconds: 1 });
      await until(() => timed.get(PODS, 'default', 'held')?.metadata.deletionGracePeriodSeconds === 0);
      const held = timed.get(PODS, 'default', 'held')!;
      timed.update(PODS, { ...held, metadata: { ...held.metadata, finalizers: [] } });
      expect(timed.get(PODS, 'default', 'held')).toBeUndefined();
      timed.close();
    });

    it('deletes at once without a grace period, as before', () => {
      const timed = graceful();
      timed.create(PODS, pod('a', {}, { nodeName: 'n1' }));
      timed.delete(PODS, 'default', 'a', { gracePeriodSeconds: 0 });
      timed.create(PODS, pod('b'));
      timed.delete(PODS, 'default', 'b');
      expect(timed.list(PODS).items).toEqual([]);
    });
  });

  it('watches in order, including writes made by a watcher, and maps selector transitions', () => {
    const seen: string[] = [];
    const selected: string[] = [];
    store.watch(PODS, {}, e => {
      seen.push(`${e.type} ${e.object.metadata.name} ${e.object.metadata.resourceVersion}`);
      if (e.type === 'ADDED' && e.object.metadata.name === 'a') store.create(PODS, pod('from-watcher'));
    });
    store.watch(PODS, { labelSelector: 'app=web' }, e => selected.push(`${e.type} ${e.object.metadata.name}`));
    const a = store.create(PODS, pod('a'));
    const web = store.update(PODS, { ...a, metadata: { ...a.metadata, labels: { app: 'web' } } });
    store.update(PODS, { ...web, metadata: { ...web.metadata, labels: { app: 'db' } } });
    const rvs = seen.map(s => Number(s.split(' ')[2]));
    expect(rvs).toEqual([...rvs].sort((x, y) => x - y));
    expect(seen.map(s => s.split(' ').slice(0, 2).join(' '))).toEqual(['ADDED a', 'ADDED from-watcher', 'MODIFIED a', 'MODIFIED a']);
    expect(selected).toEqual(['ADDED a', 'DELETED a']);
  });

  it('replays existing objects or history, and answers 410 for compacted versions', () => {
    const small = new InMemoryObjectStore({ historySize: 3 });
    small.create(PODS, pod('a'));
    const after = small.currentResourceVersion();
    small.create(PODS, pod('b'));
    const events: WatchEvent[] = [];
    const w = small.watch(PODS, { resourceVersion: after }, e => events.push(e));
    expect(events.map(e => e.object.metadata.name)).toEqual(['b']);
    w.stop();
    const initial: string[] = [];
    small.watch(PODS, {}, e => initial.push(`${e.type} ${e.object.metadata.name}`));
    expect(initial).toEqual(['ADDED a', 'ADDED b']);
    for (let i = 0; i < 5; i++) small.create(PODS, pod(`x${i}`));
    let error: unknown;
    try {
      small.watch(PODS, { resourceVersion: after }, () => undefined);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe(410);
    expect((error as StoreError).message).toMatch(/too old resource version/);
  });

  it('keeps status for CRD resources only when the CRD declares the subresource', () => {
    const CRDS: ResourceKey = { group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' };
    store.create(CRDS, {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: { versions: [{ name: 'v1', subresources: { status: {} } }] },
    });
    expect(store.hasStatusSubresource({ group: 'example.com', version: 'v1', resource: 'widgets' })).toBe(true);
    expect(store.hasStatusSubresource({ group: 'example.com', version: 'v1', resource: 'gadgets' })).toBe(true);
    expect(store.hasStatusSubresource(CMS)).toBe(false);
  });

  it('answers spec.nodeName selectors from an index that follows scheduling and deletion', () => {
    for (let i = 0; i < 6; i++) store.create(PODS, pod(`p${i}`, {}, { nodeName: `node-${i % 2}` }));
    const onNode = (node: string, extra = '') => store.list(PODS, { fieldSelector: `spec.nodeName=${node}${extra}` }).items.map(p => p.metadata.name);
    expect(onNode('node-0')).toEqual(['p0', 'p2', 'p4']);
    const moved = store.get(PODS, 'default', 'p0')!;
    store.update(PODS, { ...moved, spec: { nodeName: 'node-1' } });
    store.delete(PODS, 'default', 'p2');
    expect(onNode('node-0')).toEqual(['p4']);
    expect(onNode('node-1', ',metadata.name!=p3')).toEqual(['p0', 'p1', 'p5']);
    expect(store.list(PODS, { fieldSelector: 'spec.nodeName=node-1', limit: 2 }).items.map(p => p.metadata.name)).toEqual(['p0', 'p1']);
    const unscheduled = store.create(PODS, pod('pending'));
    expect(onNode('')).toEqual([unscheduled.metadata.name]);
  });
});


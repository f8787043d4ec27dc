import { startKubeSim, type KubeSim } from '../server';
import { fixtureScenario } from '../testing/fixtureScenario';

jest.setTimeout(30_000);

describe('kube-sim HTTP API', () => {
  let sim: KubeSim;
  const call = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const res = await fetch(`${sim.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${init.token ?? 'admin-token'}`, 'content-type': 'application/json', ...(init.headers as object) },
    });
    const text = await res.text();
    const single = text && !text.trim().includes('\n');
    return { status: res.status, body: single ? JSON.parse(text) : undefined, text };
  };
  const configMap = (name: string, namespace = 'team-a') => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: { a: '1' } });

  beforeAll(async () => {
    sim = await startKubeSim({ scenario: fixtureScenario(), simulation: false, tls: false, historySize: 5, bookmarkIntervalMs: 200 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('answers Status objects for unknown resources, missing namespaces and missing tokens', async () => {
    expect(await call('/api/v1/namespaces/team-a/gizmos')).toMatchObject({ status: 404, body: { kind: 'Status', reason: 'NotFound', code: 404 } });
    const missingNs = await call('/api/v1/namespaces/nowhere/configmaps', { method: 'POST', body: JSON.stringify(configMap('x', 'nowhere')) });
    expect(missingNs.body).toMatchObject({ code: 404, reason: 'NotFound', message: 'namespaces "nowhere" not found' });
    const unauth = await fetch(`${sim.url}/api/v1/pods`);
    expect(unauth.status).toBe(401);
    expect(await unauth.json()).toMatchObject({ reason: 'Unauthorized', code: 401 });
  });

  it('returns 409 on stale updates and keeps dry runs out of the store', async () => {
    const created = await call('/api/v1/namespaces/team-a/configmaps', { method: 'POST', body: JSON.stringify(configMap('c1')) });
    expect(created.status).toBe(201);
    const stale = { ...created.body, metadata: { ...created.body.metadata, resourceVersion: '1' } };
    const conflict = await call('/api/v1/namespaces/team-a/configmaps/c1', { method: 'PUT', body: JSON.stringify(stale) });
    expect(conflict.body).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on configmaps "c1": the object has been modified; please apply your changes to the latest version and try again',
      details: { name: 'c1', kind: 'configmaps' },
    });
    const dry = await call('/api/v1/namespaces/team-a/configmaps?dryRun=All', { method: 'POST', body: JSON.stringify(configMap('dry')) });
    expect(dry.status).toBe(201);
    expect((await call('/api/v1/namespaces/team-a/configmaps/dry')).status).toBe(404);
  });

  it('serves the Table a real server returns when asked for one', async () => {
    const res = await call('/api/v1/namespaces/team-a/pods', { headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' } });
    expect(res.body.kind).toBe('Table');
    expect(res.body.columnDefinitions.map((c: { name: string; priority: number }) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Ready:0', 'Status:0', 'Restarts:0', 'Age:0', 'IP:1', 'Node:1', 'Nominated Node:1', 'Readiness Gates:1',
    ]);
    expect(res.body.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'web-1' } });
  });

  it('ends a watch from a compacted resourceVersion with a 410 Expired ERROR event', async () => {
    const old = sim.store.currentResourceVersion();
    for (let i = 0; i < 10; i++) sim.store.create({ group: '', version: 'v1', resource: 'configmaps' }, configMap(`churn-${i}`));
    const res = await call(`/api/v1/namespaces/team-a/configmaps?watch=1&resourceVersion=${old}`);
    expect(res.status).toBe(200);
    const event = JSON.parse(res.text.trim());
    expect(event).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
    expect(event.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  });

  it('streams watch events and ends them at timeoutSeconds', async () => {
    const rv = sim.store.currentResourceVersion();
    const pending = call(`/api/v1/namespaces/team-a/configmaps?watch=1&resourceVersion=${rv}&timeoutSeconds=1`);
    await new Promise(resolve => setTimeout(resolve, 100));
    await call('/api/v1/namespaces/team-a/configmaps', { method: 'POST', body: JSON.stringify(configMap('live')) });
    const lines = (await pending).text.trim().split('\n').map(l => JSON.parse(l));
    expect(lines.map(l => `${l.type} ${l.object.metadata.name}`)).toEqual(['ADDED live']);
  });

  it('injects 429s through the admin chaos endpoint, for admins only', async () => {
    expect((await call('/kube-sim/chaos', { method: 'PATCH', body: '{"rate429":1}', token: 'alice-token' })).status).toBe(403);
    expect((await call('/kube-sim/chaos', { method: 'PATCH', body: '{"rate429":1}' })).body).toMatchObject({ rate429: 1 });
    const limited = await call('/api/v1/namespaces');
    expect(limited.body).toMatchObject({ code: 429, reason: 'TooManyRequests' });
    await call('/kube-sim/chaos', { method: 'PATCH', body: '{"rate429":0}' });
    expect((await call('/api/v1/namespaces')).status).toBe(200);
    expect((await call('/kube-sim/chaos', { method: 'PATCH', body: '{"rate500":2}' })).status).toBe(400);
  });

  it('deletes collections by label selector', async () => {
    for (const name of ['l1', 'l2']) {
      await call('/api/v1/namespaces/team-a/configmaps', { method: 'POST', body: JSON.stringify({ ...configMap(name), metadata: { name, namespace: 'team-a', labels: { batch: 'x' } } }) });
    }
    const res = await call('/api/v1/namespaces/team-a/configmaps?labelSelector=batch%3Dx', { method: 'DELETE' });
    expect(res.body.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['l1', 'l2']);
    expect((await call('/api/v1/namespaces/team-a/configmaps?labelSelector=batch%3Dx')).body.items).toEqual([]);
  });

  it('serves cluster-scoped custom resources, lists them in discovery and removes them with their CRD', async () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'clusterthings.example.org' },
      spec: {
        group: 'example.org',
        scope: 'Cluster',
        names: { plural: 'clusterthings', singular: 'clusterthing', kind: 'ClusterThing' },
        versions: [{ name: 'v1alpha1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      },
    };
    expect((await call('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { method: 'POST', body: JSON.stringify(crd) })).status).toBe(201);
    const established = await call('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/clusterthings.example.org');
    expect(established.body.status.conditions.map((c: { type: string }) => c.type)).toEqual(['NamesAccepted', 'Established']);
    const discovery = await call('/apis/example.org/v1alpha1');
    expect(discovery.body.resources).toEqual([
      expect.objectContaining({ name: 'clusterthings', namespaced: false, kind: 'ClusterThing', singularName: 'clusterthing' }),
    ]);
    const thing = { apiVersion: 'example.org/v1alpha1', kind: 'ClusterThing', metadata: { name: 't1' }, spec: { any: ['thing'] } };
    expect((await call('/apis/example.org/v1alpha1/clusterthings', { method: 'POST', body: JSON.stringify(thing) })).body.spec).toEqual({ any: ['thing'] });
    expect((await call('/apis/example.org/v1alpha1/namespaces/team-a/clusterthings')).status).toBe(404);
    await call('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/clusterthings.example.org', { method: 'DELETE' });
    expect((await call('/apis/example.org/v1alpha1/clusterthings')).status).toBe(404);
    expect(sim.store.list({ group: 'example.org', version: 'v1alpha1', resource: 'clusterthings' }).items).toEqual([]);
  });

  it('fills service-account token secrets with a token that authenticates as the account', async () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: { name: 'builder-token', namespace: 'team-a', annotations: { 'kubernetes.io/service-account.name': 'builder' } },
    };
    await call('/api/v1/namespaces/team-a/secrets', { method: 'POST', body: JSON.stringify(secret) });
    const stored = await call('/api/v1/namespaces/team-a/secrets/builder-token');
    const token = Buffer.from(stored.body.data.token, 'base64').toString();
    const review = await call('/apis/authentication.k8s.io/v1/selfsubjectreviews', { method: 'POST', token, body: JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' }) });
    expect(review.body.status.userInfo).toMatchObject({ username: 'system:serviceaccount:team-a:builder', groups: expect.arrayContaining(['system:serviceaccounts:team-a']) });
    expect((await call('/api/v1/namespaces/team-a/secrets', { token })).status).toBe(403);
  });

  it('holds an owner with foregroundDeletion until its dependents with finalizers are gone', async () => {
    const owner = (await call('/api/v1/namespaces/team-a/configmaps', { method: 'POST', body: JSON.stringify(configMap('owner')) })).body;
    const dependent = {
      ...configMap('dependent'),
      metadata: {
        name: 'dependent', namespace: 'team-a', finalizers: ['example.com/hold'],
        ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid, blockOwnerDeletion: true }],
      },
    };
    await call('/api/v1/namespaces/team-a/configmaps', { method: 'POST', body: JSON.stringify(dependent) });
    const deleting = await call('/api/v1/namespaces/team-a/configmaps/owner', { method: 'DELETE', body: JSON.stringify({ propagationPolicy: 'Foreground' }) });
    expect(deleting.body.metadata).toMatchObject({ finalizers: ['foregroundDeletion'], deletionTimestamp: expect.any(String) });
    await call('/api/v1/namespaces/team-a/configmaps/dependent', { method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, body: '{"metadata":{"finalizers":null}}' });
    expect((await call('/api/v1/namespaces/team-a/configmaps/owner')).status).toBe(404);
  });

  it('checks resourceVersion and resourceVersionMatch on lists', async () => {
    const current = Number(sim.store.currentResourceVersion());
    expect((await call(`/api/v1/namespaces/team-a/pods?resourceVersion=${current}&resourceVersionMatch=NotOlderThan`)).status).toBe(200);
    expect((await call(`/api/v1/namespaces/team-a/pods?resourceVersion=${current + 100}`)).body).toMatchObject({ code: 504, reason: 'Timeout' });
    expect((await call('/api/v1/namespaces/team-a/pods?resourceVersion=1&resourceVersionMatch=Exact')).body).toMatchObject({ code: 410, reason: 'Expired' });
    expect((await call('/api/v1/namespaces/team-a/pods?resourceVersionMatch=Exact')).status).toBe(400);
  });

  it('serves aggregated discovery to clients that ask for it, and the legacy lists otherwise', async () => {
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    const res = await fetch(`${sim.url}/apis`, { headers: { authorization: 'Bearer admin-token', accept } });
    expect(res.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const body = await res.json();
    const apps = body.items.find((g: { metadata: { name: string } }) => g.metadata.name === 'apps');
    const deployments = apps.versions[0].resources.find((r: { resource: string }) => r.resource === 'deployments');
    expect(deployments).toMatchObject({
      responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      scope: 'Namespaced',
      shortNames: ['deploy'],
      subresources: expect.arrayContaining([{ subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] }]),
    });
    expect((await call('/apis')).body.kind).toBe('APIGroupList');
    expect((await call('/api/v1')).body.resources).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'pods', shortNames: ['po'], categories: ['all'], namespaced: true }),
      expect.objectContaining({ name: 'pods/log', kind: 'Pod', verbs: ['get'] }),
    ]));
  });

  it('refuses writes that name no object or no namespace with 405', async () => {
    expect((await call('/api/v1/pods', { method: 'POST', body: JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }) })).body).toMatchObject({ code: 405, reason: 'MethodNotAllowed' });
    expect((await call('/api/v1/namespaces/team-a/configmaps', { method: 'PUT', body: JSON.stringify(configMap('x')) })).status).toBe(405);
    expect((await call('/api/v1/namespaces/team-a/configmaps', { method: 'POST', body: '{not json' })).body).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('sends bookmarks with the current resourceVersion to watches that allow them', async () => {
    const rv = sim.store.currentResourceVersion();
    const res = await call(`/api/v1/namespaces/team-a/pods?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=1`);
    const events = res.text.trim().split('\n').map(l => JSON.parse(l));
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]).toEqual({ type: 'BOOKMARK', object: { kind: 'Pod', apiVersion: 'v1', metadata: { name: '', resourceVersion: sim.store.currentResourceVersion() } } });
  });
});


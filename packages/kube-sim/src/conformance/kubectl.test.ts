import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KubeObject, ResourceKey } from '../store/types';
import { headerOf, rowOf, startCluster, type Cluster } from './harness';

jest.setTimeout(120_000);

const DEPLOYMENTS: ResourceKey = { group: 'apps', version: 'v1', resource: 'deployments' };
const REPLICASETS: ResourceKey = { group: 'apps', version: 'v1', resource: 'replicasets' };
const PODS: ResourceKey = { group: '', version: 'v1', resource: 'pods' };

const deployment = (name: string, replicas: number, image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: team-a
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: main
        image: ${image}
        ports: [{containerPort: 8080}]
`;

describe('kubectl against kube-sim', () => {
  let cluster: Cluster;
  const file = (name: string) => path.join(cluster.dir, name);

  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it('prints the real pod columns, with -o wide adding the priority columns', async () => {
    const plain = await cluster.kubectl(['get', 'pods', '-n', 'team-a']);
    expect(plain.code).toBe(0);
    expect(headerOf(plain.stdout)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(rowOf(plain.stdout, 'web-1')?.slice(0, 4)).toEqual(['web-1', '1/1', 'Running', '0']);
    expect(rowOf(plain.stdout, 'web-2')?.slice(0, 4)).toEqual(['web-2', '0/1', 'ImagePullBackOff', '0']);

    const wide = await cluster.kubectl(['get', 'pods', '-n', 'team-a', '-o', 'wide']);
    expect(headerOf(wide.stdout)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(rowOf(wide.stdout, 'web-1')?.slice(5)).toEqual(['10.244.0.5', 'node-1', '<none>', '<none>']);

    const all = await cluster.kubectl(['get', 'pods', '-A']);
    expect(headerOf(all.stdout)).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
  });

  it('prints nodes, services, namespaces and configmaps like a real cluster', async () => {
    const nodes = await cluster.kubectl(['get', 'nodes', '-o', 'wide']);
    expect(headerOf(nodes.stdout)).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']);
    expect(rowOf(nodes.stdout, 'node-2')?.slice(0, 3)).toEqual(['node-2', 'NotReady', 'worker']);
    const svc = await cluster.kubectl(['get', 'svc', '-n', 'team-a']);
    expect(headerOf(svc.stdout)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    expect(rowOf(svc.stdout, 'web')?.[4]).toBe('80/TCP');
    const ns = await cluster.kubectl(['get', 'ns']);
    expect(ns.stdout.split('\n').filter(l => /\bActive\b/.test(l)).map(l => l.split(/\s+/)[0])).toEqual(
      expect.arrayContaining(['default', 'kube-system', 'kube-public', 'kube-node-lease', 'team-a']),
    );
    const cm = await cluster.kubectl(['get', 'cm', 'settings', '-n', 'team-a']);
    expect(rowOf(cm.stdout, 'settings')?.[1]).toBe('2');
  });

  it('prints objects as yaml, json and jsonpath', async () => {
    const yaml = await cluster.kubectl(['get', 'pod', 'web-1', '-n', 'team-a', '-o', 'yaml']);
    expect(yaml.stdout).toMatch(/^apiVersion: v1\nkind: Pod\n/);
    expect(yaml.stdout).toContain('  uid: ');
    const json = JSON.parse((await cluster.kubectl(['get', 'pods', '-n', 'team-a', '-o', 'json'])).stdout);
    expect(json.kind).toBe('List');
    expect(json.items.map((p: KubeObject) => p.metadata.name)).toEqual(['web-1', 'web-2']);
    const jp = await cluster.kubectl(['get', 'pods', '-n', 'team-a', '-o', 'jsonpath={.items[*].status.phase}']);
    expect(jp.stdout).toBe('Running Pending');
  });

  it('streams changes with get -w', async () => {
    const watch = cluster.spawnKubectl(['get', 'configmaps', '-n', 'team-a', '-w', '--request-timeout=30s']);
    await watch.waitFor('settings');
    cluster.sim.store.create({ group: '', version: 'v1', resource: 'configmaps' }, {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'watched', namespace: 'team-a' }, data: { x: '1' },
    });
    await watch.waitFor('watched');
    watch.child.kill();
    expect(rowOf(watch.output(), 'watched')?.[1]).toBe('1');
  });

  it('describes a pod with its events', async () => {
    const pod = cluster.sim.store.get(PODS, 'team-a', 'web-2')!;
    const seen = new Date(Date.now() - 120_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    cluster.sim.store.create({ group: '', version: 'v1', resource: 'events' }, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web-2.backoff', namespace: 'team-a' },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'web-2', namespace: 'team-a', uid: pod.metadata.uid },
      reason: 'BackOff',
      message: 'Back-off pulling image "nginx:1.27"',
      type: 'Warning',
      count: 3,
      firstTimestamp: seen,
      lastTimestamp: seen,
      source: { component: 'kubelet', host: 'node-1' },
    });
    const out = await cluster.kubectl(['describe', 'pod', 'web-2', '-n', 'team-a']);
    expect(out.stdout).toMatch(/^ {2}Warning {2}BackOff {2}\S+ \(x3 over \S+\) {2}kubelet {2}Back-off pulling image "nginx:1\.27"$/m);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Name:\s+web-2$/m);
    expect(out.stdout).toMatch(/^Node:\s+node-1/m);
    expect(out.stdout).toMatch(/Reason:\s+ImagePullBackOff/);
  });

  it('applies, reports unchanged, diffs with exit code 1 and updates with the last-applied annotation', async () => {
    await writeFile(file('d.yaml'), deployment('api', 2));
    expect((await cluster.kubectl(['apply', '-f', file('d.yaml')])).stdout.trim()).toBe('deployment.apps/api created');
    expect((await cluster.kubectl(['apply', '-f', file('d.yaml')])).stdout.trim()).toBe('deployment.apps/api unchanged');
    expect((await cluster.kubectl(['diff', '-f', file('d.yaml')])).code).toBe(0);

    await writeFile(file('d.yaml'), deployment('api', 3, 'nginx:1.28'));
    const diff = await cluster.kubectl(['diff', '-f', file('d.yaml')]);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/^- {2}replicas: 2$/m);
    expect(diff.stdout).toMatch(/^\+ {2}replicas: 3$/m);
    expect((await cluster.kubectl(['apply', '-f', file('d.yaml')])).stdout.trim()).toBe('deployment.apps/api configured');

    const live = JSON.parse((await cluster.kubectl(['get', 'deploy', 'api', '-n', 'team-a', '-o', 'json'])).stdout);
    expect(live.spec.replicas).toBe(3);
    expect(live.metadata.generation).toBe(2);
    expect(live.spec.template.spec.containers[0]).toMatchObject({ image: 'nginx:1.28', ports: [{ containerPort: 8080, protocol: 'TCP' }] });
    expect(JSON.parse(live.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).spec.replicas).toBe(3);

    const wide = await cluster.kubectl(['get', 'deploy', 'api', '-n', 'team-a', '-o', 'wide']);
    expect(headerOf(wide.stdout)).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']);
    expect(rowOf(wide.stdout, 'api')?.slice(1, 4).concat(rowOf(wide.stdout, 'api')!.slice(5))).toEqual(['0/3', '0', '0', 'main', 'nginx:1.28', 'app=api']);
  });

  it('scales through the scale subresource', async () => {
    await writeFile(file('s.yaml'), deployment('scaled', 1));
    await cluster.kubectl(['apply', '-f', file('s.yaml')]);
    const out = await cluster.kubectl(['scale', 'deployment', 'scaled', '-n', 'team-a', '--replicas=4']);
    expect(out.stdout.trim()).toBe('deployment.apps/scaled scaled');
    expect(cluster.sim.store.get(DEPLOYMENTS, 'team-a', 'scaled')?.spec).toMatchObject({ replicas: 4 });
  });

  it('deletes with cascading to owned objects, or orphans them', async () => {
    const { store } = cluster.sim;
    const tree = (name: string) => {
      const d = store.create(DEPLOYMENTS, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'team-a' }, spec: { replicas: 1 } });
      const owner = (o: KubeObject, kind: string) => [{ apiVersion: o.apiVersion, kind, name: o.metadata.name, uid: o.metadata.uid!, controller: true }];
      const rs = store.create(REPLICASETS, { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `${name}-rs`, namespace: 'team-a', ownerReferences: owner(d, 'Deployment') } });
      store.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `${name}-pod`, namespace: 'team-a', ownerReferences: owner(rs, 'ReplicaSet') }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    };
    tree('cascade');
    const deleted = await cluster.kubectl(['delete', 'deployment', 'cascade', '-n', 'team-a']);
    expect(deleted.stdout.trim()).toBe('deployment.apps "cascade" deleted');
    expect(store.get(REPLICASETS, 'team-a', 'cascade-rs')).toBeUndefined();
    expect(store.get(PODS, 'team-a', 'cascade-pod')).toBeUndefined();

    tree('orphan');
    await cluster.kubectl(['delete', 'deployment', 'orphan', '-n', 'team-a', '--cascade=orphan']);
    expect(store.get(REPLICASETS, 'team-a', 'orphan-rs')?.metadata.ownerReferences).toBeUndefined();

    const missing = await cluster.kubectl(['delete', 'pod', 'nope', '-n', 'team-a']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('Error from server (NotFound): pods "nope" not found');
  });

  it('creates namespaces and labels, annotates and patches objects', async () => {
    expect((await cluster.kubectl(['create', 'namespace', 'made-by-kubectl'])).stdout.trim()).toBe('namespace/made-by-kubectl created');
    const again = await cluster.kubectl(['create', 'namespace', 'made-by-kubectl']);
    expect(again.stderr.trim()).toBe('Error from server (AlreadyExists): namespaces "made-by-kubectl" already exists');
    expect((await cluster.kubectl(['label', 'pod', 'web-1', '-n', 'team-a', 'tier=front'])).stdout.trim()).toBe('pod/web-1 labeled');
    expect((await cluster.kubectl(['annotate', 'pod', 'web-1', '-n', 'team-a', 'note=hi'])).stdout.trim()).toBe('pod/web-1 annotated');
    const selected = await cluster.kubectl(['get', 'pods', '-n', 'team-a', '-l', 'tier in (front,back)', '-o', 'name']);
    expect(selected.stdout.trim()).toBe('pod/web-1');
    const notSelected = await cluster.kubectl(['get', 'pods', '-n', 'team-a', '-l', 'app=web,!tier', '-o', 'name']);
    expect(notSelected.stdout.trim()).toBe('pod/web-2');

    await writeFile(file('p.yaml'), deployment('patched', 1));
    await cluster.kubectl(['apply', '-f', file('p.yaml')]);
    const patch = '{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"nginx:2"}]}}}}';
    expect((await cluster.kubectl(['patch', 'deploy', 'patched', '-n', 'team-a', '-p', patch])).stdout.trim()).toBe('deployment.apps/patched patched');
    const container = (cluster.sim.store.get(DEPLOYMENTS, 'team-a', 'patched')!.spec as { template: { spec: { containers: object[] } } }).template.spec.containers[0];
    expect(container).toMatchObject({ name: 'main', image: 'nginx:2', ports: [{ containerPort: 8080 }] });
    const jsonPatch = await cluster.kubectl(['patch', 'deploy', 'patched', '-n', 'team-a', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":2}]']);
    expect(jsonPatch.code).toBe(0);
    expect(cluster.sim.store.get(DEPLOYMENTS, 'team-a', 'patched')?.spec).toMatchObject({ replicas: 2 });
  });

  it('lists api-resources and explains kinds from the OpenAPI documents', async () => {
    const resources = await cluster.kubectl(['api-resources']);
    expect(headerOf(resources.stdout)).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
    expect(rowOf(resources.stdout, 'pods')).toEqual(['pods', 'po', 'v1', 'true', 'Pod']);
    expect(rowOf(resources.stdout, 'deployments')).toEqual(['deployments', 'deploy', 'apps/v1', 'true', 'Deployment']);
    const explain = await cluster.kubectl(['explain', 'pods']);
    expect(explain.stdout).toMatch(/^KIND:\s+Pod$/m);
    expect(explain.stdout).toMatch(/^VERSION:\s+v1$/m);
    const field = await cluster.kubectl(['explain', 'deployment.spec.replicas']);
    expect(field.stdout).toMatch(/FIELD: replicas <integer>/);
  });

  it('serves custom resources as soon as their CRD exists, validating and pruning them by its schema', async () => {
    await writeFile(file('crd.yaml'), `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
  versions:
  - name: v1
    served: true
    storage: true
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec: {type: object, properties: {size: {type: integer}}}
`);
    expect((await cluster.kubectl(['apply', '-f', file('crd.yaml')])).code).toBe(0);
    await writeFile(file('w.yaml'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1, namespace: team-a}\nspec: {size: 3}\n');
    expect((await cluster.kubectl(['apply', '-f', file('w.yaml')])).stdout.trim()).toBe('widget.example.com/w1 created');
    const got = await cluster.kubectl(['get', 'wd', '-n', 'team-a']);
    expect(headerOf(got.stdout)).toEqual(['NAME', 'SIZE']);
    expect(rowOf(got.stdout, 'w1')).toEqual(['w1', '3']);
    const crds = await cluster.kubectl(['get', 'crd']);
    expect(headerOf(crds.stdout)).toEqual(['NAME', 'CREATED AT']);

    await writeFile(file('w2.yaml'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w2, namespace: team-a}\nspec: {size: 1, colour: red}\n');
    const strict = await cluster.kubectl(['apply', '-f', file('w2.yaml')]);
    expect(strict.stderr).toContain('Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.colour"');
    expect((await cluster.kubectl(['apply', '--validate=false', '-f', file('w2.yaml')])).code).toBe(0);
    expect(cluster.sim.store.get({ group: 'example.com', version: 'v1', resource: 'widgets' }, 'team-a', 'w2')?.spec).toEqual({ size: 1 });
    await writeFile(file('w3.yaml'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w3, namespace: team-a}\nspec: {size: big}\n');
    expect((await cluster.kubectl(['apply', '-f', file('w3.yaml')])).stderr.trim()).toBe(
      'The Widget "w3" is invalid: spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"',
    );
  });

  it('rejects unknown fields the way strict server-side validation does, and reports invalid objects', async () => {
    await writeFile(file('typo.yaml'), deployment('typo', 1).replace(/^spec:/m, 'spce:'));
    const strict = await cluster.kubectl(['apply', '-f', file('typo.yaml')]);
    expect(strict.code).toBe(1);
    expect(strict.stderr.trim()).toBe(
      `Error from server (BadRequest): error when creating "${file('typo.yaml')}": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spce"`,
    );
    await writeFile(file('bad.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: bad, namespace: team-a}\nspec: {containers: []}\n');
    const invalid = await cluster.kubectl(['apply', '-f', file('bad.yaml')]);
    expect(invalid.stderr.trim()).toBe('The Pod "bad" is invalid: spec.containers: Required value');
  });

  it('creates objects with the kubectl create generators, which send protobuf', async () => {
    const run = async (...args: string[]) => (await cluster.kubectl([...args, '-n', 'team-a'])).stdout.trim();
    expect(await run('create', 'deployment', 'gen', '--image=nginx:1.27', '--replicas=2', '--port=80')).toBe('deployment.apps/gen created');
    expect(await run('create', 'configmap', 'gen', '--from-literal=a=b')).toBe('configmap/gen created');
    expect(await run('create', 'secret', 'generic', 'gen', '--from-literal=password=s3cret')).toBe('secret/gen created');
    expect(await run('create', 'role', 'gen', '--verb=get', '--resource=pods')).toBe('role.rbac.authorization.k8s.io/gen created');
    expect(await run('create', 'job', 'gen', '--image=busybox')).toBe('job.batch/gen created');
    expect(await run('expose', 'deployment', 'gen', '--port=80', '--target-port=8080')).toBe('service/gen exposed');
    expect(await run('autoscale', 'deployment', 'gen', '--max=5', '--cpu-percent=80')).toBe('horizontalpodautoscaler.autoscaling/gen autoscaled');

    const { store } = cluster.sim;
    expect(store.get(DEPLOYMENTS, 'team-a', 'gen')?.spec).toMatchObject({
      replicas: 2,
      selector: { matchLabels: { app: 'gen' } },
      strategy: { type: 'RollingUpdate' },
      template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } },
    });
    const secret = store.get({ group: '', version: 'v1', resource: 'secrets' }, 'team-a', 'gen');
    expect(Buffer.from((secret?.data as Record<string, string>).password, 'base64').toString()).toBe('s3cret');
    expect(store.get({ group: '', version: 'v1', resource: 'services' }, 'team-a', 'gen')?.spec).toMatchObject({ ports: [{ port: 80, targetPort: 8080 }] });
    const hpa = await cluster.kubectl(['get', 'hpa', 'gen', '-n', 'team-a']);
    expect(rowOf(hpa.stdout, 'gen')?.slice(1, 5)).toEqual(['Deployment/gen', 'cpu: <unknown>/80%', '1', '5']);
  });

  const otherVersions = ['1.27', '1.33'].map(v => `/usr/lib/google-cloud-sdk/bin/kubectl.${v}`).filter(existsSync);
  (otherVersions.length ? describe : describe.skip)('with other kubectl releases', () => {
    it.each(otherVersions.map((binary, i) => [binary, i] as const))('applies, diffs, gets and asks can-i with %s', async (binary, i) => {
      const name = `compat-${i}`;
      await writeFile(file(`${name}.yaml`), deployment(name, 1));
      expect((await cluster.kubectl(['apply', '-f', file(`${name}.yaml`)], { binary })).stdout.trim()).toBe(`deployment.apps/${name} created`);
      await writeFile(file(`${name}.yaml`), deployment(name, 2));
      expect((await cluster.kubectl(['diff', '-f', file(`${name}.yaml`)], { binary })).code).toBe(1);
      expect((await cluster.kubectl(['apply', '-f', file(`${name}.yaml`)], { binary })).stdout.trim()).toBe(`deployment.apps/${name} configured`);
      const pods = await cluster.kubectl(['get', 'pods', '-n', 'team-a', '-o', 'wide'], { binary });
      expect(headerOf(pods.stdout)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
      expect((await cluster.kubectl(['auth', 'can-i', 'list', 'pods'], { binary })).stdout.trim()).toBe('yes');
    });
  });
});

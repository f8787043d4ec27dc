import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startCluster, type Cluster } from './harness';

jest.setTimeout(120_000);

describe('kubectl authentication and authorization against kube-sim', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it('answers auth can-i with yes/no and the exit code', async () => {
    const admin = await cluster.kubectl(['auth', 'can-i', 'delete', 'nodes']);
    expect([admin.stdout.trim(), admin.code]).toEqual(['yes', 0]);
    const read = await cluster.kubectl(['auth', 'can-i', 'list', 'pods', '-n', 'team-a'], { user: 'alice' });
    expect([read.stdout.trim(), read.code]).toEqual(['yes', 0]);
    const logs = await cluster.kubectl(['auth', 'can-i', 'get', 'pods/log', '-n', 'team-a'], { user: 'alice' });
    expect(logs.stdout.trim()).toBe('yes');
    const write = await cluster.kubectl(['auth', 'can-i', 'delete', 'pods', '-n', 'team-a'], { user: 'alice' });
    expect([write.stdout.trim(), write.code]).toEqual(['no', 1]);
    const elsewhere = await cluster.kubectl(['auth', 'can-i', 'list', 'pods', '-n', 'default'], { user: 'alice' });
    expect(elsewhere.stdout.trim()).toBe('no');
    const named = await cluster.kubectl(['auth', 'can-i', 'get', 'deployments/web', '-n', 'team-a'], { user: 'alice' });
    expect(named.stdout.trim()).toBe('yes');
    const otherName = await cluster.kubectl(['auth', 'can-i', 'get', 'deployments/api', '-n', 'team-a'], { user: 'alice' });
    expect(otherName.stdout.trim()).toBe('no');
  });

  it('lists the rules of a user with auth can-i --list', async () => {
    const out = await cluster.kubectl(['auth', 'can-i', '--list', '-n', 'team-a'], { user: 'alice' });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^pods\s+\[\]\s+\[\]\s+\[get list watch\]$/m);
    expect(out.stdout).toMatch(/^deployments\.apps\s+\[\]\s+\[web\]\s+\[get\]$/m);
  });

  it('refuses with the real 403 wording', async () => {
    const out = await cluster.kubectl(['get', 'pods', '-n', 'default'], { user: 'alice' });
    expect(out.code).toBe(1);
    expect(out.stderr.trim()).toBe(
      'Error from server (Forbidden): pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"',
    );
    const named = await cluster.kubectl(['delete', 'pod', 'web-1', '-n', 'team-a'], { user: 'alice' });
    expect(named.stderr.trim()).toBe(
      'Error from server (Forbidden): pods "web-1" is forbidden: User "alice" cannot delete resource "pods" in API group "" in the namespace "team-a"',
    );
  });

  it('rejects unknown tokens with 401', async () => {
    const file = path.join(cluster.dir, 'bad.kubeconfig');
    await writeFile(file, cluster.sim.kubeconfig('alice').replace('alice-token', 'wrong-token'));
    const out = await cluster.kubectl(['--kubeconfig', file, 'get', 'pods']);
    expect(out.code).toBe(1);
    expect(out.stderr.trim()).toBe('error: You must be logged in to the server (Unauthorized)');
  });

  it('honours impersonation only for callers allowed to impersonate', async () => {
    const proxied = await cluster.kubectl(['get', 'pods', '-n', 'team-a', '--as', 'alice', '-o', 'name'], { user: 'proxy' });
    expect(proxied.stdout.trim().split('\n')).toContain('pod/web-1');
    const proxiedDenied = await cluster.kubectl(['get', 'pods', '-n', 'default', '--as', 'alice'], { user: 'proxy' });
    expect(proxiedDenied.stderr).toContain('User "alice" cannot list resource "pods"');
    const refused = await cluster.kubectl(['get', 'pods', '--as', 'bob'], { user: 'alice' });
    expect(refused.stderr.trim()).toBe(
      'Error from server (Forbidden): users "bob" is forbidden: User "alice" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
  });

  it('tells who you are with auth whoami', async () => {
    const out = await cluster.kubectl(['auth', 'whoami'], { user: 'alice' });
    expect(out.stdout).toMatch(/^Username\s+alice$/m);
    expect(out.stdout).toMatch(/^Groups\s+\[developers system:authenticated\]$/m);
  });

  it('mints service-account tokens that authenticate as the service account', async () => {
    const token = await cluster.kubectl(['create', 'token', 'builder', '-n', 'team-a']);
    expect(token.code).toBe(0);
    const file = path.join(cluster.dir, 'sa.kubeconfig');
    await writeFile(file, cluster.sim.kubeconfig('alice').replace('alice-token', token.stdout.trim()));
    const who = await cluster.kubectl(['--kubeconfig', file, 'auth', 'whoami']);
    expect(who.stdout).toMatch(/^Username\s+system:serviceaccount:team-a:builder$/m);
    const pods = await cluster.kubectl(['--kubeconfig', file, 'get', 'pods', '-n', 'team-a', '-o', 'name']);
    expect(pods.stdout).toContain('pod/web-1');
  });

  it('reports server-side apply conflicts and takes over fields with --force-conflicts', async () => {
    const manifest = path.join(cluster.dir, 'cm.yaml');
    await writeFile(manifest, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa, namespace: team-a}\ndata: {key: one}\n');
    expect((await cluster.kubectl(['apply', '--server-side', '-f', manifest])).stdout.trim()).toBe('configmap/ssa serverside-applied');
    await cluster.kubectl(['patch', 'configmap', 'ssa', '-n', 'team-a', '--type=merge', '-p', '{"data":{"key":"two"}}']);
    const conflict = await cluster.kubectl(['apply', '--server-side', '-f', manifest]);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl-patch" using v1: .data.key');
    expect((await cluster.kubectl(['apply', '--server-side', '--force-conflicts', '-f', manifest])).code).toBe(0);
    expect(cluster.sim.store.get({ group: '', version: 'v1', resource: 'configmaps' }, 'team-a', 'ssa')?.data).toEqual({ key: 'one' });
  });
});

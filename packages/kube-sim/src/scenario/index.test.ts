import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateLargeScenario, loadScenario } from './index';

describe('loadScenario', () => {
  it('loads the demo with nodes, users, default RBAC and one of each failure', async () => {
    const demo = await loadScenario('demo');
    const kinds = (kind: string) => demo.objects.filter(o => o.kind === kind);
    expect(kinds('Node').map(n => n.metadata.name)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(kinds('Namespace').map(n => n.metadata.name)).toEqual(expect.arrayContaining(['default', 'kube-system', 'team-a', 'team-b', 'payments', 'monitoring']));
    expect(kinds('ClusterRole').map(r => r.metadata.name)).toEqual(expect.arrayContaining(['cluster-admin', 'admin', 'edit', 'view']));
    expect(demo.users.find(u => u.name === 'admin')?.groups).toContain('system:masters');
    const viewerBinding = kinds('ClusterRoleBinding').find(b => (b.subjects as Array<{ name: string }>)?.[0]?.name === 'viewer');
    expect(viewerBinding?.roleRef).toMatchObject({ kind: 'ClusterRole', name: 'view' });
    const devBinding = kinds('RoleBinding').find(b => b.metadata.namespace === 'team-a');
    expect(devBinding?.roleRef).toMatchObject({ kind: 'Role', name: 'developer' });
    const node2 = kinds('Node').find(n => n.metadata.name === 'node-2');
    expect(node2?.metadata.annotations?.['kube-sim.kubedeck.io/not-ready-after']).toBe('240');
    const text = JSON.stringify(demo.objects);
    for (const marker of ['crashloop', '"oom"', 'does-not-exist', 'SMTP_HOST', 'readiness-fail', 'liveness-fail', '"fail"', 'fast-ssd', '"16"']) {
      expect(text).toContain(marker);
    }
    const order = demo.objects.map(o => o.kind);
    expect(order.indexOf('Namespace')).toBeLessThan(order.indexOf('Deployment'));
    expect(order.lastIndexOf('ConfigMap')).toBeLessThan(order.indexOf('Deployment'));
  });

  it('loads a scenario file by path and reports a missing one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scenario-'));
    const file = path.join(dir, 'tiny.yaml');
    writeFileSync(file, 'nodes: [{name: solo, cpu: 2}]\nnamespaces: [apps]\nmetrics: false\n');
    const tiny = await loadScenario(file);
    expect(tiny.name).toBe('tiny');
    expect(tiny.metrics).toBe(false);
    expect(tiny.objects.find(o => o.kind === 'Node')?.status).toMatchObject({ capacity: { cpu: '2', pods: '110' } });
    await expect(loadScenario('no-such-scenario')).rejects.toThrow('scenario "no-such-scenario" not found');
  });

  it('generates the large scenario without a file', () => {
    const large = generateLargeScenario({ nodes: 20, pods: 600 });
    const pods = large.objects.filter(o => o.kind === 'Pod');
    expect(large.objects.filter(o => o.kind === 'Node')).toHaveLength(20);
    expect(pods).toHaveLength(600);
    expect(new Set(pods.map(p => `${p.metadata.namespace}/${p.metadata.name}`)).size).toBe(600);
    expect(pods[0].status).toMatchObject({ phase: 'Running', containerStatuses: [{ ready: true, started: true }] });
  });
});

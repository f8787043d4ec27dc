import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KUBECTL, rowOf } from './harness';
import { startSimCluster, until, type SimCluster } from './simCluster';

jest.setTimeout(90_000);

function httpText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    httpGet(url, res => {
      let body = '';
      res.on('data', chunk => (body += chunk));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

describe('kubectl against the simulated demo cluster', () => {
  let cluster: SimCluster;
  const kubectl = (...args: string[]) => cluster.kubectl(args);
  const podNamed = async (namespace: string, prefix: string) => {
    const { stdout } = await kubectl('get', 'pods', '-n', namespace, '-o', 'name');
    return stdout.split('\n').find(l => l.startsWith(`pod/${prefix}`))?.slice(4);
  };
  const statusRow = async (namespace: string, prefix: string) => {
    const name = await podNamed(namespace, prefix);
    return name ? rowOf((await kubectl('get', 'pods', '-n', namespace)).stdout, name) : undefined;
  };

  beforeAll(async () => {
    cluster = await startSimCluster('demo', 0.05);
    await until('web ready', async () => (await statusRow('team-a', 'web'))?.[1] === '1/1');
  });
  afterAll(async () => cluster?.stop());

  it('prints failing pods with the statuses kubectl shows on a real cluster', async () => {
    const expectations: Array<[string, string, RegExp]> = [
      ['team-a', 'recommender', /^CrashLoopBackOff$/],
      ['team-b', 'image-resizer', /^(ImagePullBackOff|ErrImagePull)$/],
      ['team-a', 'notifier', /^CreateContainerConfigError$/],
      ['team-b', 'ml-trainer', /^Pending$/],
      ['team-b', 'queue-worker', /^Running$/],
    ];
    for (const [namespace, prefix, status] of expectations) {
      const row = await until(`${prefix} ${status}`, async () => {
        const r = await statusRow(namespace, prefix);
        return r && status.test(r[2]) ? r : undefined;
      });
      expect(row[2]).toMatch(status);
    }
    expect((await statusRow('team-b', 'queue-worker'))?.[1]).toBe('0/1');
    const restarts = await statusRow('team-a', 'recommender');
    expect(restarts?.[3]).toMatch(/^\d+ \(\d+s ago\)$/);
    const watch = cluster.spawnKubectl(['get', 'pods', '-n', 'payments', '-w']);
    await until('OOMKilled in kubectl get -w', async () => watch.output().includes('OOMKilled'));
    watch.child.kill();
    const describe = await kubectl('describe', 'pod', '-n', 'team-b', (await podNamed('team-b', 'ml-trainer'))!);
    expect(describe.stdout).toContain('FailedScheduling');
    expect(describe.stdout).toContain('0/3 nodes are available: 1 node(s) had untolerated taint {workload: batch}, 2 Insufficient cpu, 2 Insufficient memory.');
  });

  it('reads logs: container, tail, since-time, label selector, previous and follow', async () => {
    const api = (await podNamed('team-a', 'api'))!;
    const noContainer = await kubectl('logs', '-n', 'team-a', api, '--tail', '1');
    expect(noContainer.stderr).toContain('Defaulted container "api" out of: api, envoy');
    const envoy = await kubectl('logs', '-n', 'team-a', api, '-c', 'envoy', '--tail', '2');
    expect(envoy.stdout.trim().split('\n')).toHaveLength(2);
    expect(envoy.stdout).toMatch(/HTTP\/1\.1" \d{3} /);
    const since = new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect((await kubectl('logs', '-n', 'team-a', api, '-c', 'api', `--since-time=${since}`)).stdout).toBe('');
    const byLabel = await kubectl('logs', '-n', 'team-a', '-l', 'app=web', '--tail', '1', '--prefix');
    expect(byLabel.stdout.trim().split('\n')).toHaveLength(3);
    expect(byLabel.stdout).toMatch(/^\[pod\/web-[a-z0-9]+-[a-z0-9]+\/nginx\] /m);

    const recommender = (await podNamed('team-a', 'recommender'))!;
    await until('a restart', async () => Number((await statusRow('team-a', 'recommender'))?.[3]?.split(' ')[0]) >= 2);
    const previous = await kubectl('logs', '-n', 'team-a', recommender, '--previous');
    expect(previous.stdout).toContain('panic: runtime error: invalid memory address or nil pointer dereference');
    const web = (await podNamed('team-a', 'web'))!;
    const none = await kubectl('logs', '-n', 'team-a', web, '--previous');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`previous terminated container "nginx" in pod "${web}" not found`);

    const follow = cluster.spawnKubectl(['logs', '-f', '-n', 'team-a', web, '--tail', '0']);
    await until('followed lines', async () => follow.output().split('\n').length > 3, 10_000);
    follow.child.kill();
  });

  it('execs commands and propagates exit codes', async () => {
    const web = (await podNamed('team-a', 'web'))!;
    expect(await kubectl('exec', '-n', 'team-a', web, '--', 'echo', 'hi')).toMatchObject({ stdout: 'hi\n', code: 0 });
    const failing = await kubectl('exec', '-n', 'team-a', web, '--', 'sh', '-c', 'cat /etc/nginx/conf.d/index.html; exit 3');
    expect(failing.stdout).toBe('<h1>Kubedeck demo shop</h1>\n');
    expect(failing.code).toBe(3);
    expect(failing.stderr).toContain('command terminated with exit code 3');
    const interactive = await cluster.kubectl(['exec', '-i', '-n', 'team-a', web, '--', 'sh'], { stdin: 'hostname\nexit 4\n' });
    expect(interactive).toMatchObject({ stdout: `${web}\n`, code: 4 });
  });

  it('copies files in and out with kubectl cp', async () => {
    const web = (await podNamed('team-a', 'web'))!;
    const dir = await mkdtemp(path.join(tmpdir(), 'kubectl-cp-'));
    await writeFile(path.join(dir, 'upload.txt'), 'héllo from kubectl cp\n');
    expect((await kubectl('cp', path.join(dir, 'upload.txt'), `team-a/${web}:/tmp/upload.txt`)).code).toBe(0);
    expect((await kubectl('exec', '-n', 'team-a', web, '--', 'cat', '/tmp/upload.txt')).stdout).toBe('héllo from kubectl cp\n');
    const download = await kubectl('cp', `team-a/${web}:/etc/nginx/conf.d`, path.join(dir, 'conf'));
    expect(download.code).toBe(0);
    expect(await readFile(path.join(dir, 'conf', 'index.html'), 'utf8')).toBe('<h1>Kubedeck demo shop</h1>\n');
    await rm(dir, { recursive: true, force: true });
  });

  it('serves older kubectl (1.27, 1.29) exec over SPDY', async () => {
    const web = (await podNamed('team-a', 'web'))!;
    for (const version of ['1.27', '1.29']) {
      const binary = path.join(path.dirname(await realpath(KUBECTL)), `kubectl.${version}`);
      const result = await cluster.kubectl(['exec', '-n', 'team-a', web, '--', 'sh', '-c', 'echo out; echo err >&2; exit 4'], { binary });
      expect(result).toMatchObject({ stdout: 'out\n', code: 4 });
      expect(result.stderr).toContain('err\ncommand terminated with exit code 4');
      const piped = await cluster.kubectl(['exec', '-i', '-n', 'team-a', web, '--', 'sh'], { binary, stdin: 'echo $HOSTNAME\n' });
      expect(piped).toMatchObject({ stdout: `${web}\n`, code: 0 });
    }
  });

  it('attaches to a running container', async () => {
    const web = (await podNamed('team-a', 'web'))!;
    const attach = cluster.spawnKubectl(['attach', '-n', 'team-a', web]);
    await until('attached output', async () => /HTTP\/1\.1" \d{3}/.test(attach.output()), 10_000);
    attach.child.kill();
    expect(attach.output()).toMatch(/^\d+\.\d+\.\d+\.\d+ - - \[/m);
  });

  it('forwards a local port to a pod and serves HTTP through it', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const forward = cluster.spawnKubectl(['port-forward', '-n', 'team-a', 'deploy/web', `${port}:80`]);
    await forward.waitFor(`Forwarding from 127.0.0.1:${port} -> 80`);
    const body = await httpText(`http://127.0.0.1:${port}/through-kubectl`);
    forward.child.kill();
    expect(body).toMatch(/^Hello from team-a\/web-\S+ \(container nginx\) on port 80: GET \/through-kubectl\n$/);
  });

  it('restarts, waits for and undoes a rollout, and scales', async () => {
    expect((await kubectl('rollout', 'restart', '-n', 'payments', 'deployment/checkout')).stdout).toBe('deployment.apps/checkout restarted\n');
    const status = await kubectl('rollout', 'status', '-n', 'payments', 'deployment/checkout', '--timeout=60s');
    expect(status.stdout).toContain('deployment "checkout" successfully rolled out');
    const history = await kubectl('rollout', 'history', '-n', 'payments', 'deployment/checkout');
    expect(history.stdout).toMatch(/^1\s+<none>$/m);
    expect(history.stdout).toMatch(/^2\s+<none>$/m);
    expect((await kubectl('rollout', 'undo', '-n', 'payments', 'deployment/checkout')).stdout).toBe('deployment.apps/checkout rolled back\n');
    await kubectl('rollout', 'status', '-n', 'payments', 'deployment/checkout', '--timeout=60s');
    expect((await kubectl('rollout', 'history', '-n', 'payments', 'deployment/checkout')).stdout).toMatch(/^3\s+<none>$/m);

    expect((await kubectl('scale', '-n', 'payments', 'deployment/checkout', '--replicas=3')).stdout).toBe('deployment.apps/checkout scaled\n');
    await until('3/3', async () => rowOf((await kubectl('get', 'deploy', '-n', 'payments')).stdout, 'checkout')?.[1] === '3/3', 60_000);
  });

  it('deletes pods gracefully (Terminating for the grace period), or at once with --force --grace-period=0', async () => {
    const run = async (name: string) => {
      await kubectl('run', name, '-n', 'team-b', '--image=busybox:1.36', '--restart=Never');
      await until(`${name} running`, async () => rowOf((await kubectl('get', 'pods', '-n', 'team-b')).stdout, name)?.[2] === 'Running');
    };
    const gone = async (name: string) => (await kubectl('get', 'pod', name, '-n', 'team-b')).stderr.includes('NotFound');

    await run('graceful');
    // 60 simulated seconds: 3 real seconds at this cluster's time scale.
    const deleted = await kubectl('delete', 'pod', 'graceful', '-n', 'team-b', '--grace-period=60', '--wait=false');
    expect(deleted.stdout).toBe('pod "graceful" deleted\n');
    expect(rowOf((await kubectl('get', 'pods', '-n', 'team-b')).stdout, 'graceful')?.[2]).toBe('Terminating');
    const marked = JSON.parse((await kubectl('get', 'pod', 'graceful', '-n', 'team-b', '-o', 'json')).stdout);
    expect(marked.metadata).toMatchObject({ deletionGracePeriodSeconds: 60, deletionTimestamp: expect.any(String) });
    const described = await kubectl('describe', 'pod', 'graceful', '-n', 'team-b');
    expect(described.stdout).toMatch(/^Status:\s+Terminating \(lasts .*\)$/m);
    expect(described.stdout).toMatch(/Killing\s+.*Stopping container graceful/);
    await until('graceful removed', () => gone('graceful'));

    await run('forced');
    const forced = await kubectl('delete', 'pod', 'forced', '-n', 'team-b', '--force', '--grace-period=0');
    expect(forced.stderr).toContain('Immediate deletion does not wait for confirmation that the running resource has been terminated');
    expect(forced.stdout).toBe('pod "forced" force deleted\n');
    expect(await gone('forced')).toBe(true);

    // The default (the pod's 30 s, 1.5 s here): kubectl waits until the pod is gone.
    await run('waited');
    expect((await kubectl('delete', 'pod', 'waited', '-n', 'team-b')).stdout).toBe('pod "waited" deleted\n');
    expect(await gone('waited')).toBe(true);
  });

  it('shows resource usage with kubectl top', async () => {
    const pods = await kubectl('top', 'pods', '-n', 'team-a');
    expect(pods.stdout.split('\n')[0]).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/);
    expect(pods.stdout).toMatch(/^web-\S+\s+\d+m\s+\d+Mi/m);
    const nodes = await kubectl('top', 'nodes');
    expect(nodes.stdout).toMatch(/^node-1\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/m);
  });
});

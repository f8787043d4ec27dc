import { WebSocket } from 'ws';
import { R } from '../sim/resources';
import { barePod, containerStatus, eventually, node, simulate } from '../sim/testing';
import { serveHandlers } from './testing';

type Session = { stdout: string; stderr: string; error: string; protocol: string };

function connect(url: string, protocol: string, onOpen?: (ws: WebSocket) => void): Promise<Session> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, [protocol]);
    const session: Session = { stdout: '', stderr: '', error: '', protocol: '' };
    ws.on('open', () => {
      session.protocol = ws.protocol;
      onOpen?.(ws);
    });
    ws.on('message', (data: Buffer) => {
      const text = data.subarray(1).toString();
      if (data[0] === 1) session.stdout += text;
      else if (data[0] === 2) session.stderr += text;
      else if (data[0] === 3) session.error += text;
    });
    ws.on('close', () => resolve(session));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

const command = (...argv: string[]) => argv.map(a => `command=${encodeURIComponent(a)}`).join('&');

describe('exec, attach and port-forward over WebSockets', () => {
  async function setup() {
    const env = await simulate({
      nodes: [node('a')],
      namespaces: ['apps'],
      objects: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'apps' }, data: { MODE: 'demo', 'app.conf': 'listen 8080\n' } },
        barePod('web', 'apps', {
          containers: [{
            name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }],
            env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'MODE' } } }],
            volumeMounts: [{ name: 'conf', mountPath: '/etc/app' }],
          }],
          volumes: [{ name: 'conf', configMap: { name: 'cfg' } }],
        }, { 'kube-sim.kubedeck.io/log-rate': '20' }),
      ],
    });
    await eventually('running', () => containerStatus(env.store.get(R.pods, 'apps', 'web'))?.state.running);
    const http = await serveHandlers(env.sim.handlers);
    const base = `${http.url.replace('http', 'ws')}/namespaces/apps/pods/web`;
    return { ...env, http, base };
  }

  it('runs a command and reports success on the v5 error channel', async () => {
    const { base, http, sim } = await setup();
    const session = await connect(`${base}/exec?${command('echo', 'hi')}&stdout=true&stderr=true`, 'v5.channel.k8s.io');
    expect(session).toEqual({ stdout: 'hi\n', stderr: '', error: '{"metadata":{},"status":"Success"}', protocol: 'v5.channel.k8s.io' });
    const files = await connect(`${base}/exec?${command('sh', '-c', 'echo $MODE; cat /etc/app/app.conf; cat /etc/hostname')}&stdout=true`, 'v4.channel.k8s.io');
    expect(files.stdout).toBe('demo\nlisten 8080\nweb\n');
    await http.close();
    await sim.stop();
  });

  it('propagates a non-zero exit code as a NonZeroExitCode Status', async () => {
    const { base, http, sim } = await setup();
    const session = await connect(`${base}/exec?${command('sh', '-c', 'echo oops >&2; exit 3')}&stdout=true&stderr=true`, 'v4.channel.k8s.io');
    expect(session.stderr).toBe('oops\n');
    expect(JSON.parse(session.error)).toEqual({
      metadata: {},
      status: 'Failure',
      message: 'command terminated with non-zero exit code: error executing command [sh -c echo oops >&2; exit 3], exit code 3',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    });
    await http.close();
    await sim.stop();
  });

  it('feeds stdin to an interactive shell until it exits', async () => {
    const { base, http, sim } = await setup();
    const session = await connect(`${base}/exec?${command('sh')}&stdin=true&stdout=true&stderr=true`, 'v5.channel.k8s.io', ws => {
      ws.send(Buffer.concat([Buffer.from([0]), Buffer.from('pwd\nexit 7\n')]));
    });
    expect(session.stdout).toBe('/\n');
    expect(JSON.parse(session.error).details.causes[0].message).toBe('7');
    await http.close();
    await sim.stop();
  });

  it('attaches to the main process output and echoes stdin', async () => {
    const { base, http, sim } = await setup();
    const session = await connect(`${base}/attach?stdin=true&stdout=true`, 'v5.channel.k8s.io', ws => {
      ws.send(Buffer.concat([Buffer.from([0]), Buffer.from('ping\n')]));
      setTimeout(() => ws.close(), 300);
    });
    expect(session.stdout).toContain('ping\n');
    expect(session.stdout).toMatch(/HTTP\/1\.1" \d{3}/);
    await http.close();
    await sim.stop();
  });

  it('forwards a port to the built-in HTTP responder (v4 channel protocol)', async () => {
    const { base, http, sim } = await setup();
    const frames: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(`${base}/portforward?ports=80`, ['v4.channel.k8s.io']);
      ws.on('message', (data: Buffer) => {
        frames.push(data);
        if (frames.length === 2) ws.send(Buffer.concat([Buffer.from([0]), Buffer.from('GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')]));
      });
      ws.on('close', () => resolve());
      ws.on('error', reject);
    });
    expect(frames[0]).toEqual(Buffer.from([0, 80, 0]));
    expect(frames[1]).toEqual(Buffer.from([1, 80, 0]));
    const reply = frames[2].subarray(1).toString();
    expect(reply.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(reply).toContain('Hello from apps/web (container web) on port 80: GET /hello');
    await http.close();
    await sim.stop();
  });

  it('refuses exec into a container that is not running', async () => {
    const { http, sim, store } = await setup();
    store.create(R.pods, barePod('pending', 'apps', { nodeSelector: { none: 'x' }, containers: [{ name: 'c', image: 'x:1' }] }));
    await expect(connect(`${http.url.replace('http', 'ws')}/namespaces/apps/pods/pending/exec?${command('ls')}`, 'v5.channel.k8s.io')).rejects.toThrow('HTTP 404');
    await http.close();
    await sim.stop();
  });
});

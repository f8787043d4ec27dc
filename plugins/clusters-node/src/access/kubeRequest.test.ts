import http from 'node:http';
import { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { ImpersonatingKubeConfig } from './impersonation';
import { readKubeJson } from './kubeErrors';
import { sendKubeRequest } from './kubeRequest';

describe('sendKubeRequest', () => {
  let server: http.Server;
  let kubeConfig: KubeConfig;
  const seen: http.IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      if (req.url?.startsWith('/missing')) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({ kind: 'Status', message: 'pods "x" not found' }),
        );
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ url: req.url }));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    kubeConfig = new KubeConfig();
    kubeConfig.loadFromClusterAndUser(
      { name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: true },
      { name: 'u', token: 'plugin-token' },
    );
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));
  beforeEach(() => {
    seen.length = 0;
  });

  it('sends the token and query, and strips impersonation headers from callers', async () => {
    const response = await sendKubeRequest(kubeConfig, {
      path: '/api/v1/pods',
      query: { limit: 5, continue: undefined },
      headers: { 'Impersonate-User': 'system:admin', 'X-Other': 'kept' },
    });
    await expect(readKubeJson(response)).resolves.toEqual({
      url: '/api/v1/pods?limit=5',
    });
    expect(seen[0].authorization).toBe('Bearer plugin-token');
    expect(seen[0]['impersonate-user']).toBeUndefined();
    expect(seen[0]['x-other']).toBe('kept');
  });

  it('impersonates the caller with user and groups', async () => {
    const impersonating = new ImpersonatingKubeConfig(kubeConfig, {
      user: 'user:default/alice',
      groups: ['group:default/team-a', 'group:default/ops'],
    });
    await readKubeJson(
      await sendKubeRequest(impersonating, {
        path: '/version',
        headers: { 'impersonate-group': 'system:masters' },
      }),
    );
    expect(seen[0]['impersonate-user']).toBe('user:default/alice');
    expect(seen[0]['impersonate-group']).toBe(
      'group:default/team-a, group:default/ops',
    );
  });

  it('turns Kubernetes statuses into Backstage errors', async () => {
    const response = await sendKubeRequest(kubeConfig, { path: '/missing' });
    await expect(readKubeJson(response)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'pods "x" not found',
    });
  });
});

import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ForbiddenAddressError, SafeHttpClient } from './SafeHttpClient';

function listen(
  host: string,
  handler: http.RequestListener,
): Promise<{ server: http.Server; port: number; hits: () => number }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits += 1;
    handler(req, res);
  });
  return new Promise(resolve =>
    server.listen(0, host, () =>
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        hits: () => hits,
      }),
    ),
  );
}

describe('SafeHttpClient', () => {
  let target: Awaited<ReturnType<typeof listen>>;
  let redirector: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    target = await listen('127.0.0.1', (_req, res) => res.end('internal'));
    redirector = await listen('127.0.0.2', (_req, res) => {
      res.statusCode = 302;
      res.setHeader('location', `http://127.0.0.1:${target.port}/admin`);
      res.end();
    });
  });

  afterAll(async () => {
    target.server.close();
    redirector.server.close();
  });

  const corpus = () => [
    `http://127.1:${target.port}/`,
    `http://0x7f000001:${target.port}/`,
    `http://2130706433:${target.port}/`,
    `http://[::ffff:127.0.0.1]:${target.port}/`,
    `http://[::1]:${target.port}/`,
    `http://0.0.0.0:${target.port}/`,
    `http://localhost:${target.port}/`,
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/',
    'http://10.0.0.1/',
    'http://192.168.1.1/',
    'http://100.100.100.200/',
  ];

  it('refuses every loopback, private, link-local and metadata address without allowlist', async () => {
    const client = new SafeHttpClient();
    for (const url of corpus()) {
      await expect(
        client.request({ url, method: 'POST', body: '{}' }),
      ).rejects.toThrow(ForbiddenAddressError);
    }
    expect(target.hits()).toBe(0);
  });

  it('refuses a redirect to a private address', async () => {
    // Only the redirecting server's own address is allowed; where it points is not.
    const client = new SafeHttpClient({ allowPrivateNetworks: ['127.0.0.2'] });
    await expect(
      client.request({ url: `http://127.0.0.2:${redirector.port}/hook` }),
    ).rejects.toThrow(/Refusing 127.0.0.1: loopback address/);
    expect(redirector.hits()).toBe(1);
    expect(target.hits()).toBe(0);
  });

  it('refuses other schemes and embedded credentials', async () => {
    const client = new SafeHttpClient();
    await expect(client.request({ url: 'file:///etc/passwd' })).rejects.toThrow(
      /Scheme file: is not allowed/,
    );
    await expect(
      client.request({ url: 'http://user:pw@example.com/' }),
    ).rejects.toThrow(/credentials/);
  });

  it('calls an allowlisted address and follows its redirects', async () => {
    const client = new SafeHttpClient({
      allowPrivateNetworks: ['127.0.0.0/8'],
    });
    const response = await client.request({
      url: `http://127.0.0.2:${redirector.port}/hook`,
    });
    expect(response.status).toBe(200);
    expect(response.body).toBe('internal');
    expect(response.url).toBe(`http://127.0.0.1:${target.port}/admin`);
  });
});

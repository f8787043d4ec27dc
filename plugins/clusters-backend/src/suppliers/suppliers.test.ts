import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  builtInSuppliers,
  ConfigClusterSupplier,
  DemoClusterSupplier,
  KubeconfigFileSupplier,
} from '.';

const logger = mockServices.logger.mock();

function kubeconfig(contexts: string[]) {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: contexts.map(c => ({
      name: `${c}-cluster`,
      cluster: { server: `https://${c}.example:6443` },
    })),
    users: contexts.map(c => ({
      name: `${c}-user`,
      user: { token: `${c}-token` },
    })),
    contexts: contexts.map(c => ({
      name: c,
      context: { cluster: `${c}-cluster`, user: `${c}-user` },
    })),
    'current-context': contexts[0],
  });
}

describe('cluster suppliers', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'suppliers-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('reads config entries with token, token file or client certificate, impersonation and filters', async () => {
    const tokenFile = path.join(dir, 'token');
    await fs.writeFile(tokenFile, 'from-file');
    const supplier = ConfigClusterSupplier.fromConfig(
      new ConfigReader({
        kubedeck: {
          clusters: {
            list: [
              {
                name: 'a',
                url: 'https://a:6443',
                caData: 'Q0E=',
                auth: { token: 'tok' },
                impersonateUsers: true,
                namespaces: {
                  allow: ['x'],
                  exclude: ['kube-.*'],
                  excludeLabels: ['hidden'],
                },
              },
              {
                name: 'b',
                title: 'B',
                url: 'https://b:6443',
                skipTLSVerify: true,
                auth: { tokenFile },
              },
              {
                name: 'c',
                url: 'https://c:6443',
                auth: { clientCertData: 'Y2VydA==', clientKeyData: 'a2V5' },
              },
            ],
          },
        },
      }),
    );
    const [a, b, c] = await supplier.getClusters();
    expect(a).toMatchObject({
      name: 'a',
      connectionType: 'direct',
      impersonateUsers: true,
      namespaceFilters: {
        allow: ['x'],
        exclude: ['kube-.*'],
        excludeLabels: ['hidden'],
      },
    });
    expect(a.kubeConfig.getCurrentCluster()).toMatchObject({
      server: 'https://a:6443',
      caData: 'Q0E=',
    });
    expect(a.kubeConfig.getCurrentUser()?.token).toBe('tok');
    const opts: any = { headers: {} };
    await b.kubeConfig.applyToHTTPSOptions(opts);
    expect(opts.headers.Authorization).toBe('Bearer from-file');
    expect(b).toMatchObject({ title: 'B', impersonateUsers: false });
    expect(c.kubeConfig.getCurrentUser()).toMatchObject({
      certData: 'Y2VydA==',
      keyData: 'a2V5',
    });
  });

  it('refuses ambiguous credentials and invalid patterns', () => {
    const entry = (extra: object) =>
      new ConfigReader({
        kubedeck: {
          clusters: { list: [{ name: 'x', url: 'https://x', ...extra }] },
        },
      });
    expect(() =>
      ConfigClusterSupplier.fromConfig(
        entry({ auth: { token: 'a', tokenFile: '/t' } }),
      ),
    ).toThrow(/one of token/);
    expect(() =>
      ConfigClusterSupplier.fromConfig(
        entry({ auth: { clientCertData: 'a' } }),
      ),
    ).toThrow(/go together/);
    expect(() =>
      ConfigClusterSupplier.fromConfig(
        entry({ namespaces: { include: ['('] } }),
      ),
    ).toThrow(/regular expression/);
  });

  it('turns each chosen kubeconfig context into a cluster and follows file changes', async () => {
    const file = path.join(dir, 'kubeconfig');
    await fs.writeFile(file, kubeconfig(['dev', 'prod', 'lab']));
    const supplier = KubeconfigFileSupplier.fromConfig(
      new ConfigReader({
        kubedeck: {
          clusters: { kubeconfig: [{ path: file, contexts: ['dev', 'prod'] }] },
        },
      }),
      logger,
    );
    const clusters = await supplier.getClusters();
    expect(clusters.map(c => c.name)).toEqual(['dev', 'prod']);
    expect(clusters[1].kubeConfig.getCurrentCluster()?.server).toBe(
      'https://prod.example:6443',
    );
    expect(clusters[1].kubeConfig.getCurrentUser()?.token).toBe('prod-token');
    await fs.writeFile(file, kubeconfig(['dev']));
    await fs.utimes(file, new Date(), new Date(Date.now() + 5000));
    expect((await supplier.getClusters()).map(c => c.name)).toEqual(['dev']);
    await fs.rm(file);
    expect(await supplier.getClusters()).toEqual([]);
  });

  it('supplies the demo cluster once kube-sim has written its kubeconfig', async () => {
    const file = path.join(dir, 'demo-kubeconfig');
    const supplier = DemoClusterSupplier.fromConfig(
      new ConfigReader({
        kubedeck: { clusters: { demo: { kubeconfigPath: file } } },
      }),
      logger,
    )!;
    expect(await supplier.getClusters()).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('No demo cluster'),
    );
    await fs.writeFile(file, kubeconfig(['admin@kube-sim-demo']));
    const [demo] = await supplier.getClusters();
    expect(demo).toMatchObject({ name: 'demo', connectionType: 'demo' });
  });

  it('enables only what config asks for', () => {
    expect(
      builtInSuppliers(new ConfigReader({}), logger).map(s => s.id),
    ).toEqual(['config', 'kubeconfig']);
  });
});

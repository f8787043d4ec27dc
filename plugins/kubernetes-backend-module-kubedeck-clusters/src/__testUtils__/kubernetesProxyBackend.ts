/**
 * A test backend with Backstage's Kubernetes plugin, this module and the clusters plugin, plus
 * whatever features and config the options add (such as the agent hub and its clusters module).
 * With `kubeconfigPath`, its Kubedeck cluster `direct` is that kubeconfig's API server.
 * Backstage's Kubernetes proxy loads `@kubernetes/client-node` with a dynamic `import()`, which
 * Jest cannot run without `--experimental-vm-modules`; so tests start this file in a child
 * process through tsx (`tsx kubernetesProxyBackend.ts <options as JSON>`), which prints
 * `listening <port>`.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import clustersPlugin from '@kubedeck/plugin-clusters-backend';
import type { AddressInfo } from 'node:net';
import { parse } from 'yaml';
import { kubernetesModuleKubedeckClusters } from '../module';

export type KubernetesProxyBackendOptions = {
  /** Makes the kubeconfig's API server the Kubedeck cluster `direct`. */
  kubeconfigPath?: string;
  /** More backend features, each a named export of a module resolved from this file. */
  features?: Array<{ module: string; exportName: string }>;
  /** Merged into the `kubedeck` config. */
  kubedeck?: Record<string, unknown>;
};

async function directClusters(kubeconfigPath: string | undefined) {
  if (!kubeconfigPath) return [];
  const kubeconfig = parse(await fs.readFile(kubeconfigPath, 'utf8'));
  return [
    {
      name: 'direct',
      url: kubeconfig.clusters[0].cluster.server,
      caData: kubeconfig.clusters[0].cluster['certificate-authority-data'],
      auth: { token: kubeconfig.users[0].user.token },
    },
  ];
}

async function main(options: KubernetesProxyBackendOptions) {
  const features = (options.features ?? []).map(
    feature => require(feature.module)[feature.exportName],
  );
  const backend = await startTestBackend({
    features: [
      kubernetesPlugin,
      kubernetesModuleKubedeckClusters,
      clustersPlugin,
      ...features,
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost:7007' },
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [{ type: 'config', clusters: [] }],
          },
          kubedeck: {
            clusters: {
              diagnosis: { intervalSeconds: 3600 },
              list: await directClusters(options.kubeconfigPath),
            },
            ...options.kubedeck,
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  process.stdout.write(`listening ${port}\n`);
  const stop = () => void backend.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  // the test process went away without stopping us
  process.stdin.on('end', stop);
  process.stdin.resume();
}

/** Starts the backend above in a child process; resolves with its URL. */
export async function spawnKubernetesProxyBackend(
  options: KubernetesProxyBackendOptions,
) {
  const child: ChildProcess = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), __filename, JSON.stringify(options)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`the backend did not start: ${output}`)),
      90_000,
    );
    child.stdout!.on('data', chunk => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', code => {
      clearTimeout(timer);
      reject(new Error(`the backend exited (${code}): ${output}`));
    });
  }).catch(error => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(resolve => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

if (require.main === module) {
  main(JSON.parse(process.argv[2])).catch(error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  });
}

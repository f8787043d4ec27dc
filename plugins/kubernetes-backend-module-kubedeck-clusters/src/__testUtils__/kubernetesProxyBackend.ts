/**
 * A test backend with Backstage's Kubernetes plugin, this module and the clusters plugin, whose
 * only Kubedeck cluster, `direct`, is the API server of a kubeconfig. Backstage's Kubernetes
 * proxy loads `@kubernetes/client-node` with a dynamic `import()`, which Jest cannot run
 * without `--experimental-vm-modules`; so tests start this file in a child process through
 * tsx (`tsx kubernetesProxyBackend.ts <kubeconfig>`), which prints `listening <port>`.
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

async function main(kubeconfigPath: string) {
  const kubeconfig = parse(await fs.readFile(kubeconfigPath, 'utf8'));
  const backend = await startTestBackend({
    features: [
      kubernetesPlugin,
      kubernetesModuleKubedeckClusters,
      clustersPlugin,
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [{ type: 'config', clusters: [] }],
          },
          kubedeck: {
            clusters: {
              diagnosis: { intervalSeconds: 3600 },
              list: [
                {
                  name: 'direct',
                  url: kubeconfig.clusters[0].cluster.server,
                  caData:
                    kubeconfig.clusters[0].cluster[
                      'certificate-authority-data'
                    ],
                  auth: { token: kubeconfig.users[0].user.token },
                },
              ],
            },
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
export async function spawnKubernetesProxyBackend(kubeconfigPath: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), __filename, kubeconfigPath],
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
  main(process.argv[2]).catch(error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  });
}

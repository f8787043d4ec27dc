import { mockCredentials } from '@backstage/backend-test-utils';
import { KUBECTL } from '@kubedeck/kube-sim/src/conformance/harness';
// The forwarder and child-process backend are shared test utilities of the Kubernetes module.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { startKubernetesProxyForwarder } from '@kubedeck/plugin-kubernetes-backend-module-kubedeck-clusters/src/__testUtils__/kubernetesProxyForwarder';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { spawnKubernetesProxyBackend } from '@kubedeck/plugin-kubernetes-backend-module-kubedeck-clusters/src/__testUtils__/kubernetesProxyBackend';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startTestAgent } from '../__testUtils__/agent';
import { freePort } from '../__testUtils__/hub';
import { startSim, waitFor } from '../__testUtils__/sim';

jest.setTimeout(150_000);

const haveKubectl = existsSync(KUBECTL);
if (!haveKubectl) {
  // eslint-disable-next-line no-console
  console.warn(`kubectl through the Kubernetes proxy: skipped, no ${KUBECTL}`);
}

(haveKubectl ? describe : describe.skip)(
  "kubectl through Backstage's Kubernetes proxy to an agent cluster",
  () => {
    it('gets pods, reads logs and execs through the agent tunnel', async () => {
      const sim = await startSim();
      const grpcPort = await freePort();
      const backend = await spawnKubernetesProxyBackend({
        features: [
          {
            module: require.resolve('../plugin'),
            exportName: 'agentHubPlugin',
          },
          {
            module: require.resolve('../module'),
            exportName: 'clustersModuleAgentHub',
          },
        ],
        kubedeck: {
          agentHub: {
            grpc: { host: '127.0.0.1', port: grpcPort, insecure: true },
          },
        },
      });
      const backstageToken = mockCredentials.user.token();
      const forwarder = await startKubernetesProxyForwarder({
        backendUrl: backend.url,
        cluster: 'edge',
        backstageToken,
      });
      const kubeconfig = path.join(sim.dir, 'proxy.kubeconfig');
      await fs.writeFile(kubeconfig, forwarder.kubeconfig());
      const run = (config: string, args: string[]) =>
        new Promise<{ stdout: string; stderr: string; code: number }>(
          resolve => {
            execFile(
              KUBECTL,
              ['--request-timeout=30s', `--kubeconfig=${config}`, ...args],
              {
                env: { ...process.env, HOME: sim.dir, KUBECTL_KUBERC: 'false' },
              },
              (error, stdout, stderr) =>
                resolve({ stdout, stderr, code: error ? 1 : 0 }),
            );
          },
        );
      const kubectl = (...args: string[]) => run(kubeconfig, args);
      let agent: Awaited<ReturnType<typeof startTestAgent>> | undefined;
      try {
        const created = await fetch(`${backend.url}/api/agent-hub/v1/tokens`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${backstageToken}`,
          },
          body: JSON.stringify({ clusterName: 'edge', preset: 'admin' }),
        });
        expect(created.status).toBe(201);
        agent = await startTestAgent({
          grpcPort,
          kubeconfigPath: sim.kubeconfigPath,
          clusterName: 'edge',
          token: ((await created.json()) as { token: string }).token,
        });
        await waitFor(() => agent!.agent.state === 'connected', 'the agent');

        const pods = await waitFor(
          async () => {
            const result = await kubectl('get', 'pods', '-n', 'team-a');
            return /^web-\S+\s+1\/1\s+Running/m.test(result.stdout) && result;
          },
          'a running pod through the proxy',
          60_000,
        );
        expect(pods.stderr).toBe('');
        expect(pods.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
        const web = /^(web-\S+)\s+1\/1\s+Running/m.exec(pods.stdout)![1];

        const logs = await kubectl('logs', web, '-n', 'team-a');
        const direct = await run(sim.kubeconfigPath, [
          'logs',
          web,
          '-n',
          'team-a',
        ]);
        expect(logs.code).toBe(0);
        expect(logs.stdout.trim().split('\n').length).toBeGreaterThan(0);
        // the log only grows: what came through the proxy is where the direct read starts
        expect(direct.stdout.startsWith(logs.stdout)).toBe(true);

        const exec = await kubectl(
          'exec',
          '-n',
          'team-a',
          web,
          '--',
          'echo',
          'through the agent',
        );
        expect(exec.stderr).toBe('');
        expect(exec.stdout).toBe('through the agent\n');
      } finally {
        await agent?.stop();
        await forwarder.close();
        await backend.close();
        await sim.close();
      }
    });
  },
);

import { mockCredentials } from '@backstage/backend-test-utils';
import { startSimCluster } from '@kubedeck/kube-sim/src/conformance/simCluster';
import { KUBECTL } from '@kubedeck/kube-sim/src/conformance/harness';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { startKubernetesProxyForwarder } from './__testUtils__/kubernetesProxyForwarder';
import { spawnKubernetesProxyBackend } from './__testUtils__/kubernetesProxyBackend';

jest.setTimeout(120_000);

type Kubectl = (
  kubeconfig: string,
  args: string[],
) => Promise<{ stdout: string; stderr: string; code: number }>;

const haveKubectl = existsSync(KUBECTL);
if (!haveKubectl) {
  // eslint-disable-next-line no-console
  console.warn(`kubectl through the Kubernetes proxy: skipped, no ${KUBECTL}`);
}

(haveKubectl ? describe : describe.skip)(
  "kubectl through Backstage's Kubernetes proxy",
  () => {
    it('reads pods, YAML and logs of a directly connected Kubedeck cluster', async () => {
      const sim = await startSimCluster('demo', 0.2);
      const home = await fs.mkdtemp(path.join(os.tmpdir(), 'kubectl-proxy-'));
      const kubectl: Kubectl = (kubeconfig, args) =>
        new Promise(resolve => {
          execFile(
            KUBECTL,
            ['--request-timeout=30s', `--kubeconfig=${kubeconfig}`, ...args],
            { env: { ...process.env, HOME: home, KUBECTL_KUBERC: 'false' } },
            (error, stdout, stderr) =>
              resolve({ stdout, stderr, code: error ? 1 : 0 }),
          );
        });
      const backend = await spawnKubernetesProxyBackend({
        kubeconfigPath: sim.kubeconfig,
        // Kubedeck's audit trail, as packages/backend installs it for every plugin.
        features: [
          {
            module: '@kubedeck/plugin-audit-node',
            exportName: 'kubedeckAuditorServiceFactory',
          },
          { module: '@kubedeck/plugin-audit-backend', exportName: 'default' },
        ],
      });
      const backendUrl = backend.url;
      const forwarder = await startKubernetesProxyForwarder({
        backendUrl,
        cluster: 'direct',
        backstageToken: mockCredentials.user.token(),
      });
      const impostor = await startKubernetesProxyForwarder({
        backendUrl,
        cluster: 'direct',
        backstageToken: mockCredentials.user.invalidToken(),
      });
      const viaProxy = path.join(home, 'proxy.kubeconfig');
      const viaImpostor = path.join(home, 'impostor.kubeconfig');
      await fs.writeFile(viaProxy, forwarder.kubeconfig());
      await fs.writeFile(viaImpostor, impostor.kubeconfig());
      try {
        let pods = await kubectl(viaProxy, ['get', 'pods', '-n', 'team-a']);
        for (
          let i = 0;
          i < 50 && !/web-\S+\s+1\/1\s+Running/.test(pods.stdout);
          i++
        ) {
          await new Promise(r => setTimeout(r, 200));
          pods = await kubectl(viaProxy, ['get', 'pods', '-n', 'team-a']);
        }
        expect(pods.stderr).toBe('');
        expect(pods.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
        const web = /^(web-\S+)\s+1\/1\s+Running/m.exec(pods.stdout)?.[1];
        expect(web).toBeDefined();

        const yaml = await kubectl(viaProxy, [
          'get',
          'pod',
          web!,
          '-n',
          'team-a',
          '-o',
          'yaml',
        ]);
        expect(yaml.code).toBe(0);
        const pod = parse(yaml.stdout);
        expect(pod).toMatchObject({
          kind: 'Pod',
          metadata: { name: web, namespace: 'team-a', labels: { app: 'web' } },
          status: { phase: 'Running' },
        });

        const proxied = await kubectl(viaProxy, ['logs', web!, '-n', 'team-a']);
        const direct = await sim.kubectl(['logs', web!, '-n', 'team-a']);
        expect(proxied.code).toBe(0);
        const lines = proxied.stdout.trim().split('\n');
        expect(lines.length).toBeGreaterThan(0);
        // the log only grows: what came through the proxy is where the direct read starts
        expect(direct.stdout.startsWith(proxied.stdout)).toBe(true);

        // following streams through the proxy: new lines arrive while kubectl waits
        const follow = spawn(
          KUBECTL,
          [
            `--kubeconfig=${viaProxy}`,
            'logs',
            '-f',
            '--tail=1',
            web!,
            '-n',
            'team-a',
          ],
          { env: { ...process.env, HOME: home, KUBECTL_KUBERC: 'false' } },
        );
        const followed: string[] = [];
        try {
          await new Promise<void>((resolve, reject) => {
            follow.stdout.on('data', chunk => {
              followed.push(...String(chunk).split('\n').filter(Boolean));
              if (followed.length >= 3) resolve();
            });
            follow.on('exit', code =>
              reject(new Error(`kubectl logs -f ended (${code}): ${followed}`)),
            );
          });
        } finally {
          follow.kill();
        }
        expect(new Set(followed).size).toBeGreaterThanOrEqual(3);

        // A write through Backstage's proxy lands in Kubedeck's audit trail, with its author.
        const annotated = await kubectl(viaProxy, [
          'annotate',
          'pod',
          web!,
          '-n',
          'team-a',
          'example.com/checked=yes',
        ]);
        expect(annotated.stderr).toBe('');
        // Backstage's proxy records each request before forwarding it (not its outcome).
        const audit = await fetch(
          `${backendUrl}/api/kubedeck-audit/events?plugin=kubernetes`,
          {
            headers: {
              authorization: `Bearer ${mockCredentials.user.token()}`,
            },
          },
        ).then(r => r.json());
        expect(audit.items).toContainEqual(
          expect.objectContaining({
            actor: mockCredentials.user().principal.userEntityRef,
            plugin: 'kubernetes',
            action: 'PATCH',
            target: `/api/kubernetes/proxy/api/v1/namespaces/team-a/pods/${web}`,
            metadata: expect.objectContaining({
              meta: expect.objectContaining({ clusterName: 'direct' }),
            }),
          }),
        );

        const refused = await kubectl(viaImpostor, [
          'get',
          'pods',
          '-n',
          'team-a',
        ]);
        expect(refused.code).not.toBe(0);
        expect(refused.stderr).toMatch(/You must be logged in to the server/);
      } finally {
        await forwarder.close();
        await impostor.close();
        await backend.close();
        await sim.stop();
        await fs.rm(home, { recursive: true, force: true });
      }
    });
  },
);

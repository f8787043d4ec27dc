import { KubeSim, KubeSimOptions, startKubeSim } from '@kubedeck/kube-sim';
import { loadScenario } from '@kubedeck/kube-sim/src/scenario';
import fs from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ClustersTestBackend, startClustersTestBackend } from './testBackend';

/** Calls kube-sim directly as its admin. */
export async function kubeSimRequest(
  url: string,
  token: string,
  caData: string,
  apiPath: string,
  init: { method?: string; body?: unknown; contentType?: string } = {},
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${url}${apiPath}`,
      {
        method: init.method ?? 'GET',
        ca: Buffer.from(caData, 'base64'),
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': init.contentType ?? 'application/json',
        },
      },
      res => {
        let text = '';
        res.on('data', c => (text += c));
        res.on('end', () => {
          let body: any = text;
          try {
            body = JSON.parse(text);
          } catch {
            /* text */
          }
          resolve({ status: res.statusCode!, body });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body === undefined ? undefined : JSON.stringify(init.body));
  });
}

/** Gives kube-sim's simulation a moment to start the demo workloads' pods. */
async function waitForRunningPods(url: string, token: string, caData: string) {
  for (let i = 0; i < 30; i++) {
    const { body } = await kubeSimRequest(
      url,
      token,
      caData,
      '/api/v1/namespaces/team-a/pods',
    );
    const running = (body.items ?? []).filter(
      (p: any) => p.status?.phase === 'Running',
    );
    if (running.length >= 2) return;
    await new Promise(r => setTimeout(r, 100));
  }
}

/** kube-sim plus the clusters plugin, as tests use them. */
export type KubeSimBackend = Omit<ClustersTestBackend, 'stop'> & {
  sim: KubeSim;
  /** Calls kube-sim directly as its admin. */
  kube(
    apiPath: string,
    init?: Parameters<typeof kubeSimRequest>[4],
  ): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
};

/**
 * kube-sim with the demo scenario plus the clusters plugin in a test backend. Clusters: `demo`
 * (the demo supplier), `filtered` (same API server, namespace `payments` hidden) and `offline`
 * (nothing listens there).
 */
export async function startKubeSimBackend(
  options: Omit<Partial<KubeSimOptions>, 'scenario'> & {
    metrics?: boolean;
  } = {},
): Promise<KubeSimBackend> {
  const { metrics = true, ...simOptions } = options;
  const scenario = { ...(await loadScenario('demo')), metrics };
  const sim = await startKubeSim({ scenario, port: 0, ...simOptions });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kubedeck-clusters-'));
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  await fs.writeFile(kubeconfigPath, sim.kubeconfig());
  const kubeconfig = parse(sim.kubeconfig());
  const caData = kubeconfig.clusters[0].cluster['certificate-authority-data'];
  const token = kubeconfig.users[0].user.token;

  await waitForRunningPods(sim.url, token, caData);

  const backend = await startClustersTestBackend({
    demo: { kubeconfigPath },
    list: [
      {
        name: 'filtered',
        url: sim.url,
        caData,
        auth: { token },
        namespaces: { exclude: ['payments'] },
      },
      {
        name: 'impersonating',
        url: sim.url,
        caData,
        auth: { token },
        impersonateUsers: true,
      },
      {
        name: 'offline',
        url: 'https://127.0.0.1:1',
        skipTLSVerify: true,
        auth: { token: 'x' },
      },
    ],
  });

  return {
    sim,
    server: backend.server,
    state: backend.state,
    kube: (p: string, init?: Parameters<typeof kubeSimRequest>[4]) =>
      kubeSimRequest(sim.url, token, caData, p, init),
    async close() {
      await backend.stop();
      await sim.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

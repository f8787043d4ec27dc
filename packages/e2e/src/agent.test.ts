import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expectVisible, Portal, REPO_ROOT } from './portal';

/**
 * What a cluster admin does to connect a private cluster: from the clusters overview's Add
 * cluster, generate the install command on the Agents page, run the real agent with the values
 * it carries (the chart turns them into the same environment), see the agent connected, browse
 * the cluster like a direct one, and revoke it (which also keeps the demo cluster's alerts from
 * arriving twice in later tests). The kube-sim demo cluster stands in for the private cluster;
 * the agent reaches it through the kubeconfig scripts/e2e.sh wrote and the hub on
 * app-config.yaml's plaintext gRPC port.
 */
const KUBECONFIG = join(REPO_ROOT, 'e2e-screenshots/kube-sim/kubeconfig');
const AGENT_BIN = join(REPO_ROOT, 'agent/bin/kubedeck-agent');
/** Registration, the first stream and the clusters registry's refresh. */
const CONNECT_TIMEOUT = 60_000;

/** The `--set name=value` pairs of a `helm install` command. */
function helmValues(command: string): Map<string, string> {
  return new Map(
    [...command.matchAll(/--set ([\w.]+)=(\S+)/g)].map(([, name, value]) => [
      name,
      value,
    ]),
  );
}

describe('Agent', () => {
  let portal: Portal;
  let agent: ChildProcess | undefined;
  let agentLog = '';
  const clusterName = `e2e-agent-${Date.now().toString(36)}`;

  before(async () => {
    portal = await Portal.signedIn();
  });

  after(async () => {
    agent?.kill('SIGTERM');
    await portal?.close();
  });

  test('an admin generates the install command for a new cluster', async () => {
    // From the clusters overview, where an admin looks for the cluster that is missing.
    await portal.open('/clusters');
    await portal.page.getByRole('button', { name: 'Add cluster' }).click();
    await portal.page.waitForURL(url => url.pathname === '/agents');
    const dialog = portal.page.getByRole('dialog', {
      name: 'Add a cluster through the agent',
    });
    await dialog.getByLabel('Cluster name').fill(clusterName);
    await dialog.getByRole('button', { name: 'Generate command' }).click();
    const helm = dialog.locator('pre').filter({ hasText: 'helm install' });
    await expectVisible(helm, 'the helm install command');
    await expectVisible(
      dialog.locator('pre').filter({ hasText: 'kubectl apply' }),
      'the kubectl alternative',
    );
    await portal.screenshot('agent-install-command');

    const values = helmValues(await helm.innerText());
    assert.equal(values.get('clusterName'), clusterName);
    const token = values.get('registration.token');
    const hubAddress = values.get('hub.address');
    assert.ok(token, 'the command carries no registration token');
    assert.ok(hubAddress, 'the command carries no hub address');
    await dialog.getByRole('button', { name: 'Done' }).click();

    agent = spawn(process.execPath, [AGENT_BIN], {
      env: {
        ...process.env,
        KUBECONFIG,
        KUBEDECK_HUB_ADDRESS: hubAddress,
        KUBEDECK_HUB_INSECURE: values.get('hub.insecure') ?? 'false',
        KUBEDECK_REGISTRATION_TOKEN: token,
        KUBEDECK_CLUSTER_NAME: clusterName,
        KUBEDECK_NAMESPACE: 'default',
        KUBEDECK_CREDENTIALS_SECRET: `kubedeck-agent-${clusterName}`,
        KUBEDECK_HEALTH_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    agent.stdout?.on('data', chunk => (agentLog += chunk));
    agent.stderr?.on('data', chunk => (agentLog += chunk));
  });

  test('the agent shows as connected on the Agents page', async () => {
    const row = portal.page.getByRole('row').filter({ hasText: clusterName });
    try {
      await row.getByText(/^connected$/i).waitFor({ timeout: CONNECT_TIMEOUT });
    } catch (error) {
      throw new Error(
        `The agent did not connect; its output:\n${agentLog.slice(-2000)}`,
        { cause: error },
      );
    }
    await portal.screenshot('agents-connected');
  });

  test('the agent cluster is browsable like a direct one', async () => {
    await portal.open('/clusters');
    const row = portal.page.getByRole('row').filter({ hasText: clusterName });
    await row
      .getByText('Connected')
      .waitFor({ timeout: CONNECT_TIMEOUT })
      .catch(async () => {
        // The clusters registry refreshes its list every 15 s.
        await portal.page.reload();
        await expectVisible(
          row.getByText('Connected'),
          'the agent cluster as connected',
        );
      });
    await row.getByRole('link', { name: clusterName, exact: true }).click();
    await portal.page.waitForURL(url =>
      url.pathname.endsWith(`/clusters/${clusterName}`),
    );
    await portal.page.getByLabel('Namespace').click();
    await portal.page.getByRole('option', { name: 'team-a' }).click();
    const pods = portal.page.getByRole('table', { name: 'Pods' });
    await expectVisible(
      pods.getByRole('row').filter({ hasText: 'recommender-' }),
      "the demo cluster's pods through the agent",
    );
    await portal.screenshot('agent-cluster-pods');
  });

  test('revoking the agent drops its stream at once', async () => {
    await portal.open('/agents');
    const row = portal.page.getByRole('row').filter({ hasText: clusterName });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await portal.page
      .getByRole('dialog', { name: `Revoke the agent of ${clusterName}?` })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await row.waitFor({ state: 'detached' });
    const deadline = Date.now() + CONNECT_TIMEOUT;
    while (!agentLog.includes('the agent was revoked')) {
      assert.ok(
        Date.now() < deadline,
        `The agent was not told it was revoked; its output:\n${agentLog.slice(
          -2000,
        )}`,
      );
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  });
});

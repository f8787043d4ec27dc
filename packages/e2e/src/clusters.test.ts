import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expectVisible, Portal, REPO_ROOT } from './portal';

/**
 * The clusters flow on the kube-sim demo cluster: open it, find the crashlooping pod
 * (team-a/recommender-*), read its diagnosis, pin it, follow its logs across a forced
 * reconnect, scale its deployment and open the pod again from the overview's pinned list.
 * Needs kube-sim running and its kubeconfig where app-config points (scripts/e2e.sh starts it).
 */
const DEMO_TITLE = 'Demo cluster (kube-sim)';
/** Analyzers and kube-sim's crash loop back-off need a while after start-up. */
const SLOW_TIMEOUT = 120_000;
const KUBECONFIG = join(REPO_ROOT, 'e2e-screenshots/kube-sim/kubeconfig');

/** Applies manifests to the demo cluster with the real kubectl, as its admin. */
function kubectlApply(manifests: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.env.KUBECTL ?? '/usr/bin/kubectl',
      ['apply', '-f', '-'],
      { env: { ...process.env, KUBECONFIG } },
      (error, _stdout, stderr) => (error ? reject(new Error(stderr)) : resolve()),
    );
    child.stdin?.end(JSON.stringify(manifests));
  });
}

describe('Clusters', () => {
  let portal: Portal;

  before(async () => {
    portal = await Portal.signedIn();
  });

  after(async () => {
    await portal?.close();
  });

  test('the overview shows the demo cluster connected', async () => {
    await portal.open('/clusters');
    const row = portal.page.getByRole('row').filter({ hasText: DEMO_TITLE });
    await expectVisible(row.getByText('Connected'), 'the demo cluster as connected');
    await expectVisible(row.getByText('v1.32.0'), 'the demo cluster version');
    await portal.screenshot('clusters-overview');
  });

  test('the explorer finds the crashlooping pod', async () => {
    await portal.page.getByRole('link', { name: DEMO_TITLE, exact: true }).click();
    await portal.page.waitForURL(url => url.pathname === '/clusters/demo');
    await portal.page.getByLabel('Namespace').click();
    await portal.page.getByRole('option', { name: 'team-a' }).click();
    const pods = portal.page.getByRole('table', { name: 'Pods' });
    const crashing = pods
      .getByRole('row')
      .filter({ hasText: 'recommender-' })
      .filter({ hasText: 'CrashLoopBackOff' });
    await crashing.first().waitFor({ timeout: SLOW_TIMEOUT });
    await expectVisible(portal.page.getByText('Live', { exact: true }), 'the table as live');
    await portal.screenshot('clusters-explorer-pods');
    await crashing.first().getByRole('link').click();
    await portal.page.waitForURL(url => url.pathname.includes('/pods/recommender-'));
  });

  test("the pod page shows the crash loop's diagnosis", async () => {
    const diagnoses = portal.page.getByRole('table', { name: 'Diagnoses' });
    // the analyzers run on a schedule: reload until the diagnosis is there
    const deadline = Date.now() + SLOW_TIMEOUT;
    for (;;) {
      try {
        await diagnoses
          .getByText('CrashLoopBackOff')
          .first()
          .waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await portal.page.reload();
      }
    }
    await expectVisible(portal.page.getByText(/exit code 1/), 'the exit code');
    await portal.screenshot('clusters-pod-diagnosis');
  });

  test('the pod is pinned for the user', async () => {
    await portal.page.getByRole('button', { name: /^Pin Pod recommender-/ }).click();
    await expectVisible(
      portal.page.getByRole('button', { name: /^Unpin Pod recommender-/ }),
      'the pod as pinned',
    );
  });

  test('the logs follow across a forced reconnect', async () => {
    await portal.page.getByRole('tab', { name: 'Logs' }).click();
    const log = portal.page.getByRole('log', { name: 'Log lines' });
    await log.locator('div').first().waitFor({ timeout: SLOW_TIMEOUT });
    await portal.screenshot('clusters-pod-logs');

    const lines = () => log.locator(':scope > div').allInnerTexts();
    const before = await lines();
    await portal.page.context().setOffline(true);
    await expectVisible(portal.page.getByText('Reconnecting…', { exact: true }), 'the stream reconnecting');
    await portal.page.context().setOffline(false);
    await expectVisible(portal.page.getByText('Live', { exact: true }), 'the stream live again');
    // resumed after the last line received: what was shown stays, nothing is replayed
    await portal.page.waitForTimeout(3_000);
    const after = await lines();
    assert.deepStrictEqual(after.slice(0, before.length), before);
    assert.ok(
      after.length < before.length * 2,
      `the log was replayed after the reconnect (${before.length} lines, then ${after.length})`,
    );
    await portal.screenshot('clusters-pod-logs-reconnected');
  });

  test('the owning deployment scales', async () => {
    await portal.page.getByRole('button', { name: /Scale deployment/ }).click();
    const dialog = portal.page.getByRole('dialog');
    await dialog.getByLabel('Replicas').fill('2');
    await portal.screenshot('clusters-scale-dialog');
    await dialog.getByRole('button', { name: 'Scale' }).click();
    await expectVisible(
      portal.page.getByText('Scaled Deployment recommender to 2'),
      'the scale confirmation',
    );

    await portal.open('/clusters/demo?kind=deployments&namespace=team-a');
    const row = portal.page
      .getByRole('table', { name: 'Deployments' })
      .getByRole('row')
      .filter({ hasText: 'recommender' });
    await expectVisible(row.getByText(/\/2$/), 'the deployment with 2 replicas wanted');
    await portal.screenshot('clusters-deployments-scaled');
  });

  test('the overview lists the pinned pod and opens it', async () => {
    await portal.open('/clusters');
    const pinned = portal.page.getByRole('list', { name: 'Pinned' });
    const link = pinned.getByRole('link', { name: /^recommender-/ });
    await expectVisible(link, 'the pinned pod on the overview');
    await portal.screenshot('clusters-pinned');
    await link.first().click();
    await portal.page.waitForURL(url => url.pathname.includes('/pods/recommender-'));
  });

  test('a long list renders only the rows in view, scrolls and pages', async () => {
    const namespace = `e2e-many-${Date.now().toString(36)}`;
    const name = (i: number) => `cm-${String(i).padStart(4, '0')}`;
    await kubectlApply({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
        ...Array.from({ length: 600 }, (_, i) => ({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: name(i), namespace },
          data: { index: String(i) },
        })),
      ],
    });
    await portal.open(`/clusters/demo?kind=configmaps&namespace=${namespace}`);
    const table = portal.page.getByRole('table', { name: 'ConfigMaps' });
    await expectVisible(table.getByText(name(0), { exact: true }), 'the first config map');
    const rendered = await table.locator('tbody tr:not([aria-hidden])').count();
    assert.ok(rendered < 100, `${rendered} of the page's 500 rows are rendered`);

    await portal.page.getByTestId('resource-table-scroller').evaluate(element => {
      element.scrollTop = element.scrollHeight;
    });
    await expectVisible(table.getByText(name(499), { exact: true }), 'the last row of the first page');
    await portal.screenshot('clusters-long-list');
    await portal.page.getByRole('button', { name: 'Next' }).click();
    await expectVisible(table.getByText(name(599), { exact: true }), 'the second page');
  });
});

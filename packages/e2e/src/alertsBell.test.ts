import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expectVisible, Portal, REPO_ROOT } from './portal';

/**
 * A pod that starts crashing in the kube-sim demo cluster reaches the guest (an admin in
 * development config) within seconds: the unread count on the Notifications bell and an inbox
 * entry linking to the pod's page, pushed without a reload, and exactly one signed message on
 * a webhook channel the test configures. Needs app-config.e2e.yaml's short diagnosis interval and its allowance
 * for webhooks on 127.0.0.1.
 */
const KUBECONFIG = join(REPO_ROOT, 'e2e-screenshots/kube-sim/kubeconfig');
const SIGNING_SECRET = 'e2e-signing-secret-0123456789';
/** Start-up, the first crashes and kube-sim's back-off, then one diagnosis run. */
const ALERT_TIMEOUT = 90_000;

type Received = { body: string; signature?: string; timestamp?: string };

/** A local webhook receiver on a free port. */
async function startWebhookReceiver() {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      received.push({
        body,
        signature: req.headers['x-kubedeck-signature'] as string | undefined,
        timestamp: req.headers['x-kubedeck-timestamp'] as string | undefined,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/kubedeck`,
    received,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/** Calls the kube-sim demo cluster as its admin, from the kubeconfig scripts/e2e.sh wrote. */
function kubeSim(method: string, path: string, body?: unknown) {
  const kubeconfig = readFileSync(KUBECONFIG, 'utf8');
  const field = (name: string) =>
    kubeconfig.match(new RegExp(`${name}: (\\S+)`))?.[1] ?? '';
  const url = new URL(path, field('server'));
  return new Promise<number>((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method,
        ca: Buffer.from(field('certificate-authority-data'), 'base64'),
        headers: {
          authorization: `Bearer ${field('token')}`,
          'content-type': 'application/json',
        },
      },
      res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('Alerts bell', () => {
  let portal: Portal;
  let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const suffix = Date.now().toString(36);
  const pod = `e2e-crash-${suffix}`;
  const container = `crasher-${suffix}`;
  const title = `Container ${container} keeps crashing`;
  const channelName = `E2E webhook ${suffix}`;
  const aboutPod = (message: Received) => message.body.includes(container);

  before(async () => {
    webhook = await startWebhookReceiver();
    portal = await Portal.signedIn();
  });

  after(async () => {
    await kubeSim('DELETE', `/api/v1/namespaces/default/pods/${pod}`).catch(
      () => {},
    );
    await portal?.close();
    await webhook?.close();
  });

  test('an admin adds a webhook channel for critical alerts', async () => {
    await portal.open('/kubedeck-notifications/channels');
    await portal.page.getByRole('button', { name: 'New channel' }).click();
    const dialog = portal.page.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: 'Name', exact: true })
      .fill(channelName);
    await dialog.getByLabel('Type').click();
    await portal.page.getByRole('option', { name: 'Custom webhook' }).click();
    await dialog.getByLabel(/^URL/).fill(webhook.url);
    await dialog.getByLabel(/^Signing secret/).fill(SIGNING_SECRET);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expectVisible(
      portal.page.getByRole('row').filter({ hasText: channelName }),
      'the new webhook channel',
    );
  });

  test('a crashing pod reaches the inbox and the bell without a reload', async () => {
    // The demo cluster raises alerts of its own, so the user narrows the inbox to this pod
    // (Backstage shows five entries a page) and waits there: the page refreshes on the push.
    await portal.sidebarLink('Notifications').click();
    await portal.page.getByPlaceholder('Filter').fill(container);
    const status = await kubeSim('POST', '/api/v1/namespaces/default/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: pod,
        annotations: {
          'kube-sim.kubedeck.io/behavior': 'crashloop',
          'kube-sim.kubedeck.io/run-seconds': '1',
        },
      },
      spec: {
        restartPolicy: 'Always',
        containers: [{ name: container, image: 'example.com/e2e/app:1.0' }],
      },
    });
    assert.equal(status, 201, 'kube-sim did not create the crashing pod');

    await portal.page
      .getByRole('link', { name: title })
      .waitFor({ timeout: ALERT_TIMEOUT });
    await expectVisible(
      portal.sidebar().getByLabel('Unread notifications'),
      'the unread count on the Notifications bell',
    );
    await portal.screenshot('alerts-bell');
  });

  test('the inbox entry links to the pod page', async () => {
    const entry = portal.page.getByRole('link', { name: title });
    await expectVisible(entry, 'the inbox entry for the crashing pod');
    assert.equal(await entry.count(), 1, 'the inbox shows the alert twice');
    assert.equal(
      await entry.getAttribute('href'),
      `/clusters/demo/namespaces/default/pods/${pod}`,
    );
    await portal.screenshot('alerts-inbox');
    await entry.click();
    await portal.page.waitForURL(url => url.pathname.endsWith(`/pods/${pod}`));
    await expectVisible(portal.heading(pod), 'the pod page');
  });

  test('the webhook channel receives the alert once, signed', async () => {
    const deadline = Date.now() + ALERT_TIMEOUT;
    while (!webhook.received.some(aboutPod) && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    // Further diagnosis runs see the same crash loop: give them time to (wrongly) repeat it.
    await new Promise(resolve => setTimeout(resolve, 12_000));

    const messages = webhook.received.filter(aboutPod);
    assert.equal(messages.length, 1, 'the webhook got the alert not once');
    const [{ body, signature, timestamp }] = messages;
    const expected = createHmac('sha256', SIGNING_SECRET)
      .update(`${timestamp}.${body}`)
      .digest('hex');
    assert.equal(signature, `sha256=${expected}`);
    assert.match(
      JSON.parse(body).link,
      new RegExp(`/clusters/demo/namespaces/default/pods/${pod}$`),
    );
  });
});

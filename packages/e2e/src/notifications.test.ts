import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectVisible, Portal } from './portal';

/**
 * Kubedeck Alerts as the guest (an admin in development config): the sidebar entry, the
 * preferences matrix under Settings kept across a reload, a channel created and tested without
 * its secret ever showing, and the test message in the delivery history.
 */
const API = '/api/kubedeck-notifications';
/** A Slack webhook on a host that cannot resolve: the test message fails, and says why. */
const SECRET_WEBHOOK =
  'https://hooks.slack.invalid/services/T0/B0/e2e-secret-token';

describe('Alerts', () => {
  let portal: Portal;
  const channelName = `E2E Slack ${Date.now()}`;

  before(async () => {
    portal = await Portal.signedIn();
  });

  after(async () => {
    await portal?.close();
  });

  test('the Alerts sidebar entry opens the preferences tab', async () => {
    await portal.open('/');
    await portal.sidebarLink('Alerts').click();
    await portal.page.waitForURL(
      url => url.pathname === '/kubedeck-notifications/preferences',
    );
    await expectVisible(portal.heading('Alerts'), 'the Alerts heading');
    for (const tab of ['My preferences', 'Channels', 'Delivery history']) {
      await expectVisible(
        portal.page.getByRole('tab', { name: tab }),
        `the ${tab} tab`,
      );
    }
    await expectVisible(
      portal.page.getByRole('button', { name: 'Critical via Inbox' }),
      'the preferences matrix',
    );
    await portal.screenshot('alerts-preferences');
  });

  test('a changed preference under Settings is kept across a reload', async () => {
    await portal.open('/settings/notifications');
    await expectVisible(portal.heading('Settings'), 'the Settings heading');
    const cell = portal.page.getByRole('button', { name: 'Info via Inbox' });
    await expectVisible(cell, 'the Info × Inbox cell');
    const next = (await cell.innerText()).includes('Weekly digest')
      ? 'Daily digest'
      : 'Weekly digest';

    await cell.click();
    const saved = portal.page.waitForResponse(
      response =>
        response.url().endsWith(`${API}/preferences`) &&
        response.request().method() === 'PUT',
    );
    await portal.page
      .getByRole('option', { name: new RegExp(`^${next}`) })
      .click();
    assert.equal((await saved).status(), 204);

    await portal.page.reload();
    await expectVisible(cell, 'the Info × Inbox cell after the reload');
    assert.match(await cell.innerText(), new RegExp(next));
    await portal.screenshot('settings-notifications');
  });

  test('an admin creates and tests a channel without seeing its secret', async () => {
    await portal.open('/kubedeck-notifications/channels');
    await portal.page.getByRole('button', { name: 'New channel' }).click();
    const dialog = portal.page.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: 'Name', exact: true })
      .fill(channelName);
    await dialog.getByLabel('Type').click();
    await portal.page.getByRole('option', { name: /^Slack/ }).click();
    await dialog.getByLabel('Incoming webhook URL').fill(SECRET_WEBHOOK);
    await dialog.getByRole('button', { name: 'Create' }).click();

    const row = portal.page.getByRole('row').filter({ hasText: channelName });
    await expectVisible(
      row.getByText('webhookUrl configured'),
      'the new channel',
    );
    await row.getByRole('button', { name: 'Edit' }).click();
    await expectVisible(
      dialog.getByText('configured — leave blank to keep'),
      'the secret field saying it is configured',
    );
    assert.equal(
      await dialog.getByLabel('Incoming webhook URL').inputValue(),
      '',
    );
    // The dialog fades in: capture it once it is fully opaque.
    await portal.page.waitForFunction(
      () =>
        getComputedStyle(document.querySelector('.MuiDialog-container')!)
          .opacity === '1',
    );
    await portal.screenshot('alerts-channel-edit');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await row
      .getByRole('button', { name: `Send test message through ${channelName}` })
      .click();
    await expectVisible(
      portal.page
        .getByRole('status')
        .getByText(`Test message through ${channelName}`),
      'the test message result',
    );
    assert.ok(
      !(await portal.page.content()).includes(SECRET_WEBHOOK),
      'the page shows the webhook secret',
    );
    await portal.screenshot('alerts-channels');
  });

  test('the delivery history shows the test message and filters by channel', async () => {
    await portal.open('/kubedeck-notifications/deliveries');
    const title = `Test message for channel ${channelName}`;
    await expectVisible(portal.page.getByText(title), 'the test delivery');

    await portal.page.getByLabel('Channel').click();
    await portal.page.getByRole('option', { name: channelName }).click();
    const filtered = portal.page.waitForResponse(
      response =>
        response.url().includes(`${API}/deliveries?channel=`) && response.ok(),
    );
    await portal.page.getByRole('button', { name: 'Apply' }).click();
    const { items } = await (await filtered).json();
    assert.ok(items.length > 0, 'the channel filter found no delivery');
    // The channel also hears about the demo cluster's crashing pods: only its own deliveries.
    const channels = new Set(
      items.map((item: { channel: string }) => item.channel),
    );
    assert.equal(channels.size, 1, 'the channel filter let other channels in');
    assert.ok(
      items.some((item: { title: string }) => item.title === title),
      'the filtered history lacks the test message',
    );
    await expectVisible(portal.page.getByText(title), 'the filtered delivery');
    await portal.screenshot('alerts-deliveries', { fullPage: true });
  });
});

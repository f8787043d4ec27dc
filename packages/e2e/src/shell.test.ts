import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { installedKubedeckPages } from './kubedeckPages';
import { expectVisible, Portal } from './portal';

let portal: Portal;

before(async () => {
  portal = await Portal.signedIn();
});

after(async () => {
  await portal?.close();
});

test('the portal root leads to the catalog of Kubedeck components', async () => {
  await portal.open('/');
  await portal.page.waitForURL(url => url.pathname === '/catalog');
  await expectVisible(
    portal.heading('Kubedeck Catalog'),
    'the catalog heading with the organization name',
  );
  // The catalog ingests catalog-info.yaml in the background after start-up.
  await expectVisible(
    portal.page.getByRole('link', { name: 'kubedeck-app', exact: true }),
    'the kubedeck-app component in the catalog table',
  );
  await portal.screenshot('catalog');
});

test('the sidebar shows the Kubedeck logo, the catalog, notifications and settings', async () => {
  await portal.open('/catalog');
  await expectVisible(
    portal.sidebar().getByRole('img', { name: 'Kubedeck' }),
    'the Kubedeck logo',
  );
  await expectVisible(portal.sidebarLink('Catalog'), 'the Catalog entry');
  await expectVisible(
    portal.sidebarLink('Notifications'),
    'the notifications bell',
  );
  await expectVisible(portal.sidebarLink('Settings'), 'the Settings entry');
  assert.equal(
    await portal.sidebarLink(/search/i).count(),
    0,
    'the sidebar has no search entry (the search plugin is not installed)',
  );
  await portal.screenshot('sidebar');
});

test('the sidebar lists the installed Kubedeck pages under a Kubedeck title', async () => {
  await portal.open('/catalog');
  const installed = installedKubedeckPages();
  const section = portal.sidebar().getByRole('heading', { name: 'Kubedeck' });
  if (installed.length === 0) {
    assert.equal(
      await section.count(),
      0,
      'no Kubedeck section while no Kubedeck page is installed',
    );
    return;
  }
  await expectVisible(section, 'the Kubedeck section title');
  for (const kubedeckPage of installed) {
    const link = portal.sidebarLink(kubedeckPage.navTitle);
    await expectVisible(link, `the ${kubedeckPage.navTitle} entry`);
    assert.equal(await link.first().getAttribute('href'), kubedeckPage.path);
  }
});

test('the notifications bell opens the inbox', async () => {
  await portal.open('/catalog');
  await portal.sidebarLink('Notifications').click();
  await portal.page.waitForURL(url => url.pathname === '/notifications');
  await expectVisible(
    portal.heading('Notifications'),
    'the Notifications heading',
  );
  await expectVisible(
    portal.heading(/Unread notifications/),
    'the list of unread notifications',
  );
  await portal.screenshot('notifications');
});

test('settings show the signed-in guest', async () => {
  await portal.open('/catalog');
  await portal.sidebarLink('Settings').click();
  await portal.page.waitForURL(url => url.pathname.startsWith('/settings'));
  await expectVisible(portal.heading('Settings'), 'the Settings heading');
  await expectVisible(
    portal.page.getByText('user:default/guest'),
    "the guest's identity in the profile",
  );
  await expectVisible(
    portal.page.getByRole('link', { name: 'guest', exact: true }),
    'the link to the guest user entity',
  );
  await portal.screenshot('settings');
});

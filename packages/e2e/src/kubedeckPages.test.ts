import { after, before, describe, test } from 'node:test';
import { installedKubedeckPages } from './kubedeckPages';
import { expectVisible, Portal } from './portal';

// One test per Kubedeck page that packages/app installs (none before the first page arrives).
const pages = installedKubedeckPages();

describe('Kubedeck pages', () => {
  let portal: Portal;

  before(async () => {
    if (pages.length === 0) return;
    portal = await Portal.signedIn();
  });

  after(async () => {
    await portal?.close();
  });

  for (const kubedeckPage of pages) {
    test(`${kubedeckPage.navTitle} opens from the sidebar and shows its heading`, async () => {
      await portal.open('/');
      await portal.sidebarLink(kubedeckPage.navTitle).click();
      await portal.page.waitForURL(url =>
        url.pathname.startsWith(kubedeckPage.path),
      );
      await expectVisible(
        portal.heading(kubedeckPage.heading),
        `the ${kubedeckPage.navTitle} heading`,
      );
      await portal.screenshot(kubedeckPage.screenshot);
    });
  }
});

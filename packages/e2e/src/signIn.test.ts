import { after, before, test } from 'node:test';
import { expectVisible, Portal } from './portal';

let portal: Portal;

before(async () => {
  portal = await Portal.launch();
});

after(async () => {
  await portal?.close();
});

test('the sign-in page offers the guest provider under the Kubedeck title', async () => {
  const { page } = portal;
  await expectVisible(
    page.getByRole('heading', { name: 'Kubedeck' }),
    'the Kubedeck title',
  );
  await expectVisible(
    page.getByText('Select a sign-in method'),
    'the sign-in prompt',
  );
  await expectVisible(
    portal.guestProvider().getByText('Enter as a Guest User.'),
    'the Guest provider',
  );
  await expectVisible(
    page.getByRole('button', { name: 'Enter' }),
    'the Enter button',
  );
  await portal.screenshot('sign-in');
});

test('signing in as guest opens the portal with its sidebar', async () => {
  await portal.signInAsGuest();
  await expectVisible(
    portal.sidebarLink('Catalog'),
    'the Catalog entry in the sidebar',
  );
});

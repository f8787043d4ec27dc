import { screen } from '@testing-library/react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fakeNotificationsApi } from '../../__testUtils__/fakeNotificationsApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { PreferencesPage } from './PreferencesPage';

// Its own file: usePermission caches decisions for the whole module registry.
describe('PreferencesPage without kubedeck.notifications.preferences.read', () => {
  it('names the missing permission and reads nothing', async () => {
    const api = fakeNotificationsApi();
    await renderWithApi(<PreferencesPage />, api, AuthorizeResult.DENY);

    expect(
      await screen.findByText(
        'Error: You are not allowed to read your notification preferences',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('kubedeck.notifications.preferences.read'),
    ).toBeVisible();
    expect(api.getPreferences).not.toHaveBeenCalled();
  });
});

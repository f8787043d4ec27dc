import { screen } from '@testing-library/react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fakeNotificationsApi } from '../../__testUtils__/fakeNotificationsApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { ChannelsPage } from './ChannelsPage';

// Its own file: usePermission caches decisions for the whole module registry.
describe('ChannelsPage without kubedeck.notifications.channels.manage', () => {
  it('names the missing permission and reads no channel', async () => {
    const api = fakeNotificationsApi();
    await renderWithApi(<ChannelsPage />, api, AuthorizeResult.DENY);

    expect(
      await screen.findByText(
        'Error: You are not allowed to manage notification channels',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('kubedeck.notifications.channels.manage'),
    ).toBeVisible();
    expect(api.listChannels).not.toHaveBeenCalled();
  });
});

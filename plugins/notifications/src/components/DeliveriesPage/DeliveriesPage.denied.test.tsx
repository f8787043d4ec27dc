import { screen } from '@testing-library/react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fakeNotificationsApi } from '../../__testUtils__/fakeNotificationsApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { DeliveriesPage } from './DeliveriesPage';

// Its own file: usePermission caches decisions for the whole module registry.
describe('DeliveriesPage without kubedeck.notifications.deliveries.read', () => {
  it('names the missing permission and reads nothing', async () => {
    const api = fakeNotificationsApi();
    await renderWithApi(<DeliveriesPage />, api, AuthorizeResult.DENY);

    expect(
      await screen.findByText(
        'Error: You are not allowed to read the delivery history',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('kubedeck.notifications.deliveries.read'),
    ).toBeVisible();
    expect(api.listDeliveries).not.toHaveBeenCalled();
  });
});

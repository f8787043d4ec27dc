import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeNotificationsApi } from '../../__testUtils__/fakeNotificationsApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { PreferencesPage } from './PreferencesPage';

jest.setTimeout(30_000);

async function choose(cell: string, option: string) {
  await userEvent.click(await screen.findByRole('button', { name: cell }));
  await userEvent.click(
    within(await screen.findByRole('listbox')).getByText(option),
  );
}

describe('PreferencesPage', () => {
  it('shows every category × channel cell with its default', async () => {
    await renderWithApi(<PreferencesPage />, fakeNotificationsApi());

    expect(
      await screen.findByRole('button', { name: 'Info via Inbox' }),
    ).toHaveTextContent('Daily digest');
    expect(
      screen.getByRole('button', { name: 'Critical via Work email' }),
    ).toHaveTextContent('Immediately');
    expect(
      screen.getByRole('columnheader', { name: 'Work email' }),
    ).toBeVisible();
    expect(screen.getAllByText('Default')).toHaveLength(8);
  });

  it('saves a changed cell at once and no longer calls it a default', async () => {
    const api = fakeNotificationsApi();
    await renderWithApi(<PreferencesPage />, api);

    await choose('Info via Inbox', 'Weekly digest');

    expect(
      screen.getByRole('button', { name: 'Info via Inbox' }),
    ).toHaveTextContent('Weekly digest');
    await waitFor(() =>
      expect(api.updatePreferences).toHaveBeenCalledWith({
        preferences: [
          { category: 'alerts.info', channel: 'inbox', frequency: 'weekly' },
        ],
      }),
    );
    expect(screen.getAllByText('Default')).toHaveLength(7);
    await waitFor(() =>
      expect(screen.queryByText('Saving…')).not.toBeInTheDocument(),
    );
  });

  it('puts the cell back and says why when saving fails', async () => {
    const api = fakeNotificationsApi({
      updatePreferences: jest.fn(async () => {
        throw new Error('the backend is down');
      }),
    });
    await renderWithApi(<PreferencesPage />, api);

    await choose('Security via Work email', 'Disabled');

    expect(
      await screen.findByText('Your change was not saved: the backend is down'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Security via Work email' }),
    ).toHaveTextContent('Immediately');
    expect(screen.getAllByText('Default')).toHaveLength(8);
    await waitFor(() =>
      expect(screen.queryByText('Saving…')).not.toBeInTheDocument(),
    );
  });
});

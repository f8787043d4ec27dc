import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeNotificationsApi } from '../../__testUtils__/fakeNotificationsApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { DeliveriesPage } from './DeliveriesPage';

jest.setTimeout(30_000);

async function choose(label: string, option: string) {
  await userEvent.click(screen.getByLabelText(label));
  await userEvent.click(
    within(await screen.findByRole('listbox')).getByText(option),
  );
}

describe('DeliveriesPage', () => {
  it('lists each delivery with its status, attempts and last error', async () => {
    await renderWithApi(<DeliveriesPage />, fakeNotificationsApi());

    expect(
      await screen.findByText('Node worker-2 is NotReady'),
    ).toBeInTheDocument();
    expect(screen.getByText('Slack answered 404: no_service')).toBeVisible();
    expect(screen.getByText('failed')).toBeVisible();
    expect(screen.getByText('delivered')).toBeVisible();
    expect(screen.getAllByText('Ops Slack')).toHaveLength(2);
    expect(screen.getByText('1–2 of 2')).toBeVisible();
  });

  it('queries with the chosen status, channel, category and time range', async () => {
    const api = fakeNotificationsApi();
    await renderWithApi(<DeliveriesPage />, api);
    await screen.findByText('Node worker-2 is NotReady');

    await choose('Status', 'failed');
    await choose('Channel', 'Ops Slack');
    await choose('Category', 'Critical');
    fireEvent.change(screen.getByLabelText('From'), {
      target: { value: '2026-11-26T10:00' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));

    await waitFor(() =>
      expect(api.listDeliveries).toHaveBeenLastCalledWith({
        status: 'failed',
        channel: 'ch-slack',
        category: 'alerts.critical',
        since: new Date('2026-11-26T10:00').toISOString(),
        until: undefined,
        limit: 50,
        offset: 0,
      }),
    );
  });

  it('pages through older deliveries', async () => {
    const api = fakeNotificationsApi({
      listDeliveries: jest.fn(async () => ({
        items: (await fakeNotificationsApi().listDeliveries()).items,
        totalCount: 120,
      })),
    });
    await renderWithApi(<DeliveriesPage />, api);

    await userEvent.click(await screen.findByRole('button', { name: 'Older' }));

    await waitFor(() =>
      expect(api.listDeliveries).toHaveBeenLastCalledWith(
        expect.objectContaining({ offset: 50, limit: 50 }),
      ),
    );
    expect(await screen.findByText('51–52 of 120')).toBeVisible();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  event,
  fakeAuditApi,
  renderPage,
} from './__testUtils__/auditPageTestApp';

// Typing into MUI fields is slow on busy 2-core machines.
jest.setTimeout(30_000);

describe('AuditPage', () => {
  it('lists events and says the chain is intact', async () => {
    const api = fakeAuditApi();
    await renderPage(api);

    expect(
      await screen.findByText('Chain intact — 2 events verified'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('demo/default/pods/web-2'),
    ).toBeInTheDocument();
    expect(screen.getByText('demo/default/pods/web-1')).toBeInTheDocument();
    expect(screen.getAllByText('user:default/alice')).toHaveLength(1);
    expect(screen.getByText('failed')).toBeInTheDocument();
    expect(api.listEvents).toHaveBeenCalledWith(
      expect.objectContaining({ limit: 100, cursor: undefined }),
    );
  });

  it('names the first broken sequence when verification fails', async () => {
    await renderPage(
      fakeAuditApi({
        verify: async () => ({
          ok: false,
          checked: 2,
          firstBrokenSequence: 3,
          reason: 'hash mismatch: the row was changed after it was written',
        }),
      }),
    );

    expect(
      await screen.findByText(
        'Chain broken at sequence 3: hash mismatch: the row was changed after it was written',
      ),
    ).toBeInTheDocument();
  });

  it('queries with the chosen filters', async () => {
    const api = fakeAuditApi();
    await renderPage(api);
    await screen.findByText('demo/default/pods/web-2');

    await userEvent.type(screen.getByLabelText('Actor'), 'user:default/bob');
    await userEvent.type(screen.getByLabelText('Target'), 'pods');
    await userEvent.click(screen.getByLabelText('Outcome'));
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByText('failed'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));

    await waitFor(() =>
      expect(api.listEvents).toHaveBeenLastCalledWith({
        actor: 'user:default/bob',
        plugin: undefined,
        target: 'pods',
        outcome: 'failed',
        from: undefined,
        to: undefined,
        limit: 100,
        cursor: undefined,
      }),
    );
  });

  it('loads older events with the cursor of the last page', async () => {
    const api = fakeAuditApi({
      listEvents: jest
        .fn()
        .mockResolvedValueOnce({ items: [event(2)], nextCursor: '2' })
        .mockResolvedValueOnce({ items: [event(1)] }),
    });
    await renderPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Load older events' }),
    );

    expect(
      await screen.findByText('demo/default/pods/web-1'),
    ).toBeInTheDocument();
    expect(screen.getByText('demo/default/pods/web-2')).toBeInTheDocument();
    expect(api.listEvents).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: '2' }),
    );
    expect(
      screen.queryByRole('button', { name: 'Load older events' }),
    ).not.toBeInTheDocument();
  });
});

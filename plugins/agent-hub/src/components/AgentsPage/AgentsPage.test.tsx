import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  agent,
  fakeAgentHubApi,
  renderPage,
} from './__testUtils__/agentsTestApp';

jest.setTimeout(30_000);

describe('AgentsPage', () => {
  it('lists agents with their live status and cluster info', async () => {
    await renderPage(fakeAgentHubApi());

    const table = await screen.findByRole('table', { name: 'Agents' });
    expect(within(table).getByText('edge')).toBeInTheDocument();
    expect(within(table).getByText('connected')).toBeInTheDocument();
    expect(within(table).getByText('offline')).toBeInTheDocument();
    expect(within(table).getByText('v1.32.0, 3 nodes')).toBeInTheDocument();
  });

  it('generates the install commands for a new cluster', async () => {
    const api = fakeAgentHubApi();
    await renderPage(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add cluster' }),
    );
    await userEvent.type(screen.getByLabelText('Cluster name'), 'prod-eu');
    await userEvent.click(
      screen.getByRole('button', { name: 'Generate command' }),
    );

    expect(
      await screen.findByText(
        /helm install kubedeck-agent chart --set clusterName=prod-eu/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/kubectl apply -f/)).toBeInTheDocument();
    expect(api.createToken).toHaveBeenCalledWith({
      clusterName: 'prod-eu',
      preset: 'read-only',
      expiresInHours: 24,
    });
  });

  it('opens the Add cluster dialog when linked with ?add=cluster, for those who may add one', async () => {
    await renderPage(fakeAgentHubApi(), undefined, '/?add=cluster');
    expect(
      await screen.findByRole('dialog', {
        name: 'Add a cluster through the agent',
      }),
    ).toBeInTheDocument();
  });

  it('shows a push-only agent as pushing, with its last report and what that means', async () => {
    const lastReportAt = '2026-11-26T12:06:00.000Z';
    await renderPage(
      fakeAgentHubApi({
        listAgents: jest.fn(async () => [
          agent({
            status: 'pushing',
            lastHeartbeatAt: undefined,
            lastReportAt,
          }),
        ]),
      }),
    );

    const table = await screen.findByRole('table', { name: 'Agents' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    const row = within(table).getByText('edge').closest('tr')!;
    const cells = within(row)
      .getAllByRole('cell')
      .map(c => c.textContent);
    expect(cells[headers.indexOf('Last report')]).toBe(
      new Date(lastReportAt).toLocaleString(),
    );
    expect(cells[headers.indexOf('Last heartbeat')]).toBe('—');

    await userEvent.hover(within(row).getByText('pushing'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Push-only: reports failures without a stream',
    );
  });

  it('revokes an agent after confirmation and says so', async () => {
    const api = fakeAgentHubApi();
    await renderPage(api);
    const table = await screen.findByRole('table', { name: 'Agents' });
    const row = within(table).getByText('edge').closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: 'Revoke' }));

    const dialog = await screen.findByRole('dialog', {
      name: 'Revoke the agent of edge?',
    });
    expect(dialog).toHaveTextContent(/stream to the hub closes at once/);
    expect(api.revokeAgent).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );

    expect(api.revokeAgent).toHaveBeenCalledWith('a1');
    expect(
      await screen.findByText(
        'Revoked the agent of edge; its stream was closed.',
      ),
    ).toBeInTheDocument();
  });

  it('revokes nothing when the confirmation is cancelled', async () => {
    const api = fakeAgentHubApi();
    await renderPage(api);
    const table = await screen.findByRole('table', { name: 'Agents' });
    const row = within(table).getByText('edge').closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: 'Revoke' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.revokeAgent).not.toHaveBeenCalled();
  });
});

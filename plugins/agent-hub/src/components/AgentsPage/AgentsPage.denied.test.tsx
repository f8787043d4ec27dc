import { screen, within } from '@testing-library/react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fakeAgentHubApi, renderPage } from './__testUtils__/agentsTestApp';

// Its own file: usePermission caches decisions for the whole module registry.
describe('AgentsPage for a viewer', () => {
  it('shows agents but disables adding and revoking', async () => {
    const api = fakeAgentHubApi();
    await renderPage(api, name =>
      name === 'kubedeck.agents.read'
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    );

    const table = await screen.findByRole('table', { name: 'Agents' });
    expect(
      await screen.findByRole('button', { name: 'Add cluster' }),
    ).toBeDisabled();
    const row = within(table).getByText('edge').closest('tr')!;
    expect(within(row).getByRole('button', { name: 'Revoke' })).toBeDisabled();
    expect(within(row).getByRole('button', { name: 'Rotate' })).toBeDisabled();
  });
});

import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { agentHubApiRef } from '../../api';
import { fakeAgentHubApi } from './__testUtils__/agentsTestApp';
import { AgentsPage } from './AgentsPage';

// Its own file: usePermission caches decisions for the whole module registry.
describe('AgentsPage while permission checks are pending', () => {
  it('shows Add cluster as checking, not as missing a permission', async () => {
    await renderInTestApp(<AgentsPage />, {
      apis: [
        [agentHubApiRef, fakeAgentHubApi()],
        [
          permissionApiRef,
          {
            authorize: request =>
              request.permission.name === 'kubedeck.agents.read'
                ? Promise.resolve({ result: AuthorizeResult.ALLOW })
                : new Promise(() => {}),
          },
        ],
      ],
    });

    const add = await screen.findByRole('button', { name: 'Add cluster' });
    expect(add).toHaveAttribute('aria-busy', 'true');
    expect(add.closest('[title]')?.getAttribute('title')).toBe(
      'Checking whether you may add clusters…',
    );
    expect(screen.queryByText(/Missing permission/)).not.toBeInTheDocument();
  });
});

import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { screen } from '@testing-library/react';
import { PermissionGate } from './PermissionGate';

// Each test uses its own permission: usePermission caches decisions per permission for the
// whole module registry.
function renderGate(
  name: string,
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const permission = createPermission({ name, attributes: {} });
  return renderInTestApp(
    <PermissionGate permission={permission} action="read the example">
      <p>secret content</p>
    </PermissionGate>,
    { apis: [mockApis.permission({ authorize: result })] },
  );
}

describe('PermissionGate', () => {
  it('shows its content to a user granted the permission', async () => {
    await renderGate('kubedeck.example.allowed', AuthorizeResult.ALLOW);
    expect(await screen.findByText('secret content')).toBeVisible();
  });

  it('tells a user without the permission what they cannot do and which permission is missing', async () => {
    await renderGate('kubedeck.example.denied', AuthorizeResult.DENY);
    expect(
      await screen.findByText('Error: You are not allowed to read the example'),
    ).toBeInTheDocument();
    expect(screen.getByText('kubedeck.example.denied')).toBeVisible();
    expect(screen.queryByText('secret content')).toBeNull();
  });
});

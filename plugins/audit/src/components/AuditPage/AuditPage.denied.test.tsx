import { screen } from '@testing-library/react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fakeAuditApi, renderPage } from './__testUtils__/auditPageTestApp';

// Its own file: usePermission caches decisions for the whole module registry, so an earlier
// "allowed" test would leak into this one.
describe('AuditPage without kubedeck.audit.read', () => {
  it('names the missing permission and reads nothing when denied', async () => {
    const api = fakeAuditApi();
    await renderPage(api, AuthorizeResult.DENY);

    expect(
      await screen.findByText(
        'Error: You are not allowed to read the audit trail',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('kubedeck.audit.read')).toBeVisible();
    expect(api.listEvents).not.toHaveBeenCalled();
    expect(api.verify).not.toHaveBeenCalled();
  });
});

import { mockApis } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeClustersApi,
  pod,
  runningStatus,
} from '../../__testUtils__/fakeClustersApi';
import { renderClusters } from '../../__testUtils__/renderClusters';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'team-a', uid: 'uid-web' },
  spec: { replicas: 2 },
  status: { readyReplicas: 2 },
};

describe('pinned resources', () => {
  it('pins a pod from its row and lists it, linked to its page, until unpinned', async () => {
    const storage = mockApis.storage();
    const api = fakeClustersApi({
      listObjects: async ref =>
        ref.type.resource === 'pods'
          ? { kind: 'Pod', items: [pod('web-1', runningStatus)] }
          : { kind: 'List', items: [] },
    });

    const explorer = await renderClusters(
      api,
      '/clusters/demo?namespace=team-a',
      { storage },
    );
    const table = await screen.findByRole(
      'table',
      { name: 'Pods' },
      { timeout: 5000 },
    );
    await userEvent.click(
      await within(table).findByRole('button', { name: 'Pin Pod web-1' }),
    );
    const pinned = await screen.findByRole('list', { name: 'Pinned' });
    expect(within(pinned).getByRole('link', { name: 'web-1' })).toHaveAttribute(
      'href',
      '/clusters/demo/namespaces/team-a/pods/web-1',
    );
    expect(
      within(table).getByRole('button', { name: 'Unpin Pod web-1' }),
    ).toHaveAttribute('aria-pressed', 'true');
    explorer.unmount();

    // kept for the user: the overview lists it too
    await renderClusters(api, '/clusters', { storage });
    const overviewList = await screen.findByRole(
      'list',
      { name: 'Pinned' },
      { timeout: 5000 },
    );
    expect(within(overviewList).getByText(/Pod · demo · team-a/)).toBeVisible();
    await userEvent.click(
      within(overviewList).getByRole('button', { name: 'Unpin Pod web-1' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('list', { name: 'Pinned' })).toBeNull(),
    );
    expect(
      storage.forBucket('kubedeck.clusters').snapshot('pinned').value,
    ).toEqual([]);
  }, 30_000);

  it('opens a pinned deployment in the explorer with its details', async () => {
    const storage = mockApis.storage();
    await storage.forBucket('kubedeck.clusters').set('pinned', [
      {
        cluster: 'demo',
        kindId: 'deployments',
        kind: 'Deployment',
        type: { group: 'apps', version: 'v1', resource: 'deployments' },
        namespace: 'team-a',
        name: 'web',
      },
    ]);
    const api = fakeClustersApi({ getObject: async () => deployment });

    const overview = await renderClusters(api, '/clusters', { storage });
    const link = within(
      await screen.findByRole('list', { name: 'Pinned' }, { timeout: 5000 }),
    ).getByRole('link', { name: 'web' });
    const href = link.getAttribute('href')!;
    expect(href).toBe(
      '/clusters/demo?kind=deployments&open=web&namespace=team-a',
    );
    overview.unmount();

    await renderClusters(api, href, { storage });

    expect(
      await screen.findByRole(
        'dialog',
        { name: 'Deployment web' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(api.getObject).toHaveBeenCalledWith({
      cluster: 'demo',
      type: { group: 'apps', version: 'v1', resource: 'deployments' },
      namespace: 'team-a',
      name: 'web',
    });
  }, 30_000);
});

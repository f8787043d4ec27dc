import { screen, waitFor, within } from '@testing-library/react';
import { mockApis } from '@backstage/frontend-test-utils';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { WatchHandlers } from '../../api';
import {
  crashLoopStatus,
  fakeClustersApi,
  pod,
  runningStatus,
} from '../../__testUtils__/fakeClustersApi';
import { renderClusters } from '../../__testUtils__/renderClusters';

describe('ClusterExplorer', () => {
  it('lists pods with their statuses and applies live changes', async () => {
    let watch: WatchHandlers | undefined;
    const api = fakeClustersApi({
      listObjects: async ref =>
        ref.type.resource === 'pods'
          ? {
              kind: 'Pod',
              items: [
                pod('web-1', runningStatus),
                pod('worker-7d9f', crashLoopStatus),
                pod('batch-1', { phase: 'Pending' }),
              ],
            }
          : { kind: 'List', items: [] },
      watch: (_ref, handlers) => {
        watch = handlers;
        return () => {};
      },
    });

    await renderClusters(api, '/clusters/demo?namespace=team-a');

    const table = await screen.findByRole(
      'table',
      { name: 'Pods' },
      { timeout: 5000 },
    );
    const row = (name: string) => within(table).getByText(name).closest('tr')!;
    await waitFor(() =>
      expect(within(table).getByText('worker-7d9f')).toBeInTheDocument(),
    );
    expect(
      within(row('web-1')).getByText('Running').closest('[data-tone]'),
    ).toHaveAttribute('data-tone', 'ok');
    expect(
      within(row('worker-7d9f'))
        .getByText('CrashLoopBackOff')
        .closest('[data-tone]'),
    ).toHaveAttribute('data-tone', 'error');
    expect(within(row('worker-7d9f')).getByText('7')).toBeInTheDocument();
    expect(
      within(row('batch-1')).getByText('Pending').closest('[data-tone]'),
    ).toHaveAttribute('data-tone', 'warning');
    expect(
      within(row('web-1')).getByRole('link', { name: 'web-1' }),
    ).toHaveAttribute('href', '/clusters/demo/namespaces/team-a/pods/web-1');
    expect(api.listObjects).toHaveBeenCalledWith(
      {
        cluster: 'demo',
        namespace: 'team-a',
        type: { group: 'core', version: 'v1', resource: 'pods' },
      },
      {
        labelSelector: undefined,
        search: undefined,
        limit: 500,
        continue: undefined,
        source: 'cache',
      },
    );

    act(() => {
      watch!.onState?.({ state: 'open' });
      watch!.onChange('DELETED', pod('batch-1', {}));
      watch!.onChange('ADDED', pod('api-1', runningStatus));
    });
    expect(await within(table).findByText('api-1')).toBeInTheDocument();
    expect(within(table).queryByText('batch-1')).not.toBeInTheDocument();
    expect(screen.getByText('Live')).toBeInTheDocument();
  }, 30_000);

  it('pages through the server with continue tokens', async () => {
    const api = fakeClustersApi({
      listObjects: async (ref, query) => {
        if (ref.type.resource !== 'pods') return { kind: 'List', items: [] };
        return query?.continue === 'page-2'
          ? { kind: 'Pod', items: [pod('zeta-1', runningStatus)] }
          : {
              kind: 'Pod',
              items: [pod('alpha-1', runningStatus)],
              continue: 'page-2',
            };
      },
    });

    await renderClusters(api, '/clusters/demo?namespace=team-a');

    const table = await screen.findByRole(
      'table',
      { name: 'Pods' },
      { timeout: 5000 },
    );
    expect(await within(table).findByText('alpha-1')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await within(table).findByText('zeta-1')).toBeInTheDocument();
    expect(within(table).queryByText('alpha-1')).not.toBeInTheDocument();
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  }, 30_000);

  it('searches the whole list on the server, from the first page', async () => {
    const api = fakeClustersApi({
      listObjects: async (ref, query) => {
        if (ref.type.resource !== 'pods') return { kind: 'List', items: [] };
        if (query?.search === 'zeta') {
          return { kind: 'Pod', items: [pod('zeta-1', runningStatus)] };
        }
        return query?.continue === 'page-2'
          ? { kind: 'Pod', items: [pod('zeta-1', runningStatus)] }
          : {
              kind: 'Pod',
              items: [pod('alpha-1', runningStatus)],
              continue: 'page-2',
            };
      },
    });

    await renderClusters(api, '/clusters/demo?namespace=team-a');
    const table = await screen.findByRole(
      'table',
      { name: 'Pods' },
      { timeout: 5000 },
    );
    expect(await within(table).findByText('alpha-1')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Filter by text'), 'zeta');

    expect(await within(table).findByText('zeta-1')).toBeInTheDocument();
    expect(within(table).queryByText('alpha-1')).not.toBeInTheDocument();
    expect(screen.getByText('Page 1')).toBeInTheDocument();
    expect(api.listObjects).toHaveBeenLastCalledWith(
      expect.objectContaining({ namespace: 'team-a' }),
      expect.objectContaining({ search: 'zeta', continue: undefined }),
    );
  }, 30_000);

  it("remembers the user's namespace per cluster and opens it next time", async () => {
    const storage = mockApis.storage();
    const api = fakeClustersApi();

    const first = await renderClusters(api, '/clusters/demo?namespace=team-b', {
      storage,
    });
    await waitFor(() =>
      expect(
        storage.forBucket('kubedeck.clusters').snapshot('namespace:demo').value,
      ).toBe('team-b'),
    );
    first.unmount();
    api.listObjects.mockClear();

    await renderClusters(api, '/clusters/demo', { storage });
    await waitFor(() =>
      expect(api.listObjects).toHaveBeenCalledWith(
        expect.objectContaining({
          namespace: 'team-b',
          type: expect.objectContaining({ resource: 'pods' }),
        }),
        expect.anything(),
      ),
    );
  }, 30_000);

  it("keeps the user's chosen columns per kind", async () => {
    const storage = mockApis.storage();
    const api = fakeClustersApi({
      listObjects: async ref =>
        ref.type.resource === 'pods'
          ? { kind: 'Pod', items: [pod('web-1', runningStatus)] }
          : { kind: 'List', items: [] },
    });

    const first = await renderClusters(api, '/clusters/demo?namespace=team-a', {
      storage,
    });
    const table = await screen.findByRole(
      'table',
      { name: 'Pods' },
      { timeout: 5000 },
    );
    expect(
      within(table).getByRole('columnheader', { name: 'IP' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'IP' }));
    await waitFor(() =>
      expect(
        within(table).queryByRole('columnheader', { name: 'IP' }),
      ).not.toBeInTheDocument(),
    );
    first.unmount();

    await renderClusters(api, '/clusters/demo?namespace=team-a', { storage });
    const again = await screen.findByRole(
      'table',
      { name: 'Pods' },
      { timeout: 5000 },
    );
    expect(
      within(again).getByRole('columnheader', { name: 'Node' }),
    ).toBeInTheDocument();
    expect(
      within(again).queryByRole('columnheader', { name: 'IP' }),
    ).not.toBeInTheDocument();
  }, 30_000);
});

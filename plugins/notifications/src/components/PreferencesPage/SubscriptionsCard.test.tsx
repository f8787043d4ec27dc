import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeNotificationsApi,
  preferences,
} from '../../__testUtils__/fakeNotificationsApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { PreferencesPage } from './PreferencesPage';

jest.setTimeout(30_000);

const namespaces: Record<string, string[]> = {
  demo: ['shop', 'payments'],
  edge: ['iot'],
};

const withClusters = {
  listClusters: jest.fn(async () => Object.keys(namespaces)),
  listNamespaces: jest.fn(async (cluster: string) => namespaces[cluster]),
};

const render = (api: ReturnType<typeof fakeNotificationsApi>) =>
  renderWithApi(<PreferencesPage />, api);

async function pick(label: string, option: string) {
  await userEvent.click(
    within(
      (
        await screen.findByText(label, { selector: 'label' })
      ).parentElement!,
    ).getByRole('button'),
  );
  await userEvent.click(
    within(await screen.findByRole('listbox')).getByText(option),
  );
}

describe('Subscriptions on the preferences page', () => {
  it('follows a namespace of a cluster picked from the clusters API, for one category', async () => {
    const api = fakeNotificationsApi(withClusters);
    await render(api);
    expect(
      await screen.findByText('You follow no cluster, namespace or category.'),
    ).toBeInTheDocument();

    await pick('Cluster', 'demo');
    await pick('Namespace', 'shop');
    await pick('Category', 'Critical');
    await userEvent.click(screen.getByRole('button', { name: 'Follow' }));

    expect(
      await screen.findByText('Critical in namespace shop on cluster demo'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.updatePreferences).toHaveBeenCalledWith({
        preferences: [],
        subscriptions: [
          { cluster: 'demo', namespace: 'shop', category: 'alerts.critical' },
        ],
      }),
    );
  });

  it('lists existing subscriptions and removes one', async () => {
    const api = fakeNotificationsApi({
      ...withClusters,
      getPreferences: jest.fn(async () => ({
        ...preferences(),
        subscriptions: [
          { cluster: 'edge' },
          { category: 'alerts.security' as const },
        ],
      })),
    });
    await render(api);

    expect(
      await screen.findByText('All alerts on cluster edge'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Stop following Security' }),
    );

    const list = screen.getByRole('list', { name: 'Subscriptions' });
    await waitFor(() =>
      expect(within(list).queryByText('Security')).not.toBeInTheDocument(),
    );
    expect(api.updatePreferences).toHaveBeenCalledWith({
      preferences: [],
      subscriptions: [{ cluster: 'edge' }],
    });
  });

  it('says so when the subscription exists, and puts the list back when saving fails', async () => {
    const api = fakeNotificationsApi({
      ...withClusters,
      getPreferences: jest.fn(async () => ({
        ...preferences(),
        subscriptions: [{ cluster: 'demo' }],
      })),
      updatePreferences: jest.fn(async () => {
        throw new Error('subscriptions[0]: too many');
      }),
    });
    await render(api);

    await pick('Cluster', 'demo');
    await userEvent.click(screen.getByRole('button', { name: 'Follow' }));
    expect(
      await screen.findByText('You already follow All alerts on cluster demo.'),
    ).toBeInTheDocument();

    await pick('Cluster', 'edge');
    await userEvent.click(screen.getByRole('button', { name: 'Follow' }));
    expect(
      await screen.findByText(
        'Your subscriptions were not saved: subscriptions[0]: too many',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('All alerts on cluster edge'),
    ).not.toBeInTheDocument();
  });

  it('takes typed names when the clusters cannot be listed', async () => {
    const api = fakeNotificationsApi({
      listClusters: jest.fn(async () => {
        throw new Error('404 Not Found');
      }),
    });
    await render(api);

    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Namespace' }),
      'shop',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Follow' }));

    await waitFor(() =>
      expect(api.updatePreferences).toHaveBeenCalledWith({
        preferences: [],
        subscriptions: [{ namespace: 'shop' }],
      }),
    );
  });
});

import { KubedeckNotificationsClient } from './KubedeckNotificationsClient';

describe('KubedeckNotificationsClient', () => {
  const discoveryApi = {
    getBaseUrl: async (pluginId: string) => `http://backend/api/${pluginId}`,
  };

  function clientAnswering(status: number, body?: unknown) {
    const fetch = jest.fn(
      async (_input: RequestInfo | URL, _init?: RequestInit) =>
        new Response(body === undefined ? null : JSON.stringify(body), {
          status,
          statusText: status < 300 ? 'OK' : 'Forbidden',
          headers: { 'content-type': 'application/json' },
        }),
    );
    return {
      client: new KubedeckNotificationsClient({
        discoveryApi,
        fetchApi: { fetch },
      }),
      fetch,
    };
  }

  it('puts preference changes as JSON', async () => {
    const { client, fetch } = clientAnswering(204);

    await client.updatePreferences({
      preferences: [
        { category: 'alerts.info', channel: 'inbox', frequency: 'weekly' },
      ],
    });

    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/kubedeck-notifications/preferences',
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{"preferences":[{"category":"alerts.info","channel":"inbox","frequency":"weekly"}]}',
      },
    );
  });

  it('lists clusters and their namespaces from the clusters backend, sorted', async () => {
    const { client, fetch } = clientAnswering(200, {
      items: [{ name: 'edge' }, { name: 'demo' }],
    });
    expect(await client.listClusters()).toEqual(['demo', 'edge']);

    fetch.mockResolvedValueOnce(
      new Response(
        JSON.stringify({
          items: [{ metadata: { name: 'shop' } }, { metadata: { name: 'a' } }],
        }),
      ),
    );
    expect(await client.listNamespaces('de mo')).toEqual(['a', 'shop']);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://backend/api/clusters/v1/clusters',
      'http://backend/api/clusters/v1/clusters/de%20mo/core/v1/namespaces?limit=500',
    ]);
  });

  it('enables, disables and tests a channel through its own routes', async () => {
    const { client, fetch } = clientAnswering(200, { status: 'delivered' });

    await client.setChannelEnabled('a/b', false);
    await client.setChannelEnabled('a/b', true);
    await client.testChannel('a/b');

    expect(fetch.mock.calls.map(([url, init]) => [init?.method, url])).toEqual([
      [
        'POST',
        'http://backend/api/kubedeck-notifications/channels/a%2Fb/disable',
      ],
      [
        'POST',
        'http://backend/api/kubedeck-notifications/channels/a%2Fb/enable',
      ],
      ['POST', 'http://backend/api/kubedeck-notifications/channels/a%2Fb/test'],
    ]);
  });

  it('sends only the delivery filters that are set', async () => {
    const { client, fetch } = clientAnswering(200, {
      items: [],
      totalCount: 0,
    });

    await expect(
      client.listDeliveries({
        status: 'failed',
        channel: undefined,
        limit: 50,
      }),
    ).resolves.toEqual({ items: [], totalCount: 0 });

    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/kubedeck-notifications/deliveries?status=failed&limit=50',
      { method: 'GET' },
    );
  });

  it('unwraps channel lists', async () => {
    const { client } = clientAnswering(200, { items: [{ id: 'c1' }] });

    await expect(client.listChannels()).resolves.toEqual([{ id: 'c1' }]);
  });

  it('turns an error response into an error that carries its message', async () => {
    const { client } = clientAnswering(403, {
      error: {
        name: 'NotAllowedError',
        message: 'Missing permission kubedeck.notifications.channels.manage',
      },
      response: { statusCode: 403 },
    });

    await expect(client.listChannels()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: {
        error: {
          message: 'Missing permission kubedeck.notifications.channels.manage',
        },
      },
    });
  });
});

import { AuditClient } from './AuditClient';

describe('AuditClient', () => {
  const discoveryApi = {
    getBaseUrl: async (pluginId: string) => `http://backend/api/${pluginId}`,
  };

  function clientAnswering(status: number, body: unknown) {
    const fetch = jest.fn(
      async (_input: RequestInfo | URL, _init?: RequestInit) =>
        new Response(JSON.stringify(body), {
          status,
          statusText: status === 200 ? 'OK' : 'Forbidden',
          headers: { 'content-type': 'application/json' },
        }),
    );
    return {
      client: new AuditClient({ discoveryApi, fetchApi: { fetch } }),
      fetch,
    };
  }

  it('sends only the filters that are set', async () => {
    const { client, fetch } = clientAnswering(200, { items: [] });

    await expect(
      client.listEvents({ actor: 'user:default/a b', target: '', limit: 50 }),
    ).resolves.toEqual({ items: [] });

    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/kubedeck-audit/events?actor=user%3Adefault%2Fa+b&limit=50',
    );
  });

  it('turns an error response into an error that carries its message', async () => {
    const { client } = clientAnswering(403, {
      error: {
        name: 'NotAllowedError',
        message: "Missing permission 'kubedeck.audit.read'",
      },
      response: { statusCode: 403 },
    });

    await expect(client.verify()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { message: "Missing permission 'kubedeck.audit.read'" } },
    });
  });
});

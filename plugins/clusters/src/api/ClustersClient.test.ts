import { LogLineEvent } from '@kubedeck/plugin-clusters-common';
import { ClustersClient } from './ClustersClient';
import { StreamState } from './types';

const discoveryApi = {
  getBaseUrl: async (pluginId: string) => `http://backend/api/${pluginId}`,
};

/** A streamed response that sends `chunks` and then closes, like a dropped connection. */
function sseResponse(chunks: string[]) {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream({
      start(controller) {
        chunks.forEach(chunk => controller.enqueue(encoder.encode(chunk)));
        controller.close();
      },
    }),
    { status: 200, headers: { 'content-type': 'text/event-stream' } },
  );
}

function logEvent(id: string, line: string) {
  return `id: ${id}\ndata: ${JSON.stringify({ time: id, line })}\n\n`;
}

function until(predicate: () => boolean) {
  return new Promise<void>(resolve => {
    const check = () => (predicate() ? resolve() : setTimeout(check, 1));
    check();
  });
}

describe('ClustersClient', () => {
  it('lists clusters from the v1 API', async () => {
    const fetch = jest.fn(async () =>
      Response.json({ items: [{ name: 'demo', title: 'Demo' }] }),
    );
    const client = new ClustersClient({ discoveryApi, fetchApi: { fetch } });

    await expect(client.listClusters()).resolves.toEqual([
      { name: 'demo', title: 'Demo' },
    ]);
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/clusters/v1/clusters',
      undefined,
    );
  });

  it('addresses core and grouped objects and sends only the set list options', async () => {
    const fetch = jest.fn(
      async (_url: RequestInfo | URL, _init?: RequestInit) =>
        Response.json({ items: [] }),
    );
    const client = new ClustersClient({ discoveryApi, fetchApi: { fetch } });

    await client.listObjects(
      {
        cluster: 'demo',
        namespace: 'team-a',
        type: { group: 'core', version: 'v1', resource: 'pods' },
      },
      { labelSelector: 'app=web', limit: 50, continue: undefined },
    );
    await client.scaleObject(
      {
        cluster: 'demo',
        namespace: 'team-a',
        name: 'web',
        type: { group: 'apps', version: 'v1', resource: 'deployments' },
      },
      5,
    );

    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/clusters/v1/clusters/demo/namespaces/team-a/core/v1/pods?labelSelector=app%3Dweb&limit=50',
    );
    expect(fetch.mock.calls[1]).toEqual([
      'http://backend/api/clusters/v1/clusters/demo/namespaces/team-a/apps/v1/deployments/web/scale',
      expect.objectContaining({ method: 'POST', body: '{"replicas":5}' }),
    ]);
  });

  it("lists a namespace's events through a field selector", async () => {
    const fetch = jest.fn(async (_url: RequestInfo | URL) =>
      Response.json({ items: [] }),
    );
    const client = new ClustersClient({ discoveryApi, fetchApi: { fetch } });

    await client.listObjects(
      {
        cluster: 'demo',
        namespace: 'team-a',
        type: { group: 'core', version: 'v1', resource: 'events' },
      },
      { limit: 100 },
    );

    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/clusters/v1/clusters/demo/core/v1/events?limit=100&fieldSelector=metadata.namespace%3Dteam-a',
    );
  });

  it('turns an error answer into an error carrying the server message', async () => {
    const fetch = jest.fn(async () =>
      Response.json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'Missing permission kubedeck.clusters.resource.delete',
          },
        },
        { status: 403 },
      ),
    );
    const client = new ClustersClient({ discoveryApi, fetchApi: { fetch } });

    await expect(
      client.deleteObject({
        cluster: 'demo',
        namespace: 'a',
        name: 'p',
        type: { group: 'core', version: 'v1', resource: 'pods' },
      }),
    ).rejects.toMatchObject({ statusCode: 403 });
  });

  it('resumes a log stream after a drop with Last-Event-ID, missing and repeating nothing', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(
        sseResponse([
          'retry: 2000\n\n',
          logEvent('t1_1', 'one'),
          logEvent('t2_1', 'tw'),
        ]),
      )
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(
        sseResponse([logEvent('t3_1', 'three'), 'event: end\ndata: {}\n\n']),
      );
    const client = new ClustersClient({
      discoveryApi,
      fetchApi: { fetch },
      retryMs: 1,
    });
    const lines: string[] = [];
    const states: StreamState[] = [];

    client.streamLogs(
      { cluster: 'demo', namespace: 'team-a', pod: 'api-1' },
      { follow: true, container: 'api' },
      {
        onLine: (line: LogLineEvent) => lines.push(line.line),
        onState: state => states.push(state),
      },
    );
    await until(() => states.some(s => s.state === 'ended'));

    expect(lines).toEqual(['one', 'tw', 'three']);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/clusters/v1/clusters/demo/namespaces/team-a/pods/api-1/logs?follow=true&container=api',
    );
    expect(fetch.mock.calls[0][1].headers['Last-Event-ID']).toBeUndefined();
    expect(fetch.mock.calls[1][1].headers['Last-Event-ID']).toBe('t2_1');
    expect(fetch.mock.calls[2][1].headers['Last-Event-ID']).toBe('t2_1');
    expect(states.map(s => s.state)).toEqual([
      'connecting',
      'open',
      'reconnecting',
      'reconnecting',
      'open',
      'ended',
    ]);
  });

  it('stops a stream for good when the server refuses it', async () => {
    const fetch = jest.fn(async () =>
      Response.json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'Missing permission kubedeck.clusters.logs.read',
          },
          response: { statusCode: 403 },
        },
        { status: 403 },
      ),
    );
    const client = new ClustersClient({
      discoveryApi,
      fetchApi: { fetch },
      retryMs: 1,
    });
    const states: StreamState[] = [];

    client.streamLogs(
      { cluster: 'demo', namespace: 'a', pod: 'p' },
      {},
      {
        onLine: () => {},
        onState: state => states.push(state),
      },
    );
    await until(() => states.some(s => s.state === 'failed'));

    expect(states.at(-1)).toEqual({
      state: 'failed',
      error: 'Missing permission kubedeck.clusters.logs.read',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('replaces the list on reset and applies watch changes', async () => {
    const pod = (name: string) => ({ metadata: { name } });
    const fetch = jest.fn(async () =>
      sseResponse([
        `id: e:1\nevent: reset\ndata: ${JSON.stringify({
          kind: 'Pod',
          items: [pod('a')],
        })}\n\n`,
        `id: e:2\ndata: ${JSON.stringify({
          type: 'ADDED',
          object: pod('b'),
        })}\n\n`,
      ]),
    );
    const client = new ClustersClient({
      discoveryApi,
      fetchApi: { fetch },
      retryMs: 1000,
    });
    const seen: string[] = [];

    const stop = client.watch(
      {
        cluster: 'demo',
        namespace: 'team-a',
        type: { group: 'core', version: 'v1', resource: 'pods' },
      },
      {
        onReset: items => seen.push(`reset ${items.map(i => i.metadata.name)}`),
        onChange: (type, object) =>
          seen.push(`${type} ${object.metadata.name}`),
      },
    );
    await until(() => seen.length === 2);
    stop();

    expect(seen).toEqual(['reset a', 'ADDED b']);
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/clusters/v1/clusters/demo/watch?resource=v1%2Fpods&namespace=team-a',
      expect.anything(),
    );
  });
});

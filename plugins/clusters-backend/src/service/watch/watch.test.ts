import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { clusterResourceReadPermission } from '@kubedeck/plugin-clusters-common';
import {
  clusterResourceConditions,
  createClusterResourceConditionalDecision,
} from '@kubedeck/plugin-clusters-node';
import { startKubeSimBackend } from '../../__testUtils__/kubeSimBackend';
import { openSse, ReceivedEvent } from '../../__testUtils__/sseClient';

jest.setTimeout(60_000);

const WATCH = '/api/clusters/v1/clusters/demo/watch';

function configMap(name: string, namespace = 'team-a') {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace },
    data: { v: name },
  };
}

/** Reads events until `until` says stop; `afterFirst` runs once the first event arrived. */
async function collect(
  env: Awaited<ReturnType<typeof startKubeSimBackend>>,
  path: string,
  headers: Record<string, string>,
  until: (events: ReceivedEvent[]) => boolean,
  afterFirst?: () => Promise<void>,
) {
  const events: ReceivedEvent[] = [];
  await openSse(env.server, path, headers, event => {
    events.push(event);
    if (events.length === 1) afterFirst?.();
    return !until(events);
  });
  return events;
}

describe('watch over SSE', () => {
  let env: Awaited<ReturnType<typeof startKubeSimBackend>>;

  beforeAll(async () => {
    env = await startKubeSimBackend({ chaos: { dropWatchesAfterSeconds: 1 } });
  });
  afterAll(() => env.close());

  it('starts with the full list, then resumes after a disconnect with nothing missed or repeated', async () => {
    const first = await collect(
      env,
      `${WATCH}?resource=v1/configmaps&namespace=team-a`,
      {},
      events => events.some(e => e.data.object?.metadata?.name === 'w-1'),
      async () => {
        await env.kube('/api/v1/namespaces/team-a/configmaps', {
          method: 'POST',
          body: configMap('w-1'),
        });
      },
    );
    expect(first[0].event).toBe('reset');
    expect(first[0].data.items.map((c: any) => c.metadata.name)).toContain(
      'web-config',
    );
    const lastId = first[first.length - 1].id!;

    // while nobody watches (and kube-sim drops the upstream watch every second)
    await env.kube('/api/v1/namespaces/team-a/configmaps', {
      method: 'POST',
      body: configMap('w-2'),
    });
    await env.kube('/api/v1/namespaces/team-a/configmaps/w-1', {
      method: 'DELETE',
    });
    await new Promise(r => setTimeout(r, 1500));
    await env.kube('/api/v1/namespaces/team-a/configmaps', {
      method: 'POST',
      body: configMap('w-3'),
    });

    const resumed = await collect(
      env,
      `${WATCH}?resource=v1/configmaps&namespace=team-a`,
      { 'Last-Event-ID': lastId },
      events => events.some(e => e.data.object?.metadata?.name === 'w-3'),
    );
    expect(
      resumed.map(e => `${e.data.type} ${e.data.object.metadata.name}`),
    ).toEqual(['ADDED w-2', 'DELETED w-1', 'ADDED w-3']);
    const ids = [lastId, ...resumed.map(e => e.id)].map(id =>
      Number(id!.split(':')[1]),
    );
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('sends a reset with the full list when the id is unknown', async () => {
    const events = await collect(
      env,
      `${WATCH}?resource=v1/configmaps&namespace=team-a&since=00000000:5`,
      {},
      e => e.length >= 1,
    );
    expect(events[0].event).toBe('reset');
    expect(events[0].data.items.map((c: any) => c.metadata.name)).toEqual(
      expect.arrayContaining(['w-2', 'w-3']),
    );
  });

  it('never shows a namespace-restricted user another namespace', async () => {
    env.state.policy = (name, user) =>
      user === 'user:default/dev-a' &&
      name === 'kubedeck.clusters.resource.read'
        ? createClusterResourceConditionalDecision(
            clusterResourceReadPermission,
            clusterResourceConditions.isInNamespace({ namespaces: ['team-a'] }),
          )
        : { result: AuthorizeResult.ALLOW };
    const auth = {
      Authorization: mockCredentials.user.header('user:default/dev-a'),
    };
    const events = await collect(
      env,
      `${WATCH}?resource=v1/configmaps`,
      auth,
      e => e.some(x => x.data.object?.metadata?.name === 'a-2'),
      async () => {
        await env.kube('/api/v1/namespaces/team-b/configmaps', {
          method: 'POST',
          body: configMap('b-1', 'team-b'),
        });
        await env.kube('/api/v1/namespaces/team-a/configmaps', {
          method: 'POST',
          body: configMap('a-2'),
        });
      },
    );
    const namespaces = new Set([
      ...events[0].data.items.map((c: any) => c.metadata.namespace),
      ...events.slice(1).map(e => e.data.object.metadata.namespace),
    ]);
    expect([...namespaces]).toEqual(['team-a']);
    const denied = await openSse(
      env.server,
      `${WATCH}?resource=v1/configmaps&namespace=team-b`,
      auth,
      () => false,
    );
    expect(denied.status).toBe(403);
  });
});

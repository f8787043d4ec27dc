import { mockServices } from '@backstage/backend-test-utils';
import { ClusterClient, NamespaceGate } from '@kubedeck/plugin-clusters-node';
import { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { InformerEvent } from './Informer';
import { InformerRegistry } from './InformerRegistry';

const cm = (name: string, rv: string) => ({
  metadata: { name, namespace: 'ns', resourceVersion: rv },
});

/** An API server whose first watch is answered 410 Gone, forcing a relist. */
async function startGoneServer() {
  const lists = [
    { items: [cm('a', '1'), cm('b', '1')], metadata: { resourceVersion: '1' } },
    { items: [cm('a', '4'), cm('c', '5')], metadata: { resourceVersion: '5' } },
  ];
  const watches: string[] = [];
  let listCalls = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    if (url.searchParams.get('watch')) {
      watches.push(url.searchParams.get('resourceVersion')!);
      if (watches.length === 1) {
        res.end(
          `${JSON.stringify({
            type: 'ERROR',
            object: { kind: 'Status', code: 410, message: 'too old' },
          })}\n`,
        );
        return;
      }
      res.write(`${JSON.stringify({ type: 'ADDED', object: cm('d', '6') })}\n`);
      return; // stays open
    }
    res.end(JSON.stringify(lists[Math.min(listCalls++, 1)]));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromClusterAndUser(
    {
      name: 'c',
      server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      skipTLSVerify: true,
    },
    { name: 'u', token: 't' },
  );
  const client = new ClusterClient(
    { name: 'c', connectionType: 'direct' },
    kubeConfig,
    new NamespaceGate(kubeConfig, undefined),
    undefined,
  );
  return {
    client,
    watches,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('Informer', () => {
  it('relists on 410 Gone and turns the differences into events, then watches from the new version', async () => {
    const server = await startGoneServer();
    const registry = new InformerRegistry(mockServices.logger.mock(), 10);
    const { informer, release } = registry.acquire(
      server.client,
      '/api/v1/namespaces/ns/configmaps',
    );
    await informer.ready;
    expect(informer.list().map(o => o.metadata.name)).toEqual(['a', 'b']);
    const events: InformerEvent[] = [];
    informer.subscribe(e => events.push(e));
    while (events.length < 4) await new Promise(r => setTimeout(r, 10));
    expect(events.map(e => `${e.type} ${e.object.metadata.name}`)).toEqual([
      'MODIFIED a',
      'ADDED c',
      'DELETED b',
      'ADDED d',
    ]);
    expect(events.map(e => e.seq)).toEqual([1, 2, 3, 4]);
    expect(server.watches).toEqual(['1', '5']);
    expect(informer.eventsAfter(2)!.map(e => e.seq)).toEqual([3, 4]);
    expect(
      informer
        .list()
        .map(o => o.metadata.name)
        .sort(),
    ).toEqual(['a', 'c', 'd']);
    release();
    registry.stopAll();
    server.close();
  });

  it('shares one informer among viewers and stops it once nobody watches for the grace period', async () => {
    const server = await startGoneServer();
    const registry = new InformerRegistry(mockServices.logger.mock(), 50);
    const first = registry.acquire(
      server.client,
      '/api/v1/namespaces/ns/configmaps',
    );
    const second = registry.acquire(
      server.client,
      '/api/v1/namespaces/ns/configmaps',
    );
    expect(second.informer).toBe(first.informer);
    first.release();
    second.release();
    const third = registry.acquire(
      server.client,
      '/api/v1/namespaces/ns/configmaps',
    );
    expect(third.informer).toBe(first.informer);
    third.release();
    await new Promise(r => setTimeout(r, 120));
    expect(first.informer.stopped).toBe(true);
    expect(registry.size).toBe(0);
    server.close();
  });

  it('starts a new informer when a cluster is supplied anew (new endpoint, CA or token)', async () => {
    const server = await startGoneServer();
    const registry = new InformerRegistry(mockServices.logger.mock(), 10);
    const again = new KubeConfig();
    again.loadFromString(server.client.kubeConfig.exportConfig());
    const resupplied = new ClusterClient(
      { name: 'c', connectionType: 'direct' },
      again,
      new NamespaceGate(again, undefined),
      undefined,
    );
    const first = registry.acquire(
      server.client,
      '/api/v1/namespaces/ns/configmaps',
    );
    const second = registry.acquire(
      resupplied,
      '/api/v1/namespaces/ns/configmaps',
    );
    expect(second.informer).not.toBe(first.informer);
    registry.stopAll();
    server.close();
  });
});

import { ClusterClient, NamespaceGate } from '@kubedeck/plugin-clusters-node';
import {
  fakeLines,
  startFakeLogServer,
} from '../../__testUtils__/fakeLogServer';
import { containerLogLines } from './containerLogs';
import { LogLine } from './logLine';

describe('containerLogLines', () => {
  it('delivers every line exactly once while the upstream follow is cut again and again', async () => {
    const lines = fakeLines('p', 300, { sameTimeEvery: 3 });
    const server = await startFakeLogServer({
      pods: { p: lines },
      cutAfter: () => 1 + Math.floor(Math.random() * 9),
    });
    const client = new ClusterClient(
      { name: 'fake', connectionType: 'direct' },
      server.kubeConfig,
      new NamespaceGate(server.kubeConfig, undefined),
      undefined,
    );
    const controller = new AbortController();
    const received: LogLine[] = [];
    for await (const line of containerLogLines({
      client,
      namespace: 'ns',
      pod: 'p',
      container: 'app',
      source: '',
      follow: true,
      signal: controller.signal,
      retryDelayMs: 10,
    })) {
      received.push(line);
      if (received.length === lines.length) {
        controller.abort();
      }
    }
    expect(received.map(l => l.text)).toEqual(
      lines.map(l => l.split(' ').slice(1).join(' ')),
    );
    expect(server.cuts).toBeGreaterThan(20);
    await server.close();
  });
});

describe('resuming a tail that starts inside a group of equal timestamps', () => {
  it('continues exactly after the line of the id', async () => {
    const lines = fakeLines('p', 30, { sameTimeEvery: 3 });
    const server = await startFakeLogServer({
      pods: { p: lines },
      cutAfter: () => 1000,
    });
    const client = new ClusterClient(
      { name: 'fake', connectionType: 'direct' },
      server.kubeConfig,
      new NamespaceGate(server.kubeConfig, undefined),
      undefined,
    );
    const read = async (options: { tailLines?: number; after?: LogLine }) => {
      const out: LogLine[] = [];
      for await (const line of containerLogLines({
        client,
        namespace: 'ns',
        pod: 'p',
        container: 'app',
        source: '',
        follow: false,
        signal: new AbortController().signal,
        ...options,
      }))
        out.push(line);
      return out;
    };
    const tail = await read({ tailLines: 10 }); // starts with the last line of a group of three
    const resumed = await read({ after: tail[0] });
    expect(resumed.map(l => l.text)).toEqual(tail.slice(1).map(l => l.text));
    await server.close();
  });
});

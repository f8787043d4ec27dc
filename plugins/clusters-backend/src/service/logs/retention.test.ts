import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ClusterClient, NamespaceGate } from '@kubedeck/plugin-clusters-node';
import { RetainedLogStore } from '../../database/RetainedLogStore';
import {
  fakeLines,
  startFakeLogServer,
} from '../../__testUtils__/fakeLogServer';
import { InformerRegistry } from '../watch/InformerRegistry';
import { LogRetainer } from './LogRetainer';
import { formatLogId } from './logLine';
import { retainedContainer, retainedLogLines } from './retainedLogs';

jest.setTimeout(60_000);

describe('log retention', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('keeps the last lines of a finished pod and replays them with the same positions', async () => {
    const lines = fakeLines('job', 30, { sameTimeEvery: 2 });
    const fake = await startFakeLogServer({
      pods: { 'job-1': lines },
      cutAfter: () => 1000,
    });
    const client = new ClusterClient(
      { name: 'fake', connectionType: 'direct' },
      fake.kubeConfig,
      new NamespaceGate(fake.kubeConfig, undefined),
      undefined,
    );
    const store = await RetainedLogStore.create({
      database: mockServices.database({
        knex: await databases.init('SQLITE_3'),
      }),
    });
    const retainer = new LogRetainer({
      registry: {
        addSuppliers: jest.fn(),
        listClusters: async () => [],
        getCluster: async () => undefined,
      },
      access: mockServices.permissions.mock() as any,
      informers: new InformerRegistry(mockServices.logger.mock()),
      store,
      logger: mockServices.logger.mock(),
      maxLines: 20,
      retentionMinutes: 60,
    });
    await retainer.capture(client, {
      metadata: { name: 'job-1', namespace: 'ns' },
      spec: { containers: [{ name: 'app' }] },
    });
    await fake.close();

    const pod = { cluster: 'fake', namespace: 'ns', pod: 'job-1' };
    expect(await retainedContainer(store, pod)).toBe('app');
    await expect(retainedContainer(store, pod, 'other')).rejects.toThrow(
      /was not kept/,
    );
    const kept = [];
    for await (const line of retainedLogLines(store, {
      ...pod,
      container: 'app',
    }))
      kept.push(line);
    expect(kept.map(l => l.text)).toEqual(
      lines.slice(-20).map(l => l.slice(l.indexOf(' ') + 1)),
    );
    const resumed = [];
    for await (const line of retainedLogLines(
      store,
      { ...pod, container: 'app' },
      kept[9],
    ))
      resumed.push(line);
    expect(resumed.map(formatLogId)).toEqual(kept.slice(10).map(formatLogId));
  });
});

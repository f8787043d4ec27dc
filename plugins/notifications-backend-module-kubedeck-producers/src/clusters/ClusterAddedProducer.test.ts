import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { ClusterDefinition } from '@kubedeck/plugin-clusters-node';
import { KubeConfig } from '@kubernetes/client-node';
import { PortalLinks } from '../events';
import { recordingBroker } from '../__testUtils__/events';
import { ClusterAddedProducer } from './ClusterAddedProducer';
import { KnownClusterStore } from './KnownClusterStore';

jest.setTimeout(60_000);

// PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set (`make test`).
const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const cluster = (name: string): ClusterDefinition => ({
  name,
  title: name.toUpperCase(),
  connectionType: 'agent',
  kubeConfig: new KubeConfig(),
});

describe('ClusterAddedProducer', () => {
  it.each(databases.eachSupportedId())(
    'announces a cluster the first time it is listed, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await KnownClusterStore.create({
        database: mockServices.database({ knex }),
      });
      const { broker, events, next } = await recordingBroker();
      const producer = new ClusterAddedProducer({
        store,
        broker,
        links: new PortalLinks('http://localhost:3000'),
        logger: mockServices.logger.mock(),
      });

      // Installed into a portal that already has clusters: those are not news.
      await producer.check([cluster('prod')]);
      await producer.check([cluster('prod'), cluster('edge')]);
      await producer.check([cluster('prod'), cluster('edge')]);

      expect(await next(() => true)).toMatchObject({
        topic: 'alerts.info',
        severity: 'info',
        cluster: 'edge',
        title: 'Cluster EDGE was added',
        fingerprint: 'edge/-/Cluster/edge/ClusterAdded',
        link: 'http://localhost:3000/clusters/edge',
      });
      expect(events).toHaveLength(1);
    },
  );
});

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  BrokerMessage,
  KafkaMessageBroker,
  publishKubedeckEvent,
} from '@kubedeck/plugin-notifications-node';
import {
  KafkaMockCluster,
  startKafkaMockCluster,
} from '@kubedeck/plugin-notifications-node/testUtils';
import { ALICE, eventually } from '../__testUtils__/backend';
import { createHarness } from '../__testUtils__/harness';
import { CONSUMER_GROUP } from '../service/NotificationsService';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
let cluster: KafkaMockCluster;

beforeAll(async () => {
  cluster = await startKafkaMockCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

const broker = () =>
  KafkaMessageBroker.create({
    kafka: {
      brokers: [cluster.bootstrapServers],
      clientId: 'routing-test',
      logLevel: 0,
    },
    logger: mockServices.rootLogger({ level: 'none' }),
    consumer: {
      sessionTimeout: 6000,
      heartbeatInterval: 500,
      rebalanceTimeout: 6000,
      maxWaitTimeInMs: 100,
    },
  });

describe.each(databases.eachSupportedId())(
  'routing over Kafka on %p',
  databaseId => {
    it('shows every event once in the inbox after the consumer dies before acknowledging', async () => {
      const { service, inbox } = await createHarness(
        await databases.init(databaseId),
      );
      const topic = 'alerts.critical';
      const group = `${CONSUMER_GROUP}-${databaseId}-${Date.now()}`;
      const producer = broker();

      // First consumer: commits each event to the outbox, then dies before Kafka hears back.
      const first = broker();
      let handled = 0;
      // Both databases' runs share the mock cluster's topic: each routes only its own events.
      const clusterName = `demo-${databaseId}`;
      const ours = (message: BrokerMessage) =>
        message.value.cluster === clusterName;
      await first.subscribe(topic, group, async message => {
        if (!ours(message)) return;
        await service.router.handleMessage(message);
        handled += 1;
        await new Promise(() => {});
      });
      const events = ['cart-1', 'cart-2', 'cart-3'].map(pod => ({
        cluster: clusterName,
        namespace: 'shop',
        object: { kind: 'Pod', name: pod },
        entityRef: 'component:default/shop-cart',
        severity: 'critical' as const,
        category: 'alerts.critical' as const,
        title: `${pod} is in CrashLoopBackOff`,
        fingerprint: `${clusterName}/shop/Pod/${pod}/CrashLoopBackOff`,
      }));
      for (const event of events) {
        await publishKubedeckEvent(producer, event);
      }
      await eventually(async () => handled > 0);
      await first.close();

      // The restarted consumer receives the unacknowledged events again.
      const second = broker();
      let redelivered = 0;
      await second.subscribe(topic, group, async message => {
        if (!ours(message)) return;
        redelivered += 1;
        await service.router.handleMessage(message);
      });
      await eventually(
        async () => inbox.of(ALICE).length === 3 && handled + redelivered > 3,
      );
      await service.worker.idle();
      expect(inbox.sends).toBe(3);
      expect(
        inbox
          .of(ALICE)
          .map(e => e.payload.title)
          .sort(),
      ).toEqual(events.map(e => e.title).sort());
      await second.close();
      await producer.close();
    });
  },
);

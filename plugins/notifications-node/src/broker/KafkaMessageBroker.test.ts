import { mockServices } from '@backstage/backend-test-utils';
import { logLevel } from 'kafkajs';
import { describeMessageBrokerContract } from './contractTests';
import { KafkaMessageBroker } from './KafkaMessageBroker';
import { KafkaMockCluster, startKafkaMockCluster } from './kafkaMockCluster';

// Group rebalances against the mock cluster slow down a lot on a loaded machine.
jest.setTimeout(180_000);

let cluster: KafkaMockCluster;

beforeAll(async () => {
  cluster = await startKafkaMockCluster();
});

afterAll(async () => {
  await cluster?.stop();
});

describeMessageBrokerContract('kafka (librdkafka mock cluster)', async () =>
  KafkaMessageBroker.create({
    kafka: {
      brokers: [cluster.bootstrapServers],
      clientId: 'kubedeck-contract',
      retry: { retries: 5, initialRetryTime: 100 },
      logLevel: logLevel.NOTHING,
    },
    consumer: {
      sessionTimeout: 6000,
      heartbeatInterval: 500,
      rebalanceTimeout: 6000,
      maxWaitTimeInMs: 200,
    },
    logger: mockServices.logger.mock(),
  }),
);

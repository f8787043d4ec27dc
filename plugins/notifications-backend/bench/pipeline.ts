/**
 * Shared measurements for the notification benchmarks: publish → route → outbox → inbox send,
 * in one process, with the in-memory broker or Kafka (librdkafka's mock cluster).
 */
import {
  InMemoryMessageBroker,
  KafkaMessageBroker,
  MessageBroker,
  publishKubedeckEvent,
} from '@kubedeck/plugin-notifications-node';
import { startKafkaMockCluster } from '@kubedeck/plugin-notifications-node/testUtils';
import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createHarness } from '../src/__testUtils__/harness';

export interface Row {
  benchmark: string;
  figure: string;
  baseline: string;
  ratio: string;
}

const event = (i: number, fingerprint = `bench/${i}`) => ({
  cluster: 'demo',
  namespace: 'shop',
  object: { kind: 'Pod', name: `pod-${i}` },
  entityRef: 'component:default/shop-cart',
  severity: 'critical' as const,
  category: 'alerts.critical' as const,
  title: `event ${i}`,
  fingerprint,
});

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
};

async function until(check: () => boolean) {
  while (!check()) await sleep(2);
}

/** Publishes n events and waits for their inbox sends; events per second. */
export async function pipelineThroughput(
  db: Knex,
  broker: MessageBroker,
  n: number,
) {
  const { service, inbox } = await createHarness(db);
  await service.start(broker);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: n }, (_, i) => publishKubedeckEvent(broker, event(i))),
  );
  await until(() => inbox.sends >= n);
  return n / ((performance.now() - start) / 1000);
}

/** Broker alone (no-op handler): the baseline for the pipeline figures. */
export async function brokerThroughput(broker: MessageBroker, n: number) {
  let received = 0;
  await broker.subscribe(
    'alerts.critical',
    'baseline',
    async () => void (received += 1),
  );
  const start = performance.now();
  await Promise.all(
    Array.from({ length: n }, (_, i) => publishKubedeckEvent(broker, event(i))),
  );
  await until(() => received >= n);
  return n / ((performance.now() - start) / 1000);
}

/** p99 publish → inbox (or → handler, without a database) latency at a steady rate. */
export async function latencyAtRate(
  db: Knex | undefined,
  rate: number,
  seconds: number,
) {
  const broker = new InMemoryMessageBroker();
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const arrived = (title: string) =>
    latencies.push(performance.now() - sentAt.get(title)!);
  if (db) {
    const { service, inbox } = await createHarness(db);
    inbox.onSend = payload => arrived(payload.title);
    await service.start(broker);
  } else {
    await broker.subscribe('alerts.critical', 'baseline', async m =>
      arrived(String(m.value.title)),
    );
  }
  const total = rate * seconds;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    if (due > performance.now()) await sleep(due - performance.now());
    sentAt.set(`event ${i}`, performance.now());
    void publishKubedeckEvent(broker, event(i));
  }
  await until(() => latencies.length >= total);
  await broker.close();
  return percentile(latencies, 99);
}

/** A storm on one fingerprint: how many inbox entries and deliveries it produces. */
export async function storm(db: Knex, n: number) {
  const broker = new InMemoryMessageBroker();
  const { service, inbox, stores } = await createHarness(db);
  await service.start(broker);
  for (let i = 0; i < n; i++) {
    await publishKubedeckEvent(
      broker,
      event(i, 'demo/shop/Pod/cart-1/CrashLoopBackOff'),
    );
  }
  // Every event routed (each leaves its id behind), then every delivery sent.
  for (;;) {
    const [{ count }] = await db('received_events').count({ count: '*' });
    if (Number(count) >= n) break;
    await sleep(100);
  }
  await service.worker.idle();
  while ((await service.worker.runOnce()) > 0);
  await broker.close();
  const { totalCount } = await stores.deliveries.list({ limit: 1, offset: 0 });
  return { entries: inbox.entries.size, deliveries: totalCount };
}

/** Runs the Kafka pipeline against a fresh mock cluster. */
export async function withKafka<T>(
  fn: (broker: MessageBroker) => Promise<T>,
): Promise<T> {
  const cluster = await startKafkaMockCluster();
  const broker = KafkaMessageBroker.create({
    kafka: {
      brokers: [cluster.bootstrapServers],
      clientId: 'bench',
      logLevel: 0 /* NOTHING */,
    },
    logger: mockServices.rootLogger({ level: 'none' }),
    consumer: {
      sessionTimeout: 6000,
      heartbeatInterval: 500,
      rebalanceTimeout: 6000,
      maxWaitTimeInMs: 50,
    },
  });
  try {
    return await fn(broker);
  } finally {
    await broker.close();
    await cluster.stop();
  }
}

/** The rows every database's benchmark reports. */
export async function measure(
  label: string,
  createDb: () => Promise<Knex>,
): Promise<Row[]> {
  const N = Number(process.env.BENCH_EVENTS ?? 2000);
  const baseline = await brokerThroughput(new InMemoryMessageBroker(), N);
  const memory = await pipelineThroughput(
    await createDb(),
    new InMemoryMessageBroker(),
    N,
  );
  const kafkaBaseline = await withKafka(b => brokerThroughput(b, N));
  const kafka = await withKafka(async b =>
    pipelineThroughput(await createDb(), b, N),
  );
  const p99Baseline = await latencyAtRate(undefined, 1000, 3);
  const p99 = await latencyAtRate(await createDb(), 1000, 3);
  const stormResult = await storm(await createDb(), 10_000);
  const fmt = (x: number) => `${Math.round(x).toLocaleString('en-US')}`;
  return [
    {
      benchmark: `${label}, in-memory broker: events/s publish → inbox`,
      figure: `${fmt(memory)}/s`,
      baseline: `${fmt(baseline)}/s broker only`,
      ratio: `${(memory / baseline).toFixed(3)}×`,
    },
    {
      benchmark: `${label}, Kafka mock: events/s publish → inbox`,
      figure: `${fmt(kafka)}/s`,
      baseline: `${fmt(kafkaBaseline)}/s Kafka only`,
      ratio: `${(kafka / kafkaBaseline).toFixed(3)}×`,
    },
    {
      benchmark: `${label}, p99 publish → inbox at 1,000 events/s`,
      figure: `${p99.toFixed(1)} ms`,
      baseline: `${p99Baseline.toFixed(2)} ms broker only`,
      ratio: `${(p99 / p99Baseline).toFixed(1)}×`,
    },
    {
      benchmark: `${label}, CrashLoopBackOff storm of 10,000 events, one fingerprint`,
      figure: `${stormResult.entries} inbox notification (${stormResult.deliveries} sends)`,
      baseline: '10,000 events',
      ratio: `${(stormResult.entries / 10_000).toFixed(4)}×`,
    },
  ];
}

import { LoggerService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import {
  Consumer,
  ConsumerConfig,
  IHeaders,
  Kafka,
  KafkaConfig,
  KafkaMessage,
  Message,
  Producer,
} from 'kafkajs';
import { KafkaBrokerSettings } from './kafkaConfig';
import {
  BrokerMessage,
  BrokerMessageHandler,
  BrokerSubscription,
  MessageBroker,
  PublishOptions,
  SubscribeOptions,
} from './types';

/** @public */
export interface KafkaMessageBrokerOptions {
  kafka: KafkaConfig;
  settings?: Partial<KafkaBrokerSettings>;
  logger: LoggerService;
  /** How long `subscribe` waits for the consumer to join its group. */
  joinTimeoutMs?: number;
  /** Group membership timings passed to kafkajs consumers. */
  consumer?: Pick<
    ConsumerConfig,
    | 'sessionTimeout'
    | 'rebalanceTimeout'
    | 'heartbeatInterval'
    | 'maxWaitTimeInMs'
  >;
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) {
      result[name] = [value]
        .flat()
        .map(v => v.toString())
        .join(',');
    }
  }
  return result;
}

function decode(topic: string, message: KafkaMessage): BrokerMessage {
  return {
    topic,
    key: message.key?.toString(),
    value: JSON.parse(message.value?.toString() ?? 'null'),
    headers: decodeHeaders(message.headers),
  };
}

/**
 * The message broker over Kafka (kafkajs). Offsets are committed only for messages whose
 * handler resolved, so delivery is at least once.
 *
 * @public
 */
export class KafkaMessageBroker implements MessageBroker {
  readonly #kafka: Kafka;
  readonly #settings: KafkaBrokerSettings;
  readonly #logger: LoggerService;
  readonly #joinTimeoutMs: number;
  readonly #consumerConfig: KafkaMessageBrokerOptions['consumer'];
  readonly #subscriptions = new Set<BrokerSubscription>();
  readonly #outgoing: {
    topic: string;
    message: Message;
    resolve: () => void;
    reject: (error: unknown) => void;
  }[] = [];
  #producer?: Promise<Producer>;
  /** The next or current produce request of published messages. */
  #sending?: Promise<void>;

  static create(options: KafkaMessageBrokerOptions): KafkaMessageBroker {
    return new KafkaMessageBroker(options);
  }

  private constructor(options: KafkaMessageBrokerOptions) {
    this.#kafka = new Kafka(options.kafka);
    this.#settings = {
      groupIdPrefix: options.settings?.groupIdPrefix ?? 'kubedeck',
      fromBeginning: options.settings?.fromBeginning ?? true,
    };
    this.#logger = options.logger;
    this.#joinTimeoutMs = options.joinTimeoutMs ?? 60_000;
    this.#consumerConfig = options.consumer;
  }

  /**
   * Messages published in the same tick go out in one produce request (as a Kafka client's
   * `linger.ms` would), so a burst becomes a few record batches instead of one per message.
   */
  publish(
    topic: string,
    value: JsonObject,
    options?: PublishOptions,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const message: Message = {
        key: options?.key ?? null,
        value: JSON.stringify(value),
        headers: options?.headers,
      };
      this.#outgoing.push({ topic, message, resolve, reject });
      if (this.#outgoing.length === 1) {
        this.#sending = new Promise(tick => setImmediate(tick)).then(() =>
          this.#sendOutgoing(),
        );
      }
    });
  }

  async #sendOutgoing(): Promise<void> {
    const sending = this.#outgoing.splice(0);
    const byTopic = new Map<string, Message[]>();
    for (const { topic, message } of sending) {
      const messages = byTopic.get(topic) ?? [];
      messages.push(message);
      byTopic.set(topic, messages);
    }
    try {
      const producer = await this.#connectedProducer();
      await producer.sendBatch({
        topicMessages: [...byTopic].map(([topic, messages]) => ({
          topic,
          messages,
        })),
      });
      sending.forEach(item => item.resolve());
    } catch (error) {
      sending.forEach(item => item.reject(error));
    }
  }

  async subscribe(
    topics: string | string[],
    group: string,
    handler: BrokerMessageHandler,
    options?: SubscribeOptions,
  ): Promise<BrokerSubscription> {
    const maxInFlight = Math.max(1, options?.maxInFlight ?? 1);
    const consumer = this.#kafka.consumer({
      ...this.#consumerConfig,
      groupId: `${this.#settings.groupIdPrefix}.${group}`,
      allowAutoTopicCreation: true,
      retry: { initialRetryTime: 100, maxRetryTime: 5000, retries: 10 },
    });
    const joined = this.#waitForJoin(consumer);
    joined.catch(() => {});
    await consumer.connect();
    await consumer.subscribe({
      topics: [topics].flat(),
      fromBeginning: this.#settings.fromBeginning,
    });
    const closing = this.#closingSignal();
    await consumer.run({
      partitionsConsumedConcurrently: 4,
      eachBatchAutoResolve: false,
      eachBatch: async ({
        batch,
        resolveOffset,
        heartbeat,
        commitOffsetsIfNecessary,
        isRunning,
        isStale,
      }) => {
        const { topic, messages } = batch;
        for (let at = 0; at < messages.length && isRunning() && !isStale(); ) {
          const window = messages.slice(at, at + maxInFlight);
          const outcomes = await Promise.allSettled(
            window.map(m => this.#handle(topic, m, handler, closing.signal)),
          );
          for (const [i, outcome] of outcomes.entries()) {
            // Kafka fetches again from the first offset not resolved.
            if (outcome.status === 'rejected') throw outcome.reason;
            resolveOffset(window[i].offset);
          }
          at += window.length;
          await heartbeat();
          // As kafkajs does after each message: a rebalance then hands on no handled message.
          await commitOffsetsIfNecessary();
        }
      },
    });
    await joined;
    const subscription: BrokerSubscription = {
      close: async () => {
        this.#subscriptions.delete(subscription);
        closing.close();
        await consumer.disconnect();
      },
    };
    this.#subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#subscriptions].map(s => s.close()));
    await this.#sending;
    const producer = this.#producer;
    this.#producer = undefined;
    if (producer) {
      await (await producer).disconnect();
    }
  }

  async #handle(
    topic: string,
    message: KafkaMessage,
    handler: BrokerMessageHandler,
    closed: Promise<never>,
  ): Promise<void> {
    let decoded: BrokerMessage;
    try {
      decoded = decode(topic, message);
    } catch (error) {
      this.#logger.error(
        `Skipping undecodable message at ${topic} offset ${message.offset}: ${error}`,
      );
      return;
    }
    // A subscription closed while its handler runs leaves the message unacknowledged.
    await Promise.race([handler(decoded), closed]);
  }

  #closingSignal(): { signal: Promise<never>; close: () => void } {
    let close = () => {};
    const signal = new Promise<never>((_, reject) => {
      close = () =>
        reject(new Error('Subscription closed before the message was handled'));
    });
    signal.catch(() => {});
    return { signal, close };
  }

  #waitForJoin(consumer: Consumer): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('Timed out joining the Kafka consumer group')),
        this.#joinTimeoutMs,
      );
      timer.unref?.();
      consumer.on(consumer.events.GROUP_JOIN, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  #connectedProducer(): Promise<Producer> {
    if (!this.#producer) {
      const producer = this.#kafka.producer({ allowAutoTopicCreation: true });
      this.#producer = producer.connect().then(() => producer);
      this.#producer.catch(() => {
        this.#producer = undefined;
      });
    }
    return this.#producer;
  }
}

import { JsonObject } from '@backstage/types';
import { createHash } from 'node:crypto';
import {
  BrokerMessage,
  BrokerMessageHandler,
  BrokerSubscription,
  MessageBroker,
  PublishOptions,
  SubscribeOptions,
} from './types';

/** @public */
export interface InMemoryMessageBrokerOptions {
  /** Partitions per topic and group; each is delivered in order, all in parallel. */
  partitions?: number;
  /** First delay before a failed message is delivered again; doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Called when a handler rejects (the message will be retried). */
  onHandlerError?: (error: unknown, message: BrokerMessage) => void;
}

interface Subscriber {
  handler: BrokerMessageHandler;
  maxInFlight: number;
  closed: boolean;
  /** Settles when the subscription closes, so a hanging handler does not block its partition. */
  stopped: Promise<void>;
  stop: () => void;
}

function createSubscriber(
  handler: BrokerMessageHandler,
  maxInFlight: number,
): Subscriber {
  let stop = () => {};
  const stopped = new Promise<void>(resolve => {
    stop = resolve;
  });
  const subscriber: Subscriber = {
    handler,
    maxInFlight,
    closed: false,
    stopped,
    stop,
  };
  subscriber.stop = () => {
    subscriber.closed = true;
    stop();
  };
  return subscriber;
}

interface Partition {
  queue: BrokerMessage[];
  draining: boolean;
  failures: number;
}

interface GroupState {
  subscribers: Subscriber[];
  partitions: Partition[];
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * A message broker inside the process: the default when no Kafka is configured. Groups keep
 * their queue while they have no subscriber; nothing survives a restart.
 *
 * @public
 */
export class InMemoryMessageBroker implements MessageBroker {
  readonly #groups = new Map<string, Map<string, GroupState>>();
  readonly #partitions: number;
  readonly #retryDelayMs: number;
  readonly #maxRetryDelayMs: number;
  readonly #onHandlerError?: InMemoryMessageBrokerOptions['onHandlerError'];
  #closed = false;

  constructor(options: InMemoryMessageBrokerOptions = {}) {
    this.#partitions = options.partitions ?? 8;
    this.#retryDelayMs = options.retryDelayMs ?? 50;
    this.#maxRetryDelayMs = options.maxRetryDelayMs ?? 5000;
    this.#onHandlerError = options.onHandlerError;
  }

  async publish(
    topic: string,
    value: JsonObject,
    options?: PublishOptions,
  ): Promise<void> {
    if (this.#closed) {
      throw new Error('Message broker is closed');
    }
    const groups = this.#groups.get(topic);
    if (!groups) {
      return;
    }
    const payload = JSON.stringify(value);
    const index = this.#partitionOf(options?.key);
    for (const group of groups.values()) {
      const partition = group.partitions[index];
      partition.queue.push({
        topic,
        key: options?.key,
        value: JSON.parse(payload),
        headers: { ...options?.headers },
      });
      void this.#drain(group, partition);
    }
  }

  async subscribe(
    topics: string | string[],
    group: string,
    handler: BrokerMessageHandler,
    options?: SubscribeOptions,
  ): Promise<BrokerSubscription> {
    if (this.#closed) {
      throw new Error('Message broker is closed');
    }
    const subscriber = createSubscriber(
      handler,
      Math.max(1, options?.maxInFlight ?? 1),
    );
    const states = [topics].flat().map(topic => this.#group(topic, group));
    for (const state of states) {
      state.subscribers.push(subscriber);
      state.partitions.forEach(p => void this.#drain(state, p));
    }
    return {
      close: async () => {
        subscriber.stop();
        for (const state of states) {
          state.subscribers = state.subscribers.filter(s => s !== subscriber);
        }
      },
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const groups of this.#groups.values()) {
      for (const state of groups.values()) {
        state.subscribers.forEach(s => s.stop());
        state.subscribers = [];
      }
    }
  }

  #group(topic: string, name: string): GroupState {
    let groups = this.#groups.get(topic);
    if (!groups) {
      groups = new Map();
      this.#groups.set(topic, groups);
    }
    let state = groups.get(name);
    if (!state) {
      state = {
        subscribers: [],
        partitions: Array.from({ length: this.#partitions }, () => ({
          queue: [],
          draining: false,
          failures: 0,
        })),
      };
      groups.set(name, state);
    }
    return state;
  }

  #partitionOf(key: string | undefined): number {
    if (key === undefined) {
      return Math.floor(Math.random() * this.#partitions);
    }
    return (
      createHash('sha1').update(key).digest().readUInt32BE(0) % this.#partitions
    );
  }

  async #drain(state: GroupState, partition: Partition): Promise<void> {
    if (partition.draining) {
      return;
    }
    partition.draining = true;
    try {
      while (partition.queue.length > 0 && !this.#closed) {
        const index = state.partitions.indexOf(partition);
        const subscriber = state.subscribers[index % state.subscribers.length];
        if (!subscriber) {
          return;
        }
        await this.#deliver(subscriber, partition);
      }
    } finally {
      partition.draining = false;
    }
  }

  /**
   * Delivers the head of the queue, up to `maxInFlight` messages at once; removes the messages
   * handled in time, up to the first that failed.
   */
  async #deliver(subscriber: Subscriber, partition: Partition): Promise<void> {
    const window = partition.queue.slice(0, subscriber.maxInFlight);
    const outcomes = await Promise.race([
      Promise.allSettled(
        window.map(async message => subscriber.handler(message)),
      ),
      subscriber.stopped.then(() => []),
    ]);
    if (subscriber.closed) {
      return;
    }
    const failed = outcomes.findIndex(o => o.status === 'rejected');
    partition.queue.splice(0, failed === -1 ? window.length : failed);
    if (failed === -1) {
      partition.failures = 0;
    } else {
      const outcome = outcomes[failed] as PromiseRejectedResult;
      this.#onHandlerError?.(outcome.reason, window[failed]);
      partition.failures += 1;
      const delay = Math.min(
        this.#retryDelayMs * 2 ** (partition.failures - 1),
        this.#maxRetryDelayMs,
      );
      await sleep(delay * (0.5 + Math.random() / 2));
    }
  }
}

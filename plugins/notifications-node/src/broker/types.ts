import { JsonObject } from '@backstage/types';

/**
 * A message as a subscriber receives it.
 *
 * @public
 */
export interface BrokerMessage<T extends JsonObject = JsonObject> {
  topic: string;
  key?: string;
  value: T;
  headers: Record<string, string>;
}

/** @public */
export type BrokerMessageHandler = (message: BrokerMessage) => Promise<void>;

/** @public */
export interface PublishOptions {
  /** Messages with the same key are delivered in publication order. */
  key?: string;
  headers?: Record<string, string>;
}

/** @public */
export interface SubscribeOptions {
  /**
   * How many messages of one partition may be handled at once (default 1). Handlers are still
   * called in publication order, and a message is acknowledged only once it and every earlier
   * message of its partition were handled: a handler that queues its work synchronously (a
   * batching router) keeps the order, and one rejection redelivers from that message on.
   */
  maxInFlight?: number;
}

/** @public */
export interface BrokerSubscription {
  /**
   * Stops receiving. A message whose handler has not resolved is not acknowledged and is
   * delivered again to another subscriber of the group.
   */
  close(): Promise<void>;
}

/**
 * Publishes events to topics and delivers them to consumer groups.
 *
 * Contract (checked by the same test suite for every implementation):
 * - every group subscribed to a topic receives each message published after it subscribed;
 * - within a group each message goes to one subscriber;
 * - delivery is at least once: a message is acknowledged only after its handler resolves; a
 *   rejected handler, or a subscription closed before the handler resolved, means the message
 *   is delivered again, so handlers must be idempotent;
 * - messages with the same key arrive in the order they were published (with `maxInFlight`,
 *   their handlers are called in that order);
 * - a group keeps its place while it has no subscriber and resumes where it stopped.
 *
 * @public
 */
export interface MessageBroker {
  publish(
    topic: string,
    value: JsonObject,
    options?: PublishOptions,
  ): Promise<void>;
  subscribe(
    topics: string | string[],
    group: string,
    handler: BrokerMessageHandler,
    options?: SubscribeOptions,
  ): Promise<BrokerSubscription>;
  /** Closes every subscription and connection of this broker. */
  close(): Promise<void>;
}

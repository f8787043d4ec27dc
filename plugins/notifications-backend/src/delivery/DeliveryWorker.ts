import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { INBOX_CHANNEL } from '@kubedeck/plugin-notifications-common';
import {
  ChannelDeliveryError,
  ChannelMessage,
  ForbiddenAddressError,
  SafeHttpClient,
} from '@kubedeck/plugin-notifications-node';
import {
  DeliveryOutcome,
  DeliveryRecord,
  KnexDeliveryStore,
  KnexEventStore,
  NotificationGroup,
} from '../database';
import { RecipientResolver } from '../routing/RecipientResolver';
import { ChannelService } from '../service/ChannelService';
import { RateLimiter, retryDelay } from './backoff';
import { inboxPayload, messageFor } from './messages';

export interface DeliveryWorkerOptions {
  deliveries: KnexDeliveryStore;
  events: KnexEventStore;
  channels: ChannelService;
  recipients: RecipientResolver;
  notifications: NotificationService;
  http: SafeHttpClient;
  logger: LoggerService;
  appBaseUrl: string;
  maxAttempts?: number;
  leaseMs?: number;
  retryBaseMs?: number;
  now?: () => number;
}

type Outcome = DeliveryOutcome;

/** How long after a rate-limited delivery is due the worker wakes for it. */
const WAKE_MARGIN_MS = 20;

/** Sends in flight per worker. */
const CONCURRENCY = 8;

async function forEachConcurrently<T>(
  items: T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      await fn(items[next++]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, lane),
  );
}

/** Removes any secret value of the channel from an error message before it is stored. */
function scrub(message: string, secrets: string[]): string {
  return secrets
    .filter(s => s.length >= 4)
    .reduce((text, secret) => text.split(secret).join('[REDACTED]'), message)
    .slice(0, 1000);
}

/**
 * Sends what the outbox holds. Each delivery is leased, sent, then marked; a worker that dies
 * in between leaves the lease to expire and the delivery is sent again with the same
 * idempotency key. Failures retry with exponential backoff and jitter, no sooner than a
 * receiver's `Retry-After`, up to `maxAttempts`.
 */
export class DeliveryWorker {
  readonly #o: Required<Omit<DeliveryWorkerOptions, 'now'>> & {
    now: () => number;
  };
  readonly #limiter = new RateLimiter();
  #running?: Promise<number>;
  #again = false;
  /** Runs the worker when the earliest rate-limited delivery is allowed again. */
  #wake?: { at: number; timer: NodeJS.Timeout };
  #closed = false;

  constructor(options: DeliveryWorkerOptions) {
    this.#o = {
      ...options,
      maxAttempts: options.maxAttempts ?? 6,
      leaseMs: options.leaseMs ?? 60_000,
      retryBaseMs: options.retryBaseMs ?? 5_000,
      now: options.now ?? Date.now,
    };
  }

  /** Sends everything due now; returns how many deliveries were attempted. */
  async runOnce(limit = 100): Promise<number> {
    const claimed = await this.#o.deliveries.claimDue(
      this.#o.now(),
      this.#o.leaseMs,
      limit,
    );
    const groupIds = [
      ...new Set(claimed.flatMap(d => (d.groupId ? [d.groupId] : []))),
    ];
    const groups = await this.#o.events.getGroups(groupIds);
    const results: { id: string; outcome: Outcome }[] = [];
    let rateLimitedUntil = Infinity;
    await forEachConcurrently(claimed, CONCURRENCY, async delivery => {
      const { outcome, rateLimited } = await this.#process(
        delivery,
        delivery.groupId ? groups.get(delivery.groupId) : undefined,
      );
      if (rateLimited && outcome.nextAttemptAt !== undefined) {
        rateLimitedUntil = Math.min(rateLimitedUntil, outcome.nextAttemptAt);
      }
      results.push({ id: delivery.id, outcome });
    });
    // A worker dying before this line leaves the leases to expire: the deliveries are sent
    // again with the same idempotency keys.
    await this.#o.deliveries.completeMany(results, this.#o.now());
    if (rateLimitedUntil < Infinity) this.#wakeAt(rateLimitedUntil);
    return claimed.length;
  }

  /**
   * A channel's rate limit frees a slot within a second or seconds: run again then rather
   * than at the next scheduled run, so a burst to Slack drains at Slack's pace.
   */
  #wakeAt(at: number): void {
    if (this.#closed || (this.#wake && this.#wake.at <= at)) return;
    clearTimeout(this.#wake?.timer);
    // Timers run on a monotonic clock and may fire a millisecond before `Date.now()` reaches
    // `at`, when the delivery is not due yet: wake a little after.
    const timer = setTimeout(() => {
      this.#wake = undefined;
      this.kick();
    }, Math.max(0, at - this.#o.now()) + WAKE_MARGIN_MS);
    timer.unref?.();
    this.#wake = { at, timer };
  }

  /** Stops waking up for rate-limited deliveries; the scheduled runs continue to send them. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#wake?.timer);
    this.#wake = undefined;
  }

  async #drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.runOnce(100);
      total += sent;
      if (sent < 100) return total;
    }
  }

  /** Runs soon, coalescing calls made while a run is in progress. */
  kick(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain()
      .catch(error => {
        this.#o.logger.error(`Delivery run failed: ${error}`);
        return 0;
      })
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  /** Resolves when the current run (if any) is over. */
  async idle(): Promise<void> {
    while (this.#running) {
      await this.#running;
    }
  }

  async #process(
    delivery: DeliveryRecord,
    group?: NotificationGroup,
  ): Promise<{ outcome: Outcome; rateLimited?: boolean }> {
    const { now } = this.#o;
    let secrets: string[] = [];
    try {
      const { send, instance, wait } = await this.#prepare(delivery, group);
      secrets = Object.values(instance?.secrets ?? {});
      if (wait > 0) {
        const outcome = {
          status: delivery.status,
          attempts: delivery.attempts,
          nextAttemptAt: now() + wait,
        };
        return { outcome, rateLimited: true };
      }
      await send();
      return {
        outcome: { status: 'delivered', attempts: delivery.attempts + 1 },
      };
    } catch (error) {
      return { outcome: this.#failure(delivery, error, secrets) };
    }
  }

  async #prepare(
    delivery: DeliveryRecord,
    group: NotificationGroup | undefined,
  ) {
    const { appBaseUrl } = this.#o;
    if (delivery.channel === INBOX_CHANNEL) {
      const message = messageFor(delivery, group, undefined, appBaseUrl);
      return { send: () => this.#sendInbox(delivery, message), wait: 0 };
    }
    const record = await this.#o.channels.get(delivery.channel);
    if (!record.enabled) {
      throw new ChannelDeliveryError('The channel is disabled', {
        retryable: false,
      });
    }
    const [recipient] =
      delivery.recipient && this.#o.channels.isPersonal(record)
        ? await this.#o.recipients.describe([delivery.recipient])
        : [];
    const message = messageFor(delivery, group, recipient, appBaseUrl);
    const type = this.#o.channels.type(record.type);
    const instance = this.#o.channels.instance(record);
    const limit = type.rateLimit?.(instance);
    const wait = limit
      ? this.#limiter.reserve(
          limit.key,
          limit.limit,
          limit.intervalMs,
          this.#o.now(),
        )
      : 0;
    const send = () =>
      type.send(message, {
        channel: instance,
        http: this.#o.http,
        logger: this.#o.logger,
      });
    return { send, instance, wait };
  }

  async #sendInbox(delivery: DeliveryRecord, message: ChannelMessage) {
    if (!delivery.recipient) {
      throw new ChannelDeliveryError('An inbox delivery needs a recipient', {
        retryable: false,
      });
    }
    await this.#o.notifications.send({
      recipients: { type: 'entity', entityRef: delivery.recipient },
      payload: inboxPayload(delivery, message, this.#o.appBaseUrl),
    });
  }

  #failure(
    delivery: DeliveryRecord,
    error: unknown,
    secrets: string[],
  ): Outcome {
    const attempts = delivery.attempts + 1;
    const text = scrub(
      error instanceof Error ? error.message : String(error),
      secrets,
    );
    const retryable =
      error instanceof ChannelDeliveryError
        ? error.retryable
        : !(error instanceof ForbiddenAddressError) &&
          (error as Error)?.name !== 'NotFoundError';
    if (!retryable || attempts >= this.#o.maxAttempts) {
      this.#o.logger.warn(
        `Delivery ${delivery.id} via ${delivery.channelType} failed: ${text}`,
      );
      return { status: 'failed', attempts, error: text };
    }
    const delay = retryDelay(attempts, {
      baseMs: this.#o.retryBaseMs,
      retryAfterMs:
        error instanceof ChannelDeliveryError ? error.retryAfterMs : undefined,
    });
    return {
      status: 'retrying',
      attempts,
      error: text,
      nextAttemptAt: this.#o.now() + delay,
    };
  }
}

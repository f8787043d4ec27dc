import { LoggerService } from '@backstage/backend-plugin-api';
import { EventSeverity } from '@kubedeck/plugin-notifications-common';
import { z } from 'zod';
import { SafeHttpClient } from '../http/SafeHttpClient';

/** One item of a digest section. @public */
export interface DigestItem {
  title: string;
  count: number;
  severity: EventSeverity;
  link?: string;
  resolved: boolean;
}

/** Digest content grouped by cluster and category. @public */
export interface DigestContent {
  period: 'daily' | 'weekly';
  sections: Array<{
    cluster: string;
    category: string;
    count: number;
    top: DigestItem[];
  }>;
}

/**
 * What a channel sends: an alert (possibly a repeat or a resolution of a group), a digest or a
 * test message.
 *
 * @public
 */
export interface ChannelMessage {
  kind: 'alert' | 'digest' | 'test';
  title: string;
  description?: string;
  severity: EventSeverity;
  category: string;
  /** Absolute URL of the object's page in the portal. */
  link?: string;
  cluster?: string;
  namespace?: string;
  object?: { kind: string; name: string };
  /** How many times the grouped event occurred. */
  count: number;
  resolved: boolean;
  digest?: DigestContent;
  /** For personal channels: who receives it. */
  recipient?: { userRef: string; email?: string; displayName?: string };
  /** Stable across retries of the same delivery; receivers may deduplicate on it. */
  idempotencyKey: string;
}

/** A configured channel with its secrets decrypted, as a channel type receives it. @public */
export interface ChannelInstance {
  id: string;
  name: string;
  config: Record<string, unknown>;
  secrets: Record<string, string>;
}

/** @public */
export interface ChannelSendContext {
  channel: ChannelInstance;
  /** SSRF-guarded client: use it for every URL that came from a user. */
  http: SafeHttpClient;
  logger: LoggerService;
}

/** A rate limit bucket: at most `limit` sends per `intervalMs` for one key. @public */
export interface ChannelRateLimit {
  key: string;
  limit: number;
  intervalMs: number;
}

/**
 * A kind of channel (Slack, email, ...). Built-in types and modules provide them through
 * {@link notificationChannelsExtensionPoint}.
 *
 * @public
 */
export interface NotificationChannelType {
  type: string;
  title: string;
  /** Personal channels deliver to each recipient (email); shared ones post once. */
  personal?: boolean;
  /** Validates the non-secret config; errors become 400 responses. */
  configSchema: z.ZodType<Record<string, unknown>>;
  /** Validates the secrets (after merging an update with what is stored). */
  secretsSchema: z.ZodType<Record<string, string>>;
  rateLimit?(channel: ChannelInstance): ChannelRateLimit | undefined;
  send(message: ChannelMessage, context: ChannelSendContext): Promise<void>;
}

/**
 * A failed send. `retryable` failures are tried again with backoff, after at least
 * `retryAfterMs` when the receiver said so (HTTP `Retry-After`).
 *
 * @public
 */
export class ChannelDeliveryError extends Error {
  readonly name = 'ChannelDeliveryError';
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(
    message: string,
    options: { retryable: boolean; retryAfterMs?: number },
  ) {
    super(message);
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
  }
}

import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ChannelRouting,
  channelRoutingSchema,
  ChannelTypeDescription,
  CreateChannelRequest,
  NotificationChannel,
  UpdateChannelRequest,
} from '@kubedeck/plugin-notifications-common';
import {
  ChannelInstance,
  describeChannelType,
  NotificationChannelType,
} from '@kubedeck/plugin-notifications-node';
import { SecretsCipher } from '@kubedeck/plugin-secrets-node';
import { randomUUID } from 'node:crypto';
import { ChannelRecord, ChannelStore } from '../database';
import { parseInput } from '@kubedeck/plugin-kubedeck-node';
import { TtlCache } from '../routing/TtlCache';

const secretContext = (channelId: string, field: string) =>
  `kubedeck-notifications:channel:${channelId}:${field}`;

/**
 * Channels configured by admins. Secrets are validated, encrypted at rest with the key id next
 * to them, and never leave this class except decrypted for a send.
 */
export class ChannelService {
  readonly #routingCache = new TtlCache<ChannelRecord[]>(5_000);

  private constructor(
    private readonly store: ChannelStore,
    private readonly cipher: SecretsCipher,
    private readonly types: Map<string, NotificationChannelType>,
    private readonly now: () => number,
  ) {}

  static create(options: {
    store: ChannelStore;
    cipher: SecretsCipher;
    types: NotificationChannelType[];
    now?: () => number;
  }): ChannelService {
    const types = new Map<string, NotificationChannelType>();
    for (const type of options.types) {
      if (types.has(type.type)) {
        throw new Error(
          `Notification channel type '${type.type}' is registered twice`,
        );
      }
      types.set(type.type, type);
    }
    return new ChannelService(
      options.store,
      options.cipher,
      types,
      options.now ?? Date.now,
    );
  }

  /** Each type with its form fields, described from the schemas that validate them. */
  channelTypes(): ChannelTypeDescription[] {
    return [...this.types.values()].map(describeChannelType);
  }

  type(name: string): NotificationChannelType {
    const type = this.types.get(name);
    if (!type) {
      throw new InputError(
        `Unknown channel type '${name}'; known types: ${[
          ...this.types.keys(),
        ].join(', ')}`,
      );
    }
    return type;
  }

  async list(): Promise<ChannelRecord[]> {
    return this.store.list();
  }

  /**
   * Channels as routing sees them: cached for a few seconds, refreshed at once after a
   * change made through this replica.
   */
  async listForRouting(): Promise<ChannelRecord[]> {
    return this.#routingCache.get('all', () => this.store.list());
  }

  async get(id: string): Promise<ChannelRecord> {
    const record = await this.store.get(id);
    if (!record) {
      throw new NotFoundError(`No notification channel with id '${id}'`);
    }
    return record;
  }

  async create(
    request: CreateChannelRequest & { type: string },
    actor: string,
  ) {
    const type = this.type(request.type);
    const id = randomUUID();
    const now = this.now();
    const record: ChannelRecord = {
      id,
      name: request.name,
      type: type.type,
      enabled: request.enabled ?? true,
      config: parseInput(
        type.configSchema,
        request.config ?? {},
        `${type.type} config`,
      ),
      secrets: this.#seal(id, type, request.secrets ?? {}),
      routing: this.#routing(request.routing),
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
    };
    await this.#assertNameFree(record.name, id);
    await this.store.insert(record);
    this.#routingCache.clear();
    return record;
  }

  async update(
    id: string,
    request: UpdateChannelRequest,
  ): Promise<ChannelRecord> {
    const current = await this.get(id);
    const type = this.type(current.type);
    const secrets = { ...this.#open(current) };
    for (const [field, value] of Object.entries(request.secrets ?? {})) {
      if (value === null) delete secrets[field];
      else secrets[field] = value;
    }
    const record: ChannelRecord = {
      ...current,
      name: request.name ?? current.name,
      enabled: request.enabled ?? current.enabled,
      config: request.config
        ? parseInput(type.configSchema, request.config, `${type.type} config`)
        : current.config,
      secrets: request.secrets
        ? this.#seal(id, type, secrets)
        : current.secrets,
      routing: request.routing
        ? this.#routing(request.routing)
        : current.routing,
      updatedAt: this.now(),
    };
    await this.#assertNameFree(record.name, id);
    await this.store.update(record);
    this.#routingCache.clear();
    return record;
  }

  async delete(id: string): Promise<ChannelRecord> {
    const record = await this.get(id);
    await this.store.delete(id);
    this.#routingCache.clear();
    return record;
  }

  /**
   * Re-encrypts with the primary key every secret made with an older key, so the old key can
   * be removed from config afterwards. Returns how many channels changed.
   */
  async reencryptSecrets(): Promise<number> {
    let changed = 0;
    for (const record of await this.store.list()) {
      const stale = Object.values(record.secrets).some(s =>
        this.cipher.needsReEncryption(s),
      );
      if (stale) {
        const type = this.type(record.type);
        const secrets = this.#seal(record.id, type, this.#open(record));
        await this.store.update({ ...record, secrets });
        changed += 1;
      }
    }
    return changed;
  }

  /** The channel with its secrets decrypted, for a send only. */
  instance(record: ChannelRecord): ChannelInstance {
    return {
      id: record.id,
      name: record.name,
      config: record.config,
      secrets: this.#open(record),
    };
  }

  isPersonal(record: ChannelRecord): boolean {
    return Boolean(this.types.get(record.type)?.personal);
  }

  /** The API view: secrets show only that they are configured. */
  toApi(record: ChannelRecord): NotificationChannel {
    return {
      id: record.id,
      name: record.name,
      type: record.type,
      enabled: record.enabled,
      personal: this.isPersonal(record),
      config: record.config,
      secrets: Object.fromEntries(
        Object.keys(record.secrets).map(field => [
          field,
          { configured: true as const },
        ]),
      ),
      routing: record.routing,
      createdAt: new Date(record.createdAt).toISOString(),
      updatedAt: new Date(record.updatedAt).toISOString(),
    };
  }

  #routing(routing: unknown): ChannelRouting {
    return parseInput(channelRoutingSchema, routing ?? {}, 'routing');
  }

  #seal(
    id: string,
    type: NotificationChannelType,
    secrets: Record<string, string>,
  ) {
    const valid = parseInput(
      type.secretsSchema,
      secrets,
      `${type.type} secrets`,
    );
    return Object.fromEntries(
      Object.entries(valid)
        .filter(([, value]) => typeof value === 'string')
        .map(([field, value]) => [
          field,
          this.cipher.encrypt(value, { context: secretContext(id, field) }),
        ]),
    );
  }

  #open(record: ChannelRecord): Record<string, string> {
    return Object.fromEntries(
      Object.entries(record.secrets).map(([field, sealed]) => [
        field,
        this.cipher.decrypt(sealed, {
          context: secretContext(record.id, field),
        }),
      ]),
    );
  }

  async #assertNameFree(name: string, id: string) {
    const existing = await this.store.getByName(name);
    if (existing && existing.id !== id) {
      throw new ConflictError(
        `A notification channel named '${name}' already exists`,
      );
    }
  }
}

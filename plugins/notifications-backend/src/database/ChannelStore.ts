import { ChannelRouting } from '@kubedeck/plugin-notifications-common';
import { Knex } from 'knex';
import { parseJson, toMillis } from './migrations';

/** A channel row; `secrets` holds ciphertexts only. */
export interface ChannelRecord {
  id: string;
  name: string;
  type: string;
  enabled: boolean;
  config: Record<string, unknown>;
  secrets: Record<string, string>;
  routing: ChannelRouting;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface ChannelStore {
  list(): Promise<ChannelRecord[]>;
  get(id: string): Promise<ChannelRecord | undefined>;
  getByName(name: string): Promise<ChannelRecord | undefined>;
  insert(record: ChannelRecord): Promise<void>;
  update(record: ChannelRecord): Promise<void>;
  delete(id: string): Promise<boolean>;
}

function fromRow(row: any): ChannelRecord {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    enabled: Boolean(row.enabled),
    config: parseJson(row.config, {}),
    secrets: parseJson(row.secrets, {}),
    routing: parseJson(row.routing, { categories: [] }),
    createdBy: row.created_by,
    createdAt: toMillis(row.created_at),
    updatedAt: toMillis(row.updated_at),
  };
}

function toRow(record: ChannelRecord) {
  return {
    id: record.id,
    name: record.name,
    type: record.type,
    enabled: record.enabled,
    config: JSON.stringify(record.config),
    secrets: JSON.stringify(record.secrets),
    routing: JSON.stringify(record.routing),
    created_by: record.createdBy,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}

export class KnexChannelStore implements ChannelStore {
  constructor(private readonly db: Knex) {}

  async list(): Promise<ChannelRecord[]> {
    const rows = await this.db('channels').orderBy('name');
    return rows.map(fromRow);
  }

  async get(id: string): Promise<ChannelRecord | undefined> {
    const row = await this.db('channels').where({ id }).first();
    return row ? fromRow(row) : undefined;
  }

  async getByName(name: string): Promise<ChannelRecord | undefined> {
    const row = await this.db('channels').where({ name }).first();
    return row ? fromRow(row) : undefined;
  }

  async insert(record: ChannelRecord): Promise<void> {
    await this.db('channels').insert(toRow(record));
  }

  async update(record: ChannelRecord): Promise<void> {
    const { id, created_at, created_by, ...changes } = toRow(record);
    await this.db('channels').where({ id }).update(changes);
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db('channels').where({ id }).delete()) > 0;
  }
}

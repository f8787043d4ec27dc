import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { FailureReport } from '@kubedeck/plugin-agent-hub-common';
import { Knex } from 'knex';
import {
  AgentHubStore,
  AgentRecord,
  OwnerRecord,
  RedeemResult,
  StoredFailure,
  TokenRecord,
} from './AgentHubStore';

const migrationsDir = resolvePackagePath(
  '@kubedeck/plugin-agent-hub-backend',
  'migrations',
);

/** PostgreSQL returns bigint columns as strings. */
function millis(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

function json<T>(value: unknown): T | undefined {
  return typeof value === 'string' && value !== ''
    ? (JSON.parse(value) as T)
    : undefined;
}

function tokenFromRow(row: any): TokenRecord {
  return {
    id: row.id,
    clusterName: row.cluster_name,
    preset: row.preset,
    rules: json(row.rules) ?? [],
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    usedAt: millis(row.used_at),
    revokedAt: millis(row.revoked_at),
    agentId: row.agent_id ?? undefined,
  };
}

function agentFromRow(row: any): AgentRecord {
  return {
    id: row.id,
    clusterName: row.cluster_name,
    preset: row.preset,
    rules: json(row.rules) ?? [],
    registeredAt: Number(row.registered_at),
    credentialRotatedAt: millis(row.credential_rotated_at),
    revokedAt: millis(row.revoked_at),
    agentVersion: row.agent_version ?? undefined,
    lastHeartbeatAt: millis(row.last_heartbeat_at),
    lastConnectedAt: millis(row.last_connected_at),
    lastDisconnectedAt: millis(row.last_disconnected_at),
    lastReportAt: millis(row.last_report_at),
    clusterInfo: json(row.cluster_info),
    offlineSince: millis(row.offline_since),
  };
}

/** One failure per reason, pod and container. */
function failureKey(f: {
  reason: string;
  namespace: string;
  pod: string;
  container?: string | null;
}): string {
  return [f.reason, f.namespace, f.pod, f.container ?? ''].join('\u0000');
}

function failureFromRow(row: any): StoredFailure {
  return {
    reason: row.reason,
    namespace: row.namespace,
    pod: row.pod,
    container: row.container ?? undefined,
    message: row.message ?? undefined,
    detectedAt: new Date(Number(row.detected_at)).toISOString(),
    events: json<FailureReport['events']>(row.events) ?? [],
    receivedAt: Number(row.received_at),
    resolvedAt: millis(row.resolved_at),
  };
}

function ownerFromRow(row: any): OwnerRecord {
  return {
    agentId: row.agent_id,
    replicaId: row.replica_id,
    endpointUrl: row.endpoint_url,
    endpointCa: row.endpoint_ca,
    leaseUntil: Number(row.lease_until),
  };
}

/** {@link AgentHubStore} over Backstage's database service (SQLite or PostgreSQL). */
export class KnexAgentHubStore implements AgentHubStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexAgentHubStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest({ directory: migrationsDir });
    }
    return new KnexAgentHubStore(db);
  }

  async insertToken(token: TokenRecord, tokenHash: string): Promise<void> {
    await this.db('agent_hub_tokens').insert({
      id: token.id,
      token_hash: tokenHash,
      cluster_name: token.clusterName,
      preset: token.preset,
      rules: JSON.stringify(token.rules),
      created_by: token.createdBy,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
    });
  }

  async listTokens(): Promise<TokenRecord[]> {
    const rows = await this.db('agent_hub_tokens').orderBy(
      'created_at',
      'desc',
    );
    return rows.map(tokenFromRow);
  }

  async getToken(id: string): Promise<TokenRecord | undefined> {
    const row = await this.db('agent_hub_tokens').where({ id }).first();
    return row ? tokenFromRow(row) : undefined;
  }

  async findTokenByHash(tokenHash: string): Promise<TokenRecord | undefined> {
    const row = await this.db('agent_hub_tokens')
      .where({ token_hash: tokenHash })
      .first();
    return row ? tokenFromRow(row) : undefined;
  }

  async revokeToken(id: string, at: number): Promise<boolean> {
    const count = await this.db('agent_hub_tokens')
      .where({ id })
      .whereNull('revoked_at')
      .whereNull('used_at')
      .update({ revoked_at: at });
    return count > 0;
  }

  async redeemToken(options: Parameters<AgentHubStore['redeemToken']>[0]) {
    return this.db.transaction(async (tx): Promise<RedeemResult> => {
      const row = await tx('agent_hub_tokens')
        .where({ token_hash: options.tokenHash })
        .first();
      if (!row) {
        return { ok: false, reason: 'unknown' };
      }
      const token = tokenFromRow(row);
      if (token.revokedAt !== undefined) {
        return { ok: false, reason: 'revoked' };
      }
      if (token.usedAt !== undefined) {
        return { ok: false, reason: 'used' };
      }
      if (token.expiresAt <= options.now) {
        return { ok: false, reason: 'expired' };
      }
      const { record, credentialHash } = options.agent(token);
      const claimed = await tx('agent_hub_tokens')
        .where({ id: token.id })
        .whereNull('used_at')
        .whereNull('revoked_at')
        .update({ used_at: options.now, agent_id: record.id });
      if (claimed !== 1) {
        return { ok: false, reason: 'used' };
      }
      await tx('agent_hub_agents').insert({
        id: record.id,
        cluster_name: record.clusterName,
        preset: record.preset,
        rules: JSON.stringify(record.rules),
        credential_hash: credentialHash,
        registered_at: record.registeredAt,
        agent_version: record.agentVersion ?? null,
      });
      return { ok: true, token: { ...token, usedAt: options.now } };
    });
  }

  async listAgents(): Promise<AgentRecord[]> {
    const rows = await this.db('agent_hub_agents').orderBy('registered_at');
    return rows.map(agentFromRow);
  }

  async getAgent(id: string): Promise<AgentRecord | undefined> {
    const row = await this.db('agent_hub_agents').where({ id }).first();
    return row ? agentFromRow(row) : undefined;
  }

  async findActiveAgentByCluster(clusterName: string) {
    const row = await this.db('agent_hub_agents')
      .where({ cluster_name: clusterName })
      .whereNull('revoked_at')
      .first();
    return row ? agentFromRow(row) : undefined;
  }

  async findAgentByCredential(credentialHash: string) {
    const row = await this.db('agent_hub_agents')
      .where({ credential_hash: credentialHash })
      .whereNull('revoked_at')
      .first();
    return row ? agentFromRow(row) : undefined;
  }

  async rotateCredential(id: string, credentialHash: string, at: number) {
    const count = await this.db('agent_hub_agents')
      .where({ id })
      .whereNull('revoked_at')
      .update({ credential_hash: credentialHash, credential_rotated_at: at });
    return count > 0;
  }

  async revokeAgent(id: string, at: number): Promise<boolean> {
    const count = await this.db('agent_hub_agents')
      .where({ id })
      .whereNull('revoked_at')
      .update({ revoked_at: at });
    return count > 0;
  }

  async updateAgent(
    id: string,
    patch: Parameters<AgentHubStore['updateAgent']>[1],
  ) {
    const row: Record<string, unknown> = {};
    if (patch.agentVersion !== undefined)
      row.agent_version = patch.agentVersion;
    if (patch.lastHeartbeatAt !== undefined)
      row.last_heartbeat_at = patch.lastHeartbeatAt;
    if (patch.lastConnectedAt !== undefined)
      row.last_connected_at = patch.lastConnectedAt;
    if (patch.lastDisconnectedAt !== undefined) {
      row.last_disconnected_at = patch.lastDisconnectedAt;
    }
    if (patch.clusterInfo !== undefined) {
      row.cluster_info = JSON.stringify(patch.clusterInfo);
    }
    if (Object.keys(row).length > 0) {
      await this.db('agent_hub_agents').where({ id }).update(row);
    }
  }

  async recordReport(id: string, at: number): Promise<void> {
    await this.db('agent_hub_agents')
      .where({ id })
      .where(q =>
        q.whereNull('last_report_at').orWhere('last_report_at', '<', at),
      )
      .update({ last_report_at: at });
  }

  async markOffline(id: string, at: number): Promise<boolean> {
    const count = await this.db('agent_hub_agents')
      .where({ id })
      .whereNull('offline_since')
      .whereNull('revoked_at')
      .update({ offline_since: at });
    return count > 0;
  }

  async clearOffline(id: string): Promise<boolean> {
    const count = await this.db('agent_hub_agents')
      .where({ id })
      .whereNotNull('offline_since')
      .update({ offline_since: null });
    return count > 0;
  }

  async claimOwner(owner: OwnerRecord): Promise<void> {
    await this.db('agent_hub_owners')
      .insert({
        agent_id: owner.agentId,
        replica_id: owner.replicaId,
        endpoint_url: owner.endpointUrl,
        endpoint_ca: owner.endpointCa,
        lease_until: owner.leaseUntil,
      })
      .onConflict('agent_id')
      .merge();
  }

  async renewOwners(replicaId: string, agentIds: string[], leaseUntil: number) {
    if (agentIds.length === 0) {
      return;
    }
    await this.db('agent_hub_owners')
      .where({ replica_id: replicaId })
      .whereIn('agent_id', agentIds)
      .update({ lease_until: leaseUntil });
  }

  async releaseOwner(agentId: string, replicaId: string): Promise<void> {
    await this.db('agent_hub_owners')
      .where({ agent_id: agentId, replica_id: replicaId })
      .delete();
  }

  async listLiveOwners(now: number): Promise<OwnerRecord[]> {
    const rows = await this.db('agent_hub_owners').where(
      'lease_until',
      '>',
      now,
    );
    return rows.map(ownerFromRow);
  }

  async findOwner(
    agentId: string,
    now: number,
  ): Promise<OwnerRecord | undefined> {
    const row = await this.db('agent_hub_owners')
      .where({ agent_id: agentId })
      .where('lease_until', '>', now)
      .first();
    return row ? ownerFromRow(row) : undefined;
  }

  async recordFailures(
    agent: AgentRecord,
    failures: FailureReport[],
    options: { receivedAt: number; complete: boolean },
  ) {
    const { receivedAt, complete } = options;
    return this.db.transaction(async tx => {
      const openRows = await tx('agent_hub_failures')
        .where({ agent_id: agent.id })
        .whereNull('resolved_at');
      const open = new Map(openRows.map(row => [failureKey(row), row]));
      const reported = new Map(failures.map(f => [failureKey(f), f]));
      const opened = [...reported]
        .filter(([key]) => !open.has(key))
        .map(([, f]) => f);
      const resolvedRows = complete
        ? openRows.filter(row => !reported.has(failureKey(row)))
        : [];
      if (resolvedRows.length > 0) {
        await tx('agent_hub_failures')
          .whereIn(
            'id',
            resolvedRows.map(row => row.id),
          )
          .update({ resolved_at: receivedAt });
      }
      if (opened.length > 0) {
        await tx('agent_hub_failures').insert(
          opened.map(f => ({
            agent_id: agent.id,
            cluster_name: agent.clusterName,
            reason: f.reason,
            namespace: f.namespace,
            pod: f.pod,
            container: f.container || null,
            message: f.message ?? null,
            events: JSON.stringify(f.events ?? []),
            detected_at: f.detectedAt ? Date.parse(f.detectedAt) : receivedAt,
            received_at: receivedAt,
          })),
        );
      }
      return {
        opened,
        resolved: resolvedRows.map(row => ({
          ...failureFromRow(row),
          resolvedAt: receivedAt,
        })),
      };
    });
  }

  async listOpenFailures(agentId: string) {
    const rows = await this.db('agent_hub_failures')
      .where({ agent_id: agentId })
      .whereNull('resolved_at')
      .orderBy('id');
    return rows.map(failureFromRow);
  }

  async listFailures(agentId: string, limit: number) {
    const rows = await this.db('agent_hub_failures')
      .where({ agent_id: agentId })
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(failureFromRow);
  }
}

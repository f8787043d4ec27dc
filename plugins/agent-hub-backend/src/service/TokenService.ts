import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  AgentPreset,
  PolicyRule,
  RegistrationToken,
  rulesForPreset,
} from '@kubedeck/plugin-agent-hub-common';
import { generateToken, hashToken } from '@kubedeck/plugin-secrets-node';
import type {
  AgentHubStore,
  AgentRecord,
  RedeemRefusal,
  TokenRecord,
} from '../database/AgentHubStore';

const REFUSALS: Record<RedeemRefusal, string> = {
  unknown: 'the registration token is not known to this hub',
  expired: 'the registration token has expired',
  used: 'the registration token was already used',
  revoked: 'the registration token was revoked',
};

/** A registration the hub refused; the message says why (expired, used, revoked, unknown). */
export class RegistrationRefusedError extends Error {
  constructor(
    readonly reason: RedeemRefusal | 'cluster-mismatch',
    message?: string,
  ) {
    super(message ?? REFUSALS[reason as RedeemRefusal]);
    this.name = 'RegistrationRefusedError';
  }
}

function tokenState(
  token: TokenRecord,
  now: number,
): RegistrationToken['state'] {
  if (token.revokedAt !== undefined) return 'revoked';
  if (token.usedAt !== undefined) return 'used';
  return token.expiresAt <= now ? 'expired' : 'active';
}

const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** Public view of a token row (never its value). */
export function toRegistrationToken(
  token: TokenRecord,
  now = Date.now(),
): RegistrationToken {
  return {
    id: token.id,
    clusterName: token.clusterName,
    preset: token.preset,
    rules: token.rules,
    createdBy: token.createdBy,
    createdAt: iso(token.createdAt)!,
    expiresAt: iso(token.expiresAt)!,
    usedAt: iso(token.usedAt),
    revokedAt: iso(token.revokedAt),
    agentId: token.agentId,
    state: tokenState(token, now),
  };
}

/** One-time registration tokens and their redemption into agents. */
export class TokenService {
  constructor(
    private readonly store: AgentHubStore,
    private readonly now: () => number = Date.now,
  ) {}

  async create(options: {
    clusterName: string;
    preset: AgentPreset;
    rules?: PolicyRule[];
    expiresInHours: number;
    createdBy: string;
  }): Promise<{ token: string; record: TokenRecord }> {
    const existing = await this.store.findActiveAgentByCluster(
      options.clusterName,
    );
    if (existing) {
      throw new ConflictError(
        `Cluster ${options.clusterName} already has agent ${existing.id}; revoke it first`,
      );
    }
    const now = this.now();
    const token = generateToken('kdr_');
    const record: TokenRecord = {
      id: randomUUID(),
      clusterName: options.clusterName,
      preset: options.preset,
      rules: rulesForPreset(options.preset, options.rules),
      createdBy: options.createdBy,
      createdAt: now,
      expiresAt: now + options.expiresInHours * 3_600_000,
    };
    await this.store.insertToken(record, hashToken(token));
    return { token, record };
  }

  async list(): Promise<RegistrationToken[]> {
    const now = this.now();
    return (await this.store.listTokens()).map(t =>
      toRegistrationToken(t, now),
    );
  }

  async revoke(id: string): Promise<TokenRecord> {
    const token = await this.store.getToken(id);
    if (!token) {
      throw new NotFoundError(`No registration token ${id}`);
    }
    if (!(await this.store.revokeToken(id, this.now()))) {
      throw new ConflictError(
        `Registration token ${id} is already ${tokenState(token, this.now())}`,
      );
    }
    return token;
  }

  /** A token that may still be redeemed (for rendering install manifests). */
  async findActive(token: string): Promise<TokenRecord | undefined> {
    const record = await this.store.findTokenByHash(hashToken(token));
    return record && tokenState(record, this.now()) === 'active'
      ? record
      : undefined;
  }

  /** Redeems a token for a new agent and its credential; refuses saying why. */
  async redeem(options: {
    token: string;
    clusterName?: string;
    agentVersion?: string;
  }): Promise<{ agent: AgentRecord; credential: string }> {
    const credential = generateToken('kda_');
    const now = this.now();
    let agent: AgentRecord | undefined;
    const result = await this.store.redeemToken({
      tokenHash: hashToken(options.token),
      now,
      agent: token => {
        if (options.clusterName && options.clusterName !== token.clusterName) {
          throw new RegistrationRefusedError(
            'cluster-mismatch',
            `the registration token is for cluster ${token.clusterName}, not ${options.clusterName}`,
          );
        }
        agent = {
          id: randomUUID(),
          clusterName: token.clusterName,
          preset: token.preset,
          rules: token.rules,
          registeredAt: now,
          agentVersion: options.agentVersion || undefined,
        };
        return { record: agent, credentialHash: hashToken(credential) };
      },
    });
    if (!result.ok) {
      throw new RegistrationRefusedError(result.reason);
    }
    return { agent: agent!, credential };
  }
}

import type {
  AgentClusterInfo,
  AgentPreset,
  FailureReport,
  PolicyRule,
} from '@kubedeck/plugin-agent-hub-common';

/** A registration token row; the token itself is never stored, only its hash. */
export type TokenRecord = {
  id: string;
  clusterName: string;
  preset: AgentPreset;
  rules: PolicyRule[];
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedAt?: number;
  revokedAt?: number;
  agentId?: string;
};

/** An agent row; the credential is stored only as a hash. */
export type AgentRecord = {
  id: string;
  clusterName: string;
  preset: AgentPreset;
  rules: PolicyRule[];
  registeredAt: number;
  credentialRotatedAt?: number;
  revokedAt?: number;
  agentVersion?: string;
  lastHeartbeatAt?: number;
  lastConnectedAt?: number;
  lastDisconnectedAt?: number;
  /** When the hub last accepted a push report (`POST /v1/report`) from the agent. */
  lastReportAt?: number;
  clusterInfo?: AgentClusterInfo;
  /** Since when the hub has announced the agent offline. */
  offlineSince?: number;
};

/** Why a token could not be redeemed. */
export type RedeemRefusal = 'unknown' | 'expired' | 'used' | 'revoked';

export type RedeemResult =
  | { ok: true; token: TokenRecord }
  | { ok: false; reason: RedeemRefusal };

/** The replica holding an agent's stream, and how other replicas reach it. */
export type OwnerRecord = {
  agentId: string;
  replicaId: string;
  endpointUrl: string;
  endpointCa: string;
  leaseUntil: number;
};

/** Persistence of the agent hub. */
export interface AgentHubStore {
  insertToken(token: TokenRecord, tokenHash: string): Promise<void>;
  listTokens(): Promise<TokenRecord[]>;
  getToken(id: string): Promise<TokenRecord | undefined>;
  findTokenByHash(tokenHash: string): Promise<TokenRecord | undefined>;
  revokeToken(id: string, at: number): Promise<boolean>;
  /**
   * Marks the token used and creates the agent in one transaction. Refuses unknown, expired,
   * used and revoked tokens, saying which.
   */
  redeemToken(options: {
    tokenHash: string;
    now: number;
    agent: (token: TokenRecord) => {
      record: AgentRecord;
      credentialHash: string;
    };
  }): Promise<RedeemResult>;

  listAgents(): Promise<AgentRecord[]>;
  getAgent(id: string): Promise<AgentRecord | undefined>;
  findActiveAgentByCluster(
    clusterName: string,
  ): Promise<AgentRecord | undefined>;
  /** The active (not revoked) agent holding this credential. */
  findAgentByCredential(
    credentialHash: string,
  ): Promise<AgentRecord | undefined>;
  rotateCredential(
    id: string,
    credentialHash: string,
    at: number,
  ): Promise<boolean>;
  revokeAgent(id: string, at: number): Promise<boolean>;
  updateAgent(
    id: string,
    patch: Partial<
      Pick<
        AgentRecord,
        | 'agentVersion'
        | 'lastHeartbeatAt'
        | 'lastConnectedAt'
        | 'lastDisconnectedAt'
        | 'clusterInfo'
      >
    >,
  ): Promise<void>;
  /** Records when a push report was accepted; never moves the time backwards. */
  recordReport(id: string, at: number): Promise<void>;

  /** Marks an active agent offline; false when it already was (another replica did it). */
  markOffline(id: string, at: number): Promise<boolean>;
  /** Clears the offline mark; false when the agent was not marked offline. */
  clearOffline(id: string): Promise<boolean>;

  /** Takes (or takes over) ownership of an agent's stream. */
  claimOwner(owner: OwnerRecord): Promise<void>;
  /** Extends the leases of the agents this replica holds. */
  renewOwners(
    replicaId: string,
    agentIds: string[],
    leaseUntil: number,
  ): Promise<void>;
  releaseOwner(agentId: string, replicaId: string): Promise<void>;
  listLiveOwners(now: number): Promise<OwnerRecord[]>;
  /** The owner with an unexpired lease, if any. */
  findOwner(agentId: string, now: number): Promise<OwnerRecord | undefined>;

  /**
   * Opens the failures not already open for the agent. With `complete`, `failures` is every
   * failure the agent sees now, and open failures missing from it are resolved.
   */
  recordFailures(
    agent: AgentRecord,
    failures: FailureReport[],
    options: { receivedAt: number; complete: boolean },
  ): Promise<{ opened: FailureReport[]; resolved: FailureReport[] }>;
  /** The agent's open failures, oldest first. */
  listOpenFailures(agentId: string): Promise<StoredFailure[]>;
  /** The agent's failures, open and resolved, newest first. */
  listFailures(agentId: string, limit: number): Promise<StoredFailure[]>;
}

/** A failure as stored: when the hub received it and, once gone, when it resolved. */
export type StoredFailure = FailureReport & {
  receivedAt: number;
  resolvedAt?: number;
};

import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  Agent,
  AgentClusterInfo,
  AgentStatus,
  FailureReport,
  rulesAllowImpersonation,
} from '@kubedeck/plugin-agent-hub-common';
import { generateToken, hashToken } from '@kubedeck/plugin-secrets-node';
import type { AgentHubStore, AgentRecord } from '../database/AgentHubStore';
import type { AgentTunnels } from '../tunnel/AgentTunnels';
import type { AgentLifecycle } from './AgentLifecycle';

const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** Agents: truthful status, heartbeats, cluster info, failures, rotation and revocation. */
export class AgentService {
  readonly #lastHeartbeatWrite = new Map<string, number>();

  constructor(
    private readonly options: {
      store: AgentHubStore;
      tunnels: AgentTunnels;
      logger: LoggerService;
      heartbeatIntervalSeconds: number;
      offlineAfterSeconds: number;
      /** Announces registrations, revocations and agents coming back online. */
      lifecycle?: AgentLifecycle;
      now?: () => number;
    },
  ) {}

  #now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /**
   * connected: a live stream with heartbeats within three intervals. reconnecting: a live stream
   * whose heartbeats stopped, or a stream lost less than `offlineAfterSeconds` ago. pushing: no
   * stream, but a push report less than `offlineAfterSeconds` ago. offline: everything else,
   * including agents that never connected or pushed.
   */
  status(agent: AgentRecord, heldElsewhere = false): AgentStatus {
    const now = this.#now();
    const connection = this.options.tunnels.connection(agent.id);
    const stale = 3 * this.options.heartbeatIntervalSeconds * 1000;
    if (connection && !connection.closed) {
      const last = Math.max(agent.lastHeartbeatAt ?? 0, connection.connectedAt);
      return now - last <= stale ? 'connected' : 'reconnecting';
    }
    if (heldElsewhere) {
      // Another replica holds the stream; it records heartbeats in the database.
      const last = agent.lastHeartbeatAt ?? 0;
      return now - last <= stale ? 'connected' : 'reconnecting';
    }
    const grace = this.options.offlineAfterSeconds * 1000;
    if (agent.lastReportAt !== undefined && now - agent.lastReportAt <= grace) {
      return 'pushing';
    }
    const lost = agent.lastDisconnectedAt;
    if (lost !== undefined && now - lost <= grace) {
      return 'reconnecting';
    }
    return 'offline';
  }

  toAgent(agent: AgentRecord, heldElsewhere = false): Agent {
    return {
      id: agent.id,
      clusterName: agent.clusterName,
      preset: agent.preset,
      status: this.status(agent, heldElsewhere),
      agentVersion: agent.agentVersion,
      registeredAt: iso(agent.registeredAt)!,
      lastHeartbeatAt: iso(agent.lastHeartbeatAt),
      lastConnectedAt: iso(agent.lastConnectedAt),
      lastReportAt: iso(agent.lastReportAt),
      credentialRotatedAt: iso(agent.credentialRotatedAt),
      clusterInfo: agent.clusterInfo,
    };
  }

  async list(): Promise<Agent[]> {
    const { store, tunnels } = this.options;
    const agents = await store.listAgents();
    const owners = await store.listLiveOwners(this.#now());
    const elsewhere = (id: string) =>
      owners.some(o => o.agentId === id && o.replicaId !== tunnels.replicaId);
    return agents
      .filter(a => a.revokedAt === undefined)
      .map(a => this.toAgent(a, elsewhere(a.id)));
  }

  /** One agent as listed. */
  async describe(id: string): Promise<Agent> {
    const agent = await this.get(id);
    const owner = await this.options.store.findOwner(id, this.#now());
    const elsewhere =
      owner !== undefined && owner.replicaId !== this.options.tunnels.replicaId;
    return this.toAgent(agent, elsewhere);
  }

  async get(id: string): Promise<AgentRecord> {
    const agent = await this.options.store.getAgent(id);
    if (!agent || agent.revokedAt !== undefined) {
      throw new NotFoundError(`No agent ${id}`);
    }
    return agent;
  }

  async authenticate(credential: string): Promise<AgentRecord | undefined> {
    return credential
      ? this.options.store.findAgentByCredential(hashToken(credential))
      : undefined;
  }

  /** Publishes the known agent clusters to the tunnels (and so to the clusters plugin). */
  async refreshClusters(): Promise<void> {
    const agents = await this.options.store.listAgents();
    this.options.tunnels.setClusters(
      agents
        .filter(a => a.revokedAt === undefined)
        .map(a => ({
          agentId: a.id,
          clusterName: a.clusterName,
          impersonateUsers: rulesAllowImpersonation(a.rules),
        })),
    );
  }

  /** A new credential; the live stream (if any) is told so the agent keeps working. */
  async rotate(id: string): Promise<string> {
    await this.get(id);
    const credential = generateToken('kda_');
    await this.options.store.rotateCredential(
      id,
      hashToken(credential),
      this.#now(),
    );
    this.options.tunnels
      .connection(id)
      ?.send({ credentialRotated: { credential } });
    return credential;
  }

  /** Revokes the agent: its credential stops working and its stream closes at once. */
  async revoke(id: string): Promise<AgentRecord> {
    const agent = await this.get(id);
    await this.options.store.revokeAgent(id, this.#now());
    this.options.tunnels.connection(id)?.close('the agent was revoked', {
      code: 7,
      details: 'the agent was revoked',
    });
    await this.refreshClusters();
    await this.options.lifecycle?.revoked(agent);
    return agent;
  }

  /** A new agent registered. */
  async registered(agent: AgentRecord): Promise<void> {
    await this.refreshClusters();
    await this.options.lifecycle?.registered(agent);
  }

  /** The agent showed it is alive (a stream, or a push): back online if it was offline. */
  async alive(agent: AgentRecord): Promise<void> {
    await this.options.lifecycle?.online(agent);
  }

  /** A push report was accepted: the agent shows as pushing, and back online if it was not. */
  async reported(agent: AgentRecord): Promise<void> {
    await this.options.store.recordReport(agent.id, this.#now());
    await this.alive(agent);
  }

  /**
   * Why a cluster's agent serves no Kubernetes API requests: no stream on any replica. Told to
   * the clusters plugin, which shows it as the cluster's error.
   */
  async unavailableReason(clusterName: string): Promise<string> {
    const agent = await this.options.store.findActiveAgentByCluster(
      clusterName,
    );
    if (agent && this.status(agent) === 'pushing') {
      return `the agent of cluster ${clusterName} is push-only, last report ${iso(
        agent.lastReportAt,
      )}: it reports failures but has no stream to serve the cluster's API`;
    }
    return `the agent of cluster ${clusterName} is not connected`;
  }

  /** The stream is up here: record it and take ownership from any other replica. */
  async connected(agent: AgentRecord, agentVersion?: string): Promise<void> {
    const now = this.#now();
    const { tunnels } = this.options;
    await this.options.store.claimOwner({
      agentId: agent.id,
      replicaId: tunnels.replicaId,
      endpointUrl: tunnels.endpointInfo.url,
      endpointCa: tunnels.endpointInfo.ca,
      leaseUntil: now + tunnels.settings.leaseSeconds * 1000,
    });
    await this.options.store.updateAgent(agent.id, {
      lastConnectedAt: now,
      lastHeartbeatAt: now,
      ...(agentVersion ? { agentVersion } : {}),
    });
    await this.alive(agent);
  }

  async disconnected(agentId: string): Promise<void> {
    this.#lastHeartbeatWrite.delete(agentId);
    const { tunnels, store } = this.options;
    await store.releaseOwner(agentId, tunnels.replicaId);
    await store.updateAgent(agentId, { lastDisconnectedAt: this.#now() });
  }

  /** Extends this replica's ownership leases (scheduled well within the lease). */
  async renewLeases(): Promise<void> {
    const { tunnels, store } = this.options;
    await store.renewOwners(
      tunnels.replicaId,
      tunnels.connectedAgentIds(),
      this.#now() + tunnels.settings.leaseSeconds * 1000,
    );
  }

  /** The replica holding a cluster's agent, when it is another one with a live lease. */
  async ownerOf(clusterName: string) {
    const { tunnels, store } = this.options;
    const agentId = tunnels.agentIdFor(clusterName);
    const owner = agentId && (await store.findOwner(agentId, this.#now()));
    return owner && owner.replicaId !== tunnels.replicaId
      ? { url: owner.endpointUrl, ca: owner.endpointCa }
      : undefined;
  }

  /** Records a heartbeat, writing to the database at most once per interval. */
  async heartbeat(agentId: string): Promise<void> {
    const now = this.#now();
    const last = this.#lastHeartbeatWrite.get(agentId) ?? 0;
    if (now - last < this.options.heartbeatIntervalSeconds * 1000) {
      return;
    }
    this.#lastHeartbeatWrite.set(agentId, now);
    await this.options.store.updateAgent(agentId, { lastHeartbeatAt: now });
  }

  async clusterInfo(
    agentId: string,
    info: AgentClusterInfo,
    agentVersion?: string,
  ) {
    await this.options.store.updateAgent(agentId, {
      clusterInfo: info,
      ...(agentVersion ? { agentVersion } : {}),
    });
  }

  async recentFailures(agentId: string) {
    return this.options.store.listFailures(agentId, 100);
  }

  /**
   * Records failures. With `complete` (a failure snapshot, or a push report) they are every
   * failure the agent sees now, and the ones it no longer lists resolve.
   */
  async failures(
    agent: AgentRecord,
    failures: FailureReport[],
    complete = false,
  ): Promise<void> {
    const { opened, resolved } = await this.options.store.recordFailures(
      agent,
      failures,
      { receivedAt: this.#now(), complete },
    );
    const describe = (f: FailureReport) =>
      `${f.reason} of pod ${f.namespace}/${f.pod}`;
    for (const f of opened) {
      this.options.logger.info(
        `Agent ${agent.id} (${agent.clusterName}) reported ${describe(f)}`,
      );
    }
    for (const f of resolved) {
      this.options.logger.info(
        `Agent ${agent.id} (${agent.clusterName}) no longer reports ${describe(
          f,
        )}`,
      );
    }
  }

  /** The open failures of a cluster's active agent; none for other clusters. */
  async openFailures(clusterName: string) {
    const agent = await this.options.store.findActiveAgentByCluster(
      clusterName,
    );
    return agent ? this.options.store.listOpenFailures(agent.id) : [];
  }
}

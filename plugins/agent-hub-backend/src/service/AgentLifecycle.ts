import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import {
  AGENT_LIFECYCLE_TOPIC,
  AgentLifecycleEvent,
} from '@kubedeck/plugin-agent-hub-common';
import type { AgentHubStore, AgentRecord } from '../database/AgentHubStore';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Announces agents' lifecycle on the Backstage events service: registered, offline once the
 * reconnect grace has passed, online again, revoked. Each transition is published once across
 * replicas: offline and online only by the replica whose conditional update of the agent's
 * offline mark succeeds; registered and revoked by the replica that did them.
 */
export class AgentLifecycle {
  #timer?: NodeJS.Timeout;

  constructor(
    private readonly options: {
      store: AgentHubStore;
      events: EventsService;
      logger: LoggerService;
      offlineAfterSeconds: number;
      /** Agents whose stream this replica holds. */
      heldHere: () => string[];
      now?: () => number;
    },
  ) {}

  #now() {
    return this.options.now?.() ?? Date.now();
  }

  async #publish(
    type: AgentLifecycleEvent['type'],
    agent: AgentRecord,
    extra: Partial<AgentLifecycleEvent> = {},
  ) {
    const payload: AgentLifecycleEvent = {
      type,
      agentId: agent.id,
      cluster: agent.clusterName,
      at: iso(this.#now()),
      ...extra,
    };
    try {
      await this.options.events.publish({
        topic: AGENT_LIFECYCLE_TOPIC,
        eventPayload: payload,
      });
    } catch (error) {
      this.options.logger.warn(
        `Could not publish ${type} of agent ${agent.id}: ${
          (error as Error).message
        }`,
      );
    }
  }

  registered(agent: AgentRecord): Promise<void> {
    return this.#publish('agent.registered', agent);
  }

  revoked(agent: AgentRecord): Promise<void> {
    return this.#publish('agent.revoked', agent);
  }

  /** The agent connected or pushed: announces it back online if it had been announced offline. */
  async online(agent: AgentRecord): Promise<void> {
    if (await this.options.store.clearOffline(agent.id)) {
      await this.#publish('agent.online', agent);
    }
  }

  /**
   * Announces agents not seen anywhere (no stream, heartbeat or push report) for longer than the
   * reconnect grace. Agents that never connected nor pushed were never online.
   */
  async checkOffline(): Promise<void> {
    const { store, offlineAfterSeconds } = this.options;
    const now = this.#now();
    const held = new Set(this.options.heldHere());
    const owned = new Set(
      (await store.listLiveOwners(now)).map(owner => owner.agentId),
    );
    for (const agent of await store.listAgents()) {
      if (
        agent.revokedAt !== undefined ||
        agent.offlineSince !== undefined ||
        (agent.lastConnectedAt === undefined &&
          agent.lastReportAt === undefined) ||
        held.has(agent.id) ||
        owned.has(agent.id)
      ) {
        continue;
      }
      const lastSeen = Math.max(
        agent.lastConnectedAt ?? 0,
        agent.lastHeartbeatAt ?? 0,
        agent.lastDisconnectedAt ?? 0,
        agent.lastReportAt ?? 0,
      );
      if (
        now - lastSeen > offlineAfterSeconds * 1000 &&
        (await store.markOffline(agent.id, now))
      ) {
        await this.#publish('agent.offline', agent, {
          lastHeartbeat: agent.lastHeartbeatAt
            ? iso(agent.lastHeartbeatAt)
            : undefined,
          lastReport: agent.lastReportAt ? iso(agent.lastReportAt) : undefined,
        });
      }
    }
  }

  /** Checks for offline agents every few seconds until `stop`. */
  start(): void {
    const seconds = Math.max(
      1,
      Math.min(10, this.options.offlineAfterSeconds / 5),
    );
    this.#timer = setInterval(
      () =>
        void this.checkOffline().catch(error =>
          this.options.logger.warn(
            `Offline check failed: ${(error as Error).message}`,
          ),
        ),
      seconds * 1000,
    );
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

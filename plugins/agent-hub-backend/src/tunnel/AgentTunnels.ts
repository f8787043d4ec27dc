import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { FailureReport } from '@kubedeck/plugin-agent-hub-common';
import { hashToken } from '@kubedeck/plugin-secrets-node';
import type { ClusterDefinition } from '@kubedeck/plugin-clusters-node';
import { KubeConfig } from '@kubernetes/client-node';
import type { AgentConnection } from './AgentConnection';
import {
  ClusterEndpoint,
  type OwnerLookup,
  type UnavailableReason,
} from './ClusterEndpoint';

/** How replicas of the backend reach each other's cluster endpoints. */
export type ReplicaSettings = {
  /** Interface the cluster endpoint binds (127.0.0.1 for a single replica). */
  endpointHost: string;
  /** Host other replicas dial to reach this one's endpoint. */
  advertiseHost: string;
  /** HMAC key shared by all replicas: per-cluster tokens are the same on every replica. */
  sharedSecret: Buffer;
  leaseSeconds: number;
};

/** Reads `kubedeck.agentHub.replicas`; one replica needs none of it. */
export function readReplicaSettings(
  config: RootConfigService,
): ReplicaSettings {
  const replicas = config.getOptionalConfig('kubedeck.agentHub.replicas');
  const endpointHost =
    replicas?.getOptionalString('endpointHost') ?? '127.0.0.1';
  const secret = replicas?.getOptionalString('sharedSecret');
  return {
    endpointHost,
    advertiseHost:
      replicas?.getOptionalString('advertiseHost') ??
      (endpointHost === '0.0.0.0' ? '127.0.0.1' : endpointHost),
    sharedSecret: secret ? Buffer.from(secret, 'utf8') : randomBytes(32),
    leaseSeconds: replicas?.getOptionalNumber('leaseSeconds') ?? 30,
  };
}

/** An agent cluster the hub knows of, connected or not. */
export type AgentClusterEntry = {
  agentId: string;
  clusterName: string;
  impersonateUsers: boolean;
};

/**
 * The agents' tunnels in this backend: live connections by agent, and the loopback endpoint
 * that serves each agent cluster as a Kubernetes API. Shared by the agent-hub plugin (which
 * attaches connections) and its clusters module (which supplies the clusters).
 */
export class AgentTunnels {
  readonly #connections = new Map<string, AgentConnection>();
  readonly #clusters = new Map<string, AgentClusterEntry>();
  readonly #kubeConfigs = new Map<string, KubeConfig>();

  #refresh?: () => Promise<void>;
  #openFailures?: (clusterName: string) => Promise<FailureReport[]>;
  /** This replica's id, for ownership leases. */
  readonly replicaId = randomUUID();

  private constructor(
    private readonly endpoint: ClusterEndpoint,
    readonly settings: ReplicaSettings,
  ) {}

  static async create(settings: ReplicaSettings): Promise<AgentTunnels> {
    let tunnels: AgentTunnels | undefined = undefined;
    const endpoint = await ClusterEndpoint.start(
      clusterName => tunnels?.connectionForCluster(clusterName),
      settings.endpointHost,
    );
    tunnels = new AgentTunnels(endpoint, settings);
    return tunnels;
  }

  /** How other replicas reach this one's endpoint. */
  get endpointInfo(): { url: string; ca: string } {
    return {
      url: `https://${this.settings.advertiseHost}:${this.endpoint.port}`,
      ca: this.endpoint.caCertificate,
    };
  }

  /**
   * The plugin hands over how to find owner replicas, why a cluster without one is unavailable,
   * how to reload the agent list and how to read the failures agents report.
   */
  connect(options: {
    owners: OwnerLookup;
    unavailable: UnavailableReason;
    refresh: () => Promise<void>;
    openFailures: (clusterName: string) => Promise<FailureReport[]>;
  }) {
    this.endpoint.setLookups(options.owners, options.unavailable);
    this.#refresh = options.refresh;
    this.#openFailures = options.openFailures;
  }

  /** The failures a cluster's agent reports now; throws until the agent hub has started. */
  async openFailures(clusterName: string): Promise<FailureReport[]> {
    if (!this.#openFailures) {
      throw new Error('the agent hub has not started yet');
    }
    return this.#openFailures(clusterName);
  }

  /** Reloads the known agent clusters (the supplier calls it before listing). */
  async refresh(): Promise<void> {
    await this.#refresh?.();
  }

  /** The agent of a known cluster. */
  agentIdFor(clusterName: string): string | undefined {
    return this.#clusters.get(clusterName)?.agentId;
  }

  /** Agents whose stream this replica holds. */
  connectedAgentIds(): string[] {
    return [...this.#connections.keys()];
  }

  /** Replaces the known agent clusters (connected or not). */
  setClusters(entries: AgentClusterEntry[]): void {
    const names = new Set(entries.map(e => e.clusterName));
    for (const name of [...this.#clusters.keys()]) {
      if (!names.has(name)) {
        this.#clusters.delete(name);
        this.#kubeConfigs.delete(name);
        this.endpoint.removeToken(name);
      }
    }
    for (const entry of entries) {
      this.#clusters.set(entry.clusterName, entry);
      this.endpoint.setToken(
        entry.clusterName,
        hashToken(this.#token(entry.clusterName)),
      );
    }
  }

  attach(connection: AgentConnection): void {
    this.#connections
      .get(connection.agentId)
      ?.close('replaced by a new stream');
    this.#connections.set(connection.agentId, connection);
  }

  detach(connection: AgentConnection): void {
    if (this.#connections.get(connection.agentId) === connection) {
      this.#connections.delete(connection.agentId);
    }
  }

  connection(agentId: string): AgentConnection | undefined {
    return this.#connections.get(agentId);
  }

  connectionForCluster(clusterName: string): AgentConnection | undefined {
    const entry = this.#clusters.get(clusterName);
    return entry ? this.#connections.get(entry.agentId) : undefined;
  }

  /** Every agent cluster as a Kubernetes API endpoint on loopback. */
  clusterDefinitions(): ClusterDefinition[] {
    return [...this.#clusters.values()].map(entry => ({
      name: entry.clusterName,
      title: entry.clusterName,
      connectionType: 'agent' as const,
      kubeConfig: this.#kubeConfig(entry.clusterName),
      impersonateUsers: entry.impersonateUsers,
      labels: { 'kubedeck.io/agent-id': entry.agentId },
    }));
  }

  async close(): Promise<void> {
    for (const connection of this.#connections.values()) {
      connection.close('the hub is shutting down', {
        code: 14,
        details: 'the hub is shutting down',
      });
    }
    this.#connections.clear();
    await this.endpoint.close();
  }

  /** The cluster's endpoint token: the same on every replica, so any can forward to the owner. */
  #token(clusterName: string): string {
    const mac = createHmac('sha256', this.settings.sharedSecret)
      .update(clusterName)
      .digest('base64url');
    return `kdc_${mac}`;
  }

  #kubeConfig(clusterName: string): KubeConfig {
    let kubeConfig = this.#kubeConfigs.get(clusterName);
    if (!kubeConfig) {
      const token = this.#token(clusterName);
      kubeConfig = new KubeConfig();
      kubeConfig.loadFromClusterAndUser(
        {
          name: clusterName,
          server: this.endpoint.urlFor(clusterName),
          caData: Buffer.from(this.endpoint.caCertificate).toString('base64'),
          skipTLSVerify: false,
        },
        { name: `agent-hub-${clusterName}`, token },
      );
      this.#kubeConfigs.set(clusterName, kubeConfig);
    }
    return kubeConfig;
  }
}

/**
 * The backend-wide {@link AgentTunnels}; its endpoint closes on root shutdown.
 *
 * @public
 */
export const agentTunnelsServiceRef = createServiceRef<AgentTunnels>({
  id: 'kubedeck.agent-hub.tunnels',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        lifecycle: coreServices.rootLifecycle,
        config: coreServices.rootConfig,
      },
      async factory({ lifecycle, config }) {
        const tunnels = await AgentTunnels.create(readReplicaSettings(config));
        lifecycle.addShutdownHook(() => tunnels.close());
        return tunnels;
      },
    }),
});

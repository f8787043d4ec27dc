export interface Config {
  kubedeck?: {
    agentHub?: {
      grpc?: {
        /** Interface the gRPC server binds (default 0.0.0.0). */
        host?: string;
        /** Port of the agents' gRPC server (default 7443). */
        port?: number;
        /** What agents dial, `host:port`, shown in install commands (default: backend host + port). */
        publicAddress?: string;
        /** Plaintext gRPC. Development only; must be set explicitly. */
        insecure?: boolean;
        tls?: {
          /** PEM server certificate chain. */
          cert: string;
          /**
           * PEM private key.
           * @visibility secret
           */
          key: string;
          /** PEM CA handed to agents (KUBEDECK_HUB_CA) in rendered manifests. */
          ca?: string;
        };
      };
      /** How often the hub and agents exchange heartbeats (default 10). */
      heartbeatIntervalSeconds?: number;
      /**
       * An agent whose stream dropped, or whose last push report came, longer ago than this is
       * offline, not reconnecting or pushing (default 120).
       */
      offlineAfterSeconds?: number;
      /** Per-exchange flow-control window in bytes (default 262144). */
      initialWindowBytes?: number;
      install?: {
        /** Helm chart reference used in install commands. */
        chart?: string;
        /** Agent image in rendered manifests. */
        image?: string;
        /** Namespace the agent is installed into (default kubedeck-agent). */
        namespace?: string;
      };
      /** Several backend replicas: each forwards requests for agents another one holds. */
      replicas?: {
        /** Interface of this replica's agent-cluster endpoint: 0.0.0.0 when replicas must reach it (default 127.0.0.1). */
        endpointHost?: string;
        /** Host other replicas dial for this replica's endpoint (e.g. the pod IP). */
        advertiseHost?: string;
        /**
         * Key shared by every replica, from which per-cluster endpoint tokens are derived.
         * @visibility secret
         */
        sharedSecret?: string;
        /** Ownership lease of an agent's stream, renewed by its replica (default 30). */
        leaseSeconds?: number;
      };
      report?: {
        /** Push-only reports accepted per agent per minute (default 60). */
        requestsPerMinute?: number;
      };
    };
  };
}

import fs from 'node:fs';

/** The agent's settings, all from the environment (see README.md). */
export type AgentConfig = {
  /** `host:port` of the hub's gRPC server. */
  hubAddress: string;
  /** PEM CA for the hub's TLS certificate (the file's content). */
  hubCa?: string;
  /** Plaintext gRPC, for a development hub only. */
  hubInsecure: boolean;
  registrationToken?: string;
  clusterName: string;
  /** Namespace and name of the Secret that keeps the agent's credential. */
  credentialsNamespace: string;
  credentialsSecret: string;
  /** Kubeconfig file to use instead of the in-cluster service account (tests, local runs). */
  kubeconfigPath?: string;
  backoffBaseMs: number;
  backoffCapMs: number;
  healthPort: number;
  /** A pod Pending longer than this is reported. */
  pendingTooLongSeconds: number;
  failureDetection: boolean;
  /**
   * Push-only mode: instead of holding a stream, POST failure reports to this portal base URL
   * (`<url>/api/agent-hub/v1/report`). The portal cannot reach the cluster through the agent.
   */
  pushUrl?: string;
  /** How often a push-only agent reports even when nothing changed. */
  pushIntervalMs: number;
  /**
   * The agent credential to push with, for push-only agents that cannot even make the one
   * registration call (`X-API-Key`); otherwise the credential from registration is used.
   */
  apiKey?: string;
};

const SA_NAMESPACE_FILE =
  '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

function readNamespace(env: NodeJS.ProcessEnv): string {
  if (env.KUBEDECK_NAMESPACE) {
    return env.KUBEDECK_NAMESPACE;
  }
  try {
    return fs.readFileSync(SA_NAMESPACE_FILE, 'utf8').trim();
  } catch {
    return 'kubedeck-agent';
  }
}

function seconds(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(
      `${name} must be a positive number of seconds, got "${raw}"`,
    );
  }
  return value;
}

/** Reads the agent's configuration; throws naming the variable that is missing or wrong. */
export function readAgentConfig(
  env: NodeJS.ProcessEnv = process.env,
): AgentConfig {
  const hubAddress = env.KUBEDECK_HUB_ADDRESS ?? '';
  const clusterName = env.KUBEDECK_CLUSTER_NAME;
  const pushUrl = env.KUBEDECK_PUSH_URL || undefined;
  const apiKey = env.KUBEDECK_API_KEY || undefined;
  if (pushUrl && !/^https?:\/\//.test(pushUrl)) {
    throw new Error(
      `KUBEDECK_PUSH_URL must be the portal's http(s) base URL, got "${pushUrl}"`,
    );
  }
  if (!hubAddress && !(pushUrl && apiKey)) {
    throw new Error(
      'KUBEDECK_HUB_ADDRESS is required (host:port of the agent hub), unless a push-only agent has KUBEDECK_PUSH_URL and KUBEDECK_API_KEY',
    );
  }
  if (!clusterName) {
    throw new Error('KUBEDECK_CLUSTER_NAME is required');
  }
  const caPath = env.KUBEDECK_HUB_CA;
  const hubInsecure = env.KUBEDECK_HUB_INSECURE === 'true';
  return {
    hubAddress,
    hubCa: caPath ? fs.readFileSync(caPath, 'utf8') : undefined,
    hubInsecure,
    registrationToken: env.KUBEDECK_REGISTRATION_TOKEN || undefined,
    clusterName,
    credentialsNamespace: readNamespace(env),
    credentialsSecret:
      env.KUBEDECK_CREDENTIALS_SECRET ?? 'kubedeck-agent-credentials',
    kubeconfigPath: env.KUBECONFIG || undefined,
    backoffBaseMs: seconds(env, 'KUBEDECK_BACKOFF_BASE_SECONDS', 1) * 1000,
    backoffCapMs: seconds(env, 'KUBEDECK_BACKOFF_CAP_SECONDS', 60) * 1000,
    healthPort: Number(env.KUBEDECK_HEALTH_PORT ?? 8080),
    pendingTooLongSeconds: seconds(
      env,
      'KUBEDECK_PENDING_TOO_LONG_SECONDS',
      300,
    ),
    failureDetection: env.KUBEDECK_FAILURE_DETECTION !== 'false',
    pushUrl: pushUrl?.replace(/\/+$/, ''),
    pushIntervalMs: seconds(env, 'KUBEDECK_PUSH_INTERVAL_SECONDS', 60) * 1000,
    apiKey,
  };
}

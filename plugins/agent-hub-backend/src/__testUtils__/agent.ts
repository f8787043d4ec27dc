import { startAgent, createLogger, type AgentConfig } from '@kubedeck/agent';

/** Runs the real agent in-process against kube-sim, with short backoffs for tests. */
export async function startTestAgent(options: {
  grpcPort: number;
  kubeconfigPath: string;
  clusterName: string;
  token?: string;
  secretName?: string;
  pendingTooLongSeconds?: number;
  /** Connect over TLS trusting this CA (PEM); plaintext otherwise. */
  hubCa?: string;
  /** Push-only mode: post reports to this backend base URL instead of holding a stream. */
  pushUrl?: string;
  apiKey?: string;
  pushIntervalMs?: number;
}) {
  const config: AgentConfig = {
    hubAddress: `127.0.0.1:${options.grpcPort}`,
    hubInsecure: !options.hubCa,
    hubCa: options.hubCa,
    registrationToken: options.token,
    clusterName: options.clusterName,
    credentialsNamespace: 'default',
    credentialsSecret:
      options.secretName ?? `kubedeck-agent-${options.clusterName}`,
    kubeconfigPath: options.kubeconfigPath,
    backoffBaseMs: 50,
    backoffCapMs: 300,
    healthPort: 0,
    pendingTooLongSeconds: options.pendingTooLongSeconds ?? 300,
    failureDetection: true,
    pushUrl: options.pushUrl,
    apiKey: options.apiKey,
    pushIntervalMs: options.pushIntervalMs ?? 60_000,
  };
  return startAgent(config, { logger: createLogger({ silent: true }) });
}

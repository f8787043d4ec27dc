import { Agent } from './Agent';
import type { AgentConfig } from './config';
import { SecretCredentialStore, type CredentialStore } from './credentials';
import { FailureDetector } from './failures/FailureDetector';
import { startHealthServer } from './health';
import { KubeTarget } from './kube';
import { createLogger, type Logger } from './logger';

/** The agent's version, sent to the hub. */
export const AGENT_VERSION: string = require('../package.json').version;

/** A running agent with its health server and failure detection. */
export type RunningAgent = {
  agent: Agent;
  healthPort: number;
  stop(): Promise<void>;
};

/** Starts everything the agent runs; `stop` shuts it down gracefully. */
export async function startAgent(
  config: AgentConfig,
  options: {
    logger?: Logger;
    store?: CredentialStore;
    target?: KubeTarget;
  } = {},
): Promise<RunningAgent> {
  const logger = options.logger ?? createLogger();
  const target = options.target ?? KubeTarget.load(config.kubeconfigPath);
  const store =
    options.store ??
    new SecretCredentialStore(
      target,
      config.credentialsNamespace,
      config.credentialsSecret,
    );
  const agent = new Agent(config, {
    target,
    store,
    logger,
    version: AGENT_VERSION,
  });
  const detector = config.failureDetection
    ? new FailureDetector(
        target,
        logger,
        failures => agent.reportFailures(failures),
        config.pendingTooLongSeconds * 1000,
      )
    : undefined;
  const health = await startHealthServer({
    port: config.healthPort,
    live: () => agent.state !== 'stopped',
    ready: () => ({
      ready: agent.state === 'connected',
      detail:
        agent.state === 'connected'
          ? 'connected'
          : `${agent.state}: ${agent.lastError ?? ''}`,
    }),
  });
  agent.start();
  await detector
    ?.start()
    .catch(error =>
      logger.warn(`Failure detection is off: ${(error as Error).message}`),
    );
  return {
    agent,
    healthPort: health.port,
    async stop() {
      await detector?.stop();
      await agent.stop();
      await health.close();
      target.close();
    },
  };
}

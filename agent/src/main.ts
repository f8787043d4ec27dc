import { readAgentConfig } from './config';
import { createLogger } from './logger';
import { startAgent } from './startAgent';

/** The `kubedeck-agent` command: runs until SIGTERM or SIGINT, then shuts down gracefully. */
export async function main(): Promise<void> {
  const logger = createLogger();
  let config;
  try {
    config = readAgentConfig();
  } catch (error) {
    logger.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  const running = await startAgent(config, { logger });
  logger.info(
    `Agent for cluster ${config.clusterName} started; health on :${running.healthPort}`,
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

import * as grpc from '@grpc/grpc-js';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  AgentMessage__Output,
  FailureReport__Output,
  HubMessage,
} from '@kubedeck/agent-proto';
import {
  FailureReport,
  rulesAllowImpersonation,
} from '@kubedeck/plugin-agent-hub-common';
import type { AgentRecord } from '../database/AgentHubStore';
import type { AgentService } from '../service/AgentService';
import { AgentConnection } from '../tunnel/AgentConnection';
import type { AgentTunnels } from '../tunnel/AgentTunnels';

export type StreamDeps = {
  agents: AgentService;
  tunnels: AgentTunnels;
  logger: LoggerService;
  heartbeatIntervalSeconds: number;
  initialWindowBytes: number;
};

type Call = grpc.ServerDuplexStream<AgentMessage__Output, HubMessage>;

function bearer(call: Call): string {
  const value = call.metadata.get('authorization')[0];
  const text = typeof value === 'string' ? value : '';
  return text.startsWith('Bearer ') ? text.slice(7) : '';
}

/** A failure report from the wire, in the shape the store and the report route share. */
export function failureFromWire(report: FailureReport__Output): FailureReport {
  return {
    reason: report.reason,
    namespace: report.namespace,
    pod: report.pod,
    container: report.container || undefined,
    message: report.message || undefined,
    detectedAt: report.detectedAtMs
      ? new Date(report.detectedAtMs).toISOString()
      : undefined,
    events: report.events.map(e => ({
      reason: e.reason,
      message: e.message,
      type: e.type || undefined,
      count: e.count,
      lastTimestamp: e.lastTimestamp || undefined,
    })),
  };
}

/** `Stream`: authenticates the credential, then serves the agent's tunnel until it ends. */
export async function streamHandler(
  deps: StreamDeps,
  call: Call,
): Promise<void> {
  const agent = await deps.agents
    .authenticate(bearer(call))
    .catch(() => undefined);
  if (!agent) {
    call.emit('error', {
      code: grpc.status.UNAUTHENTICATED,
      details: 'unknown or revoked agent credential',
    });
    return;
  }
  serve(deps, call, agent);
}

function serve(deps: StreamDeps, call: Call, agent: AgentRecord): void {
  const { agents, tunnels, logger } = deps;
  const log = (error: unknown) =>
    logger.warn(`Agent ${agent.id}: could not record state`, error as Error);
  const connection = new AgentConnection(
    agent.id,
    call,
    deps.initialWindowBytes,
    {
      onHeartbeat: () => void agents.heartbeat(agent.id).catch(log),
      onClusterInfo: info =>
        void agents
          .clusterInfo(
            agent.id,
            {
              kubernetesVersion: info.kubernetesVersion ?? '',
              nodeCount: info.nodeCount ?? 0,
              namespaces: info.namespaces ?? [],
              crds: info.crds ?? [],
            },
            info.agentVersion,
          )
          .catch(log),
      onFailureReport: report =>
        void agents.failures(agent, [failureFromWire(report)]).catch(log),
      onFailureSnapshot: snapshot =>
        void agents
          .failures(agent, snapshot.failures.map(failureFromWire), true)
          .catch(log),
    },
  );
  tunnels.attach(connection);
  void agents.connected(agent).catch(log);
  logger.info(`Agent ${agent.id} (${agent.clusterName}) connected`);

  connection.send({
    welcome: {
      agentId: agent.id,
      heartbeatIntervalSeconds: deps.heartbeatIntervalSeconds,
      initialWindow: deps.initialWindowBytes,
      impersonationAllowed: rulesAllowImpersonation(agent.rules),
    },
  });
  const heartbeat = setInterval(
    () => connection.send({ heartbeat: { sentAtMs: Date.now() } }),
    deps.heartbeatIntervalSeconds * 1000,
  );

  let ended = false;
  const end = (reason: string) => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    connection.lost(reason);
    tunnels.detach(connection);
    void agents.disconnected(agent.id).catch(log);
    logger.info(
      `Agent ${agent.id} (${agent.clusterName}) disconnected: ${reason}`,
    );
  };
  call.on('data', (message: AgentMessage__Output) =>
    connection.handle(message),
  );
  call.on('end', () => end('stream ended'));
  call.on('cancelled', () => end('stream cancelled'));
  call.on('error', error => end(error.message));
  call.on('close', () => end('stream closed'));
}

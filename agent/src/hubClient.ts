import * as grpc from '@grpc/grpc-js';
import { loadAgentProto, type AgentHubClient } from '@kubedeck/agent-proto';
import type { AgentConfig } from './config';

/** A client of the hub's gRPC server: TLS (system roots or KUBEDECK_HUB_CA), plaintext only when asked. */
export function createHubClient(config: AgentConfig): AgentHubClient {
  const { AgentHub } = loadAgentProto().kubedeck.agent.v1;
  const credentials = config.hubInsecure
    ? grpc.credentials.createInsecure()
    : grpc.credentials.createSsl(
        config.hubCa ? Buffer.from(config.hubCa) : null,
      );
  return new AgentHub(config.hubAddress, credentials, {
    'grpc.keepalive_time_ms': 20_000,
    'grpc.keepalive_timeout_ms': 10_000,
    'grpc.keepalive_permit_without_calls': 1,
    // The agent runs its own backoff with jitter; grpc-js must not add a second one.
    'grpc.initial_reconnect_backoff_ms': 200,
    'grpc.max_reconnect_backoff_ms': 1_000,
  });
}

/** The message a gRPC error carries, without stack or metadata. */
export function grpcReason(error: unknown): string {
  const e = error as Partial<grpc.ServiceError>;
  return e.details || e.message || String(error);
}

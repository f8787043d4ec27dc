import * as grpc from '@grpc/grpc-js';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  loadAgentProto,
  type AgentHubHandlers,
  type AgentMessage__Output,
  type HubMessage,
} from '@kubedeck/agent-proto';
import type { GrpcSecurity } from '../config';
import { streamHandler, type StreamDeps } from './streamHandler';
import { registerHandler, type RegisterDeps } from './registerHandler';

/** The agents' gRPC server on its own port. */
export class HubGrpcServer {
  private constructor(
    private readonly server: grpc.Server,
    readonly port: number,
  ) {}

  static async start(options: {
    host: string;
    port: number;
    security: GrpcSecurity;
    logger: LoggerService;
    deps: RegisterDeps & StreamDeps;
  }): Promise<HubGrpcServer> {
    const server = new grpc.Server({
      'grpc.keepalive_time_ms': 30_000,
      'grpc.keepalive_timeout_ms': 10_000,
      'grpc.keepalive_permit_without_calls': 1,
      'grpc.http2.min_ping_interval_without_data_ms': 10_000,
    });
    const handlers: AgentHubHandlers = {
      Register: registerHandler(options.deps),
      Stream: (
        call: grpc.ServerDuplexStream<AgentMessage__Output, HubMessage>,
      ) => streamHandler(options.deps, call),
    };
    server.addService(
      loadAgentProto().kubedeck.agent.v1.AgentHub.service,
      handlers,
    );
    const credentials = options.security.insecure
      ? grpc.ServerCredentials.createInsecure()
      : grpc.ServerCredentials.createSsl(
          null,
          [
            {
              cert_chain: Buffer.from(options.security.cert),
              private_key: Buffer.from(options.security.key),
            },
          ],
          false,
        );
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(
        `${options.host}:${options.port}`,
        credentials,
        (error, bound) => (error ? reject(error) : resolve(bound)),
      ),
    );
    const mode = options.security.insecure
      ? 'plaintext, development only'
      : 'TLS';
    options.logger.info(
      `Agent hub gRPC listening on ${options.host}:${port} (${mode})`,
    );
    return new HubGrpcServer(server, port);
  }

  /** Stops accepting calls, then cancels the ones still open after a grace period. */
  async close(graceMs = 2_000): Promise<void> {
    await new Promise<void>(resolve => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, graceMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType } from './generated/agent';

/**
 * The options the generated types assume (see scripts/generate.js): camelCase fields, 64-bit
 * integers as numbers, enums as strings, defaults filled in and the `kind` oneof name set.
 */
const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: Number,
  enums: String,
  bytes: Buffer,
  defaults: true,
  arrays: true,
  oneofs: true,
};

/** Where agent.proto lives: `proto/` at the repository root, or `proto/` in a packed image. */
export function agentProtoPath(): string {
  return (
    process.env.KUBEDECK_AGENT_PROTO ??
    path.resolve(
      path.dirname(require.resolve('@kubedeck/agent-proto/package.json')),
      '../../proto/agent.proto',
    )
  );
}

let cached: ProtoGrpcType | undefined;

/** Loads proto/agent.proto for @grpc/grpc-js. */
export function loadAgentProto(): ProtoGrpcType {
  if (!cached) {
    const definition = protoLoader.loadSync(agentProtoPath(), LOADER_OPTIONS);
    cached = grpc.loadPackageDefinition(definition) as unknown as ProtoGrpcType;
  }
  return cached;
}

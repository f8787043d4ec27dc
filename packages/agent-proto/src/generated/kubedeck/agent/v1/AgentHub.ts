// Original file: proto/agent.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AgentMessage as _kubedeck_agent_v1_AgentMessage, AgentMessage__Output as _kubedeck_agent_v1_AgentMessage__Output } from '../../../kubedeck/agent/v1/AgentMessage';
import type { HubMessage as _kubedeck_agent_v1_HubMessage, HubMessage__Output as _kubedeck_agent_v1_HubMessage__Output } from '../../../kubedeck/agent/v1/HubMessage';
import type { RegisterRequest as _kubedeck_agent_v1_RegisterRequest, RegisterRequest__Output as _kubedeck_agent_v1_RegisterRequest__Output } from '../../../kubedeck/agent/v1/RegisterRequest';
import type { RegisterResponse as _kubedeck_agent_v1_RegisterResponse, RegisterResponse__Output as _kubedeck_agent_v1_RegisterResponse__Output } from '../../../kubedeck/agent/v1/RegisterResponse';

export interface AgentHubClient extends grpc.Client {
  /**
   * Redeems a one-time registration token for an agent id and a long-lived credential.
   */
  Register(argument: _kubedeck_agent_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kubedeck_agent_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _kubedeck_agent_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kubedeck_agent_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _kubedeck_agent_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kubedeck_agent_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _kubedeck_agent_v1_RegisterRequest, callback: grpc.requestCallback<_kubedeck_agent_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Redeems a one-time registration token for an agent id and a long-lived credential.
   */
  register(argument: _kubedeck_agent_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kubedeck_agent_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _kubedeck_agent_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kubedeck_agent_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _kubedeck_agent_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kubedeck_agent_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _kubedeck_agent_v1_RegisterRequest, callback: grpc.requestCallback<_kubedeck_agent_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The agent's long-lived tunnel. Authenticated on every call by the credential metadata.
   */
  Stream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_kubedeck_agent_v1_AgentMessage, _kubedeck_agent_v1_HubMessage__Output>;
  Stream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_kubedeck_agent_v1_AgentMessage, _kubedeck_agent_v1_HubMessage__Output>;
  /**
   * The agent's long-lived tunnel. Authenticated on every call by the credential metadata.
   */
  stream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_kubedeck_agent_v1_AgentMessage, _kubedeck_agent_v1_HubMessage__Output>;
  stream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_kubedeck_agent_v1_AgentMessage, _kubedeck_agent_v1_HubMessage__Output>;
  
}

export interface AgentHubHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Redeems a one-time registration token for an agent id and a long-lived credential.
   */
  Register: grpc.handleUnaryCall<_kubedeck_agent_v1_RegisterRequest__Output, _kubedeck_agent_v1_RegisterResponse>;
  
  /**
   * The agent's long-lived tunnel. Authenticated on every call by the credential metadata.
   */
  Stream: grpc.handleBidiStreamingCall<_kubedeck_agent_v1_AgentMessage__Output, _kubedeck_agent_v1_HubMessage>;
  
}

export interface AgentHubDefinition extends grpc.ServiceDefinition {
  Register: MethodDefinition<_kubedeck_agent_v1_RegisterRequest, _kubedeck_agent_v1_RegisterResponse, _kubedeck_agent_v1_RegisterRequest__Output, _kubedeck_agent_v1_RegisterResponse__Output>
  Stream: MethodDefinition<_kubedeck_agent_v1_AgentMessage, _kubedeck_agent_v1_HubMessage, _kubedeck_agent_v1_AgentMessage__Output, _kubedeck_agent_v1_HubMessage__Output>
}

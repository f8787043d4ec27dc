/**
 * The Kubedeck agent wire contract (proto/agent.proto), shared by the agent and the hub.
 *
 * @packageDocumentation
 */
export { loadAgentProto, agentProtoPath } from './proto';
export {
  FlowSender,
  FlowReceiver,
  DEFAULT_INITIAL_WINDOW,
  MAX_DATA_FRAME,
} from './flow';
export { toWireHeaders, fromWireHeaders } from './headers';
export type { ProtoGrpcType } from './generated/agent';
export type {
  AgentHubClient,
  AgentHubHandlers,
} from './generated/kubedeck/agent/v1/AgentHub';
export type {
  AgentMessage,
  AgentMessage__Output,
} from './generated/kubedeck/agent/v1/AgentMessage';
export type {
  HubMessage,
  HubMessage__Output,
} from './generated/kubedeck/agent/v1/HubMessage';
export type { ClusterInfo } from './generated/kubedeck/agent/v1/ClusterInfo';
export type {
  FailureReport,
  FailureReport__Output,
} from './generated/kubedeck/agent/v1/FailureReport';
export type {
  FailureSnapshot,
  FailureSnapshot__Output,
} from './generated/kubedeck/agent/v1/FailureSnapshot';
export type { FailureEvent } from './generated/kubedeck/agent/v1/FailureEvent';
export type { PolicyRule } from './generated/kubedeck/agent/v1/PolicyRule';
export type { RegisterRequest__Output } from './generated/kubedeck/agent/v1/RegisterRequest';
export type {
  RegisterResponse,
  RegisterResponse__Output,
} from './generated/kubedeck/agent/v1/RegisterResponse';
export type { RequestHead__Output } from './generated/kubedeck/agent/v1/RequestHead';
export type { ResponseHead__Output } from './generated/kubedeck/agent/v1/ResponseHead';
export type { Header } from './generated/kubedeck/agent/v1/Header';

import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AgentHubClient as _kubedeck_agent_v1_AgentHubClient, AgentHubDefinition as _kubedeck_agent_v1_AgentHubDefinition } from './kubedeck/agent/v1/AgentHub';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  kubedeck: {
    agent: {
      v1: {
        AgentHub: SubtypeConstructor<typeof grpc.Client, _kubedeck_agent_v1_AgentHubClient> & { service: _kubedeck_agent_v1_AgentHubDefinition }
        AgentMessage: MessageTypeDefinition
        Cancel: MessageTypeDefinition
        ClusterInfo: MessageTypeDefinition
        CredentialRotated: MessageTypeDefinition
        Data: MessageTypeDefinition
        End: MessageTypeDefinition
        FailureEvent: MessageTypeDefinition
        FailureReport: MessageTypeDefinition
        FailureSnapshot: MessageTypeDefinition
        Header: MessageTypeDefinition
        Heartbeat: MessageTypeDefinition
        HubMessage: MessageTypeDefinition
        PolicyRule: MessageTypeDefinition
        RegisterRequest: MessageTypeDefinition
        RegisterResponse: MessageTypeDefinition
        RequestHead: MessageTypeDefinition
        ResponseHead: MessageTypeDefinition
        Welcome: MessageTypeDefinition
        WindowUpdate: MessageTypeDefinition
      }
    }
  }
}


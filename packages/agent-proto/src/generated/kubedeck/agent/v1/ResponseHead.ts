// Original file: proto/agent.proto

import type { Header as _kubedeck_agent_v1_Header, Header__Output as _kubedeck_agent_v1_Header__Output } from '../../../kubedeck/agent/v1/Header';
import type { Long } from '@grpc/proto-loader';

export interface ResponseHead {
  'exchangeId'?: (number | string | Long);
  'status'?: (number);
  'headers'?: (_kubedeck_agent_v1_Header)[];
}

export interface ResponseHead__Output {
  'exchangeId': (number);
  'status': (number);
  'headers': (_kubedeck_agent_v1_Header__Output)[];
}

// Original file: proto/agent.proto

import type { Header as _kubedeck_agent_v1_Header, Header__Output as _kubedeck_agent_v1_Header__Output } from '../../../kubedeck/agent/v1/Header';
import type { Long } from '@grpc/proto-loader';

export interface RequestHead {
  'exchangeId'?: (number | string | Long);
  'method'?: (string);
  /**
   * Path and query, e.g. /api/v1/namespaces/default/pods?watch=1.
   */
  'path'?: (string);
  'headers'?: (_kubedeck_agent_v1_Header)[];
  /**
   * The request asks for a connection upgrade (exec, attach, port-forward).
   */
  'upgrade'?: (boolean);
  /**
   * The request carries a body that follows as Data frames and an End.
   */
  'hasBody'?: (boolean);
}

export interface RequestHead__Output {
  'exchangeId': (number);
  'method': (string);
  /**
   * Path and query, e.g. /api/v1/namespaces/default/pods?watch=1.
   */
  'path': (string);
  'headers': (_kubedeck_agent_v1_Header__Output)[];
  /**
   * The request asks for a connection upgrade (exec, attach, port-forward).
   */
  'upgrade': (boolean);
  /**
   * The request carries a body that follows as Data frames and an End.
   */
  'hasBody': (boolean);
}

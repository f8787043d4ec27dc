// Original file: proto/agent.proto

import type { Long } from '@grpc/proto-loader';

export interface Heartbeat {
  /**
   * Milliseconds since the epoch on the sender's clock.
   */
  'sentAtMs'?: (number | string | Long);
}

export interface Heartbeat__Output {
  /**
   * Milliseconds since the epoch on the sender's clock.
   */
  'sentAtMs': (number);
}

// Original file: proto/agent.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The receiver consumed `bytes` of the exchange's Data: the sender may send that much more.
 */
export interface WindowUpdate {
  'exchangeId'?: (number | string | Long);
  'bytes'?: (number);
}

/**
 * The receiver consumed `bytes` of the exchange's Data: the sender may send that much more.
 */
export interface WindowUpdate__Output {
  'exchangeId': (number);
  'bytes': (number);
}

// Original file: proto/agent.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Abandon the exchange; the receiver releases it without answering.
 */
export interface Cancel {
  'exchangeId'?: (number | string | Long);
  'reason'?: (string);
}

/**
 * Abandon the exchange; the receiver releases it without answering.
 */
export interface Cancel__Output {
  'exchangeId': (number);
  'reason': (string);
}

// Original file: proto/agent.proto

import type { Long } from '@grpc/proto-loader';

/**
 * No more Data from the sender for this exchange.
 */
export interface End {
  'exchangeId'?: (number | string | Long);
}

/**
 * No more Data from the sender for this exchange.
 */
export interface End__Output {
  'exchangeId': (number);
}

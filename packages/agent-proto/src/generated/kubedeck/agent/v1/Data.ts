// Original file: proto/agent.proto

import type { Long } from '@grpc/proto-loader';

export interface Data {
  'exchangeId'?: (number | string | Long);
  'chunk'?: (Buffer | Uint8Array | string);
}

export interface Data__Output {
  'exchangeId': (number);
  'chunk': (Buffer);
}

// Original file: proto/agent.proto

import type { FailureEvent as _kubedeck_agent_v1_FailureEvent, FailureEvent__Output as _kubedeck_agent_v1_FailureEvent__Output } from '../../../kubedeck/agent/v1/FailureEvent';
import type { Long } from '@grpc/proto-loader';

export interface FailureReport {
  /**
   * CrashLoopBackOff, OOMKilled, ImagePullBackOff, PendingTooLong, ...
   */
  'reason'?: (string);
  'namespace'?: (string);
  'pod'?: (string);
  'container'?: (string);
  'message'?: (string);
  'detectedAtMs'?: (number | string | Long);
  'events'?: (_kubedeck_agent_v1_FailureEvent)[];
}

export interface FailureReport__Output {
  /**
   * CrashLoopBackOff, OOMKilled, ImagePullBackOff, PendingTooLong, ...
   */
  'reason': (string);
  'namespace': (string);
  'pod': (string);
  'container': (string);
  'message': (string);
  'detectedAtMs': (number);
  'events': (_kubedeck_agent_v1_FailureEvent__Output)[];
}

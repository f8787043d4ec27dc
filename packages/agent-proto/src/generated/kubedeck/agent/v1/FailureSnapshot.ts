// Original file: proto/agent.proto

import type { FailureReport as _kubedeck_agent_v1_FailureReport, FailureReport__Output as _kubedeck_agent_v1_FailureReport__Output } from '../../../kubedeck/agent/v1/FailureReport';

/**
 * Every failure the agent sees right now, sent on each (re)connect and whenever the set
 * changes. A failure the agent no longer lists has resolved.
 */
export interface FailureSnapshot {
  'failures'?: (_kubedeck_agent_v1_FailureReport)[];
}

/**
 * Every failure the agent sees right now, sent on each (re)connect and whenever the set
 * changes. A failure the agent no longer lists has resolved.
 */
export interface FailureSnapshot__Output {
  'failures': (_kubedeck_agent_v1_FailureReport__Output)[];
}

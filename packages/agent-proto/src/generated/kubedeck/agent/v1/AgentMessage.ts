// Original file: proto/agent.proto

import type { ResponseHead as _kubedeck_agent_v1_ResponseHead, ResponseHead__Output as _kubedeck_agent_v1_ResponseHead__Output } from '../../../kubedeck/agent/v1/ResponseHead';
import type { Data as _kubedeck_agent_v1_Data, Data__Output as _kubedeck_agent_v1_Data__Output } from '../../../kubedeck/agent/v1/Data';
import type { End as _kubedeck_agent_v1_End, End__Output as _kubedeck_agent_v1_End__Output } from '../../../kubedeck/agent/v1/End';
import type { Cancel as _kubedeck_agent_v1_Cancel, Cancel__Output as _kubedeck_agent_v1_Cancel__Output } from '../../../kubedeck/agent/v1/Cancel';
import type { WindowUpdate as _kubedeck_agent_v1_WindowUpdate, WindowUpdate__Output as _kubedeck_agent_v1_WindowUpdate__Output } from '../../../kubedeck/agent/v1/WindowUpdate';
import type { Heartbeat as _kubedeck_agent_v1_Heartbeat, Heartbeat__Output as _kubedeck_agent_v1_Heartbeat__Output } from '../../../kubedeck/agent/v1/Heartbeat';
import type { ClusterInfo as _kubedeck_agent_v1_ClusterInfo, ClusterInfo__Output as _kubedeck_agent_v1_ClusterInfo__Output } from '../../../kubedeck/agent/v1/ClusterInfo';
import type { FailureReport as _kubedeck_agent_v1_FailureReport, FailureReport__Output as _kubedeck_agent_v1_FailureReport__Output } from '../../../kubedeck/agent/v1/FailureReport';
import type { FailureSnapshot as _kubedeck_agent_v1_FailureSnapshot, FailureSnapshot__Output as _kubedeck_agent_v1_FailureSnapshot__Output } from '../../../kubedeck/agent/v1/FailureSnapshot';

/**
 * Agent -> hub.
 */
export interface AgentMessage {
  'responseHead'?: (_kubedeck_agent_v1_ResponseHead | null);
  'data'?: (_kubedeck_agent_v1_Data | null);
  'end'?: (_kubedeck_agent_v1_End | null);
  'cancel'?: (_kubedeck_agent_v1_Cancel | null);
  'windowUpdate'?: (_kubedeck_agent_v1_WindowUpdate | null);
  'heartbeat'?: (_kubedeck_agent_v1_Heartbeat | null);
  'clusterInfo'?: (_kubedeck_agent_v1_ClusterInfo | null);
  'failureReport'?: (_kubedeck_agent_v1_FailureReport | null);
  'failureSnapshot'?: (_kubedeck_agent_v1_FailureSnapshot | null);
  'kind'?: "responseHead"|"data"|"end"|"cancel"|"windowUpdate"|"heartbeat"|"clusterInfo"|"failureReport"|"failureSnapshot";
}

/**
 * Agent -> hub.
 */
export interface AgentMessage__Output {
  'responseHead'?: (_kubedeck_agent_v1_ResponseHead__Output | null);
  'data'?: (_kubedeck_agent_v1_Data__Output | null);
  'end'?: (_kubedeck_agent_v1_End__Output | null);
  'cancel'?: (_kubedeck_agent_v1_Cancel__Output | null);
  'windowUpdate'?: (_kubedeck_agent_v1_WindowUpdate__Output | null);
  'heartbeat'?: (_kubedeck_agent_v1_Heartbeat__Output | null);
  'clusterInfo'?: (_kubedeck_agent_v1_ClusterInfo__Output | null);
  'failureReport'?: (_kubedeck_agent_v1_FailureReport__Output | null);
  'failureSnapshot'?: (_kubedeck_agent_v1_FailureSnapshot__Output | null);
  'kind'?: "responseHead"|"data"|"end"|"cancel"|"windowUpdate"|"heartbeat"|"clusterInfo"|"failureReport"|"failureSnapshot";
}

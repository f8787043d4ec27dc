// Original file: proto/agent.proto

import type { Welcome as _kubedeck_agent_v1_Welcome, Welcome__Output as _kubedeck_agent_v1_Welcome__Output } from '../../../kubedeck/agent/v1/Welcome';
import type { RequestHead as _kubedeck_agent_v1_RequestHead, RequestHead__Output as _kubedeck_agent_v1_RequestHead__Output } from '../../../kubedeck/agent/v1/RequestHead';
import type { Data as _kubedeck_agent_v1_Data, Data__Output as _kubedeck_agent_v1_Data__Output } from '../../../kubedeck/agent/v1/Data';
import type { End as _kubedeck_agent_v1_End, End__Output as _kubedeck_agent_v1_End__Output } from '../../../kubedeck/agent/v1/End';
import type { Cancel as _kubedeck_agent_v1_Cancel, Cancel__Output as _kubedeck_agent_v1_Cancel__Output } from '../../../kubedeck/agent/v1/Cancel';
import type { WindowUpdate as _kubedeck_agent_v1_WindowUpdate, WindowUpdate__Output as _kubedeck_agent_v1_WindowUpdate__Output } from '../../../kubedeck/agent/v1/WindowUpdate';
import type { Heartbeat as _kubedeck_agent_v1_Heartbeat, Heartbeat__Output as _kubedeck_agent_v1_Heartbeat__Output } from '../../../kubedeck/agent/v1/Heartbeat';
import type { CredentialRotated as _kubedeck_agent_v1_CredentialRotated, CredentialRotated__Output as _kubedeck_agent_v1_CredentialRotated__Output } from '../../../kubedeck/agent/v1/CredentialRotated';

/**
 * Hub -> agent.
 */
export interface HubMessage {
  'welcome'?: (_kubedeck_agent_v1_Welcome | null);
  'requestHead'?: (_kubedeck_agent_v1_RequestHead | null);
  'data'?: (_kubedeck_agent_v1_Data | null);
  'end'?: (_kubedeck_agent_v1_End | null);
  'cancel'?: (_kubedeck_agent_v1_Cancel | null);
  'windowUpdate'?: (_kubedeck_agent_v1_WindowUpdate | null);
  'heartbeat'?: (_kubedeck_agent_v1_Heartbeat | null);
  'credentialRotated'?: (_kubedeck_agent_v1_CredentialRotated | null);
  'kind'?: "welcome"|"requestHead"|"data"|"end"|"cancel"|"windowUpdate"|"heartbeat"|"credentialRotated";
}

/**
 * Hub -> agent.
 */
export interface HubMessage__Output {
  'welcome'?: (_kubedeck_agent_v1_Welcome__Output | null);
  'requestHead'?: (_kubedeck_agent_v1_RequestHead__Output | null);
  'data'?: (_kubedeck_agent_v1_Data__Output | null);
  'end'?: (_kubedeck_agent_v1_End__Output | null);
  'cancel'?: (_kubedeck_agent_v1_Cancel__Output | null);
  'windowUpdate'?: (_kubedeck_agent_v1_WindowUpdate__Output | null);
  'heartbeat'?: (_kubedeck_agent_v1_Heartbeat__Output | null);
  'credentialRotated'?: (_kubedeck_agent_v1_CredentialRotated__Output | null);
  'kind'?: "welcome"|"requestHead"|"data"|"end"|"cancel"|"windowUpdate"|"heartbeat"|"credentialRotated";
}

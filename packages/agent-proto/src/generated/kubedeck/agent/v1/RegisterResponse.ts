// Original file: proto/agent.proto

import type { PolicyRule as _kubedeck_agent_v1_PolicyRule, PolicyRule__Output as _kubedeck_agent_v1_PolicyRule__Output } from '../../../kubedeck/agent/v1/PolicyRule';

export interface RegisterResponse {
  'agentId'?: (string);
  'credential'?: (string);
  'clusterName'?: (string);
  /**
   * read-only, operator, admin or custom.
   */
  'preset'?: (string);
  'rules'?: (_kubedeck_agent_v1_PolicyRule)[];
  /**
   * Whether the agent may send Impersonate-* headers on behalf of portal users.
   */
  'impersonationAllowed'?: (boolean);
}

export interface RegisterResponse__Output {
  'agentId': (string);
  'credential': (string);
  'clusterName': (string);
  /**
   * read-only, operator, admin or custom.
   */
  'preset': (string);
  'rules': (_kubedeck_agent_v1_PolicyRule__Output)[];
  /**
   * Whether the agent may send Impersonate-* headers on behalf of portal users.
   */
  'impersonationAllowed': (boolean);
}

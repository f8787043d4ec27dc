// Original file: proto/agent.proto


/**
 * One Kubernetes RBAC policy rule, as granted by the agent's permission preset.
 */
export interface PolicyRule {
  'apiGroups'?: (string)[];
  'resources'?: (string)[];
  'verbs'?: (string)[];
  'resourceNames'?: (string)[];
  'nonResourceUrls'?: (string)[];
}

/**
 * One Kubernetes RBAC policy rule, as granted by the agent's permission preset.
 */
export interface PolicyRule__Output {
  'apiGroups': (string)[];
  'resources': (string)[];
  'verbs': (string)[];
  'resourceNames': (string)[];
  'nonResourceUrls': (string)[];
}

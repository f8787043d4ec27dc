// Original file: proto/agent.proto


/**
 * First message of every stream: what the hub expects of this agent.
 */
export interface Welcome {
  'agentId'?: (string);
  'heartbeatIntervalSeconds'?: (number);
  /**
   * Bytes either side may send per exchange before the first WindowUpdate.
   */
  'initialWindow'?: (number);
  'impersonationAllowed'?: (boolean);
}

/**
 * First message of every stream: what the hub expects of this agent.
 */
export interface Welcome__Output {
  'agentId': (string);
  'heartbeatIntervalSeconds': (number);
  /**
   * Bytes either side may send per exchange before the first WindowUpdate.
   */
  'initialWindow': (number);
  'impersonationAllowed': (boolean);
}

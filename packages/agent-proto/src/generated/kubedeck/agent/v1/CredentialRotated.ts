// Original file: proto/agent.proto


/**
 * An admin rotated the agent's credential: the agent keeps this one (in its Secret) and uses it
 * from its next stream on. The old credential no longer works.
 */
export interface CredentialRotated {
  'credential'?: (string);
}

/**
 * An admin rotated the agent's credential: the agent keeps this one (in its Secret) and uses it
 * from its next stream on. The old credential no longer works.
 */
export interface CredentialRotated__Output {
  'credential': (string);
}

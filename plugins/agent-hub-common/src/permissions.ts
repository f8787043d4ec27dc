import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Create one-time agent registration tokens. Admins only.
 *
 * @public
 */
export const agentTokensCreatePermission = createPermission({
  name: 'kubedeck.agents.tokens.create',
  attributes: { action: 'create' },
});

/**
 * List registration tokens (never their values).
 *
 * @public
 */
export const agentTokensReadPermission = createPermission({
  name: 'kubedeck.agents.tokens.read',
  attributes: { action: 'read' },
});

/**
 * Revoke an unused registration token.
 *
 * @public
 */
export const agentTokensRevokePermission = createPermission({
  name: 'kubedeck.agents.tokens.revoke',
  attributes: { action: 'delete' },
});

/**
 * List agents with their status, last heartbeat and cluster info.
 *
 * @public
 */
export const agentsReadPermission = createPermission({
  name: 'kubedeck.agents.read',
  attributes: { action: 'read' },
});

/**
 * Rotate an agent's long-lived credential.
 *
 * @public
 */
export const agentsRotatePermission = createPermission({
  name: 'kubedeck.agents.rotate',
  attributes: { action: 'update' },
});

/**
 * Revoke an agent: its credential stops working and its stream is closed at once.
 *
 * @public
 */
export const agentsRevokePermission = createPermission({
  name: 'kubedeck.agents.revoke',
  attributes: { action: 'delete' },
});

/**
 * Every permission of the agent hub.
 *
 * @public
 */
export const agentHubPermissions = [
  agentTokensCreatePermission,
  agentTokensReadPermission,
  agentTokensRevokePermission,
  agentsReadPermission,
  agentsRotatePermission,
  agentsRevokePermission,
];

import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows reading the audit trail and running its chain verification.
 *
 * @public
 */
export const auditReadPermission = createPermission({
  name: 'kubedeck.audit.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the Kubedeck audit trail.
 *
 * @public
 */
export const auditPermissions = [auditReadPermission];

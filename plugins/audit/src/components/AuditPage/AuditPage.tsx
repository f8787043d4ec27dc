import { Content } from '@backstage/core-components';
import { auditReadPermission } from '@kubedeck/plugin-audit-common';
import { PermissionGate } from '@kubedeck/plugin-kubedeck-react';
import { AuditTrail } from './AuditTrail';

/** The Audit page: the trail for users allowed to read it, otherwise what they are missing. */
export function AuditPage() {
  return (
    <Content>
      <PermissionGate
        permission={auditReadPermission}
        action="read the audit trail"
      >
        <AuditTrail />
      </PermissionGate>
    </Content>
  );
}

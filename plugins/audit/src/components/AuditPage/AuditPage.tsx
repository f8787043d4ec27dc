import { Content, Progress, WarningPanel } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { auditReadPermission } from '@kubedeck/plugin-audit-common';
import { AuditTrail } from './AuditTrail';

/** The Audit page: the trail for users allowed to read it, otherwise what they are missing. */
export function AuditPage() {
  const { loading, allowed } = usePermission({
    permission: auditReadPermission,
  });

  if (loading) {
    return (
      <Content>
        <Progress />
      </Content>
    );
  }
  if (!allowed) {
    return (
      <Content>
        <WarningPanel
          severity="error"
          defaultExpanded
          title="You are not allowed to read the audit trail"
          message={
            <>
              Missing permission <code>{auditReadPermission.name}</code>. Ask a
              Kubedeck administrator to grant it to you.
            </>
          }
        />
      </Content>
    );
  }
  return (
    <Content>
      <AuditTrail />
    </Content>
  );
}

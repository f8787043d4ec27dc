import { ReactNode } from 'react';
import { Progress, WarningPanel } from '@backstage/core-components';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';

/**
 * Renders its children only for users granted `permission`; otherwise says what they cannot
 * do and which permission they are missing.
 */
export function PermissionGate(props: {
  permission: BasicPermission;
  /** What the user is not allowed to do, e.g. "manage notification channels". */
  action: string;
  children: ReactNode;
}) {
  const { permission, action, children } = props;
  const { loading, allowed } = usePermission({ permission });

  if (loading) {
    return <Progress />;
  }
  if (!allowed) {
    return <MissingPermission permission={permission} action={action} />;
  }
  return <>{children}</>;
}

/** The panel a user sees instead of something they are not allowed to do. */
export function MissingPermission(props: {
  permission: BasicPermission;
  action: string;
}) {
  return (
    <WarningPanel
      severity="error"
      defaultExpanded
      title={`You are not allowed to ${props.action}`}
      message={
        <>
          Missing permission <code>{props.permission.name}</code>. Ask a
          Kubedeck administrator to grant it to you.
        </>
      }
    />
  );
}

import { ResourcePermission } from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';
import Button, { ButtonProps } from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { encodeClusterResourceRef } from '@kubedeck/plugin-clusters-common';

/** The object an action applies to, as permission rules see it. */
export type ActionTarget = {
  cluster: string;
  namespace?: string;
  kind: string;
};

/**
 * A button enabled only when the user holds `permission` for `target`; otherwise disabled
 * with a tooltip that names the missing permission.
 */
export function GatedButton(
  props: ButtonProps & { permission: ResourcePermission; target: ActionTarget },
) {
  const { permission, target, disabled, ...buttonProps } = props;
  const { loading, allowed } = usePermission({
    permission,
    resourceRef: encodeClusterResourceRef(target),
  });
  if (loading || allowed) {
    return <Button {...buttonProps} disabled={disabled || loading} />;
  }
  return (
    <Tooltip title={`Missing permission ${permission.name}`}>
      <span data-missing-permission={permission.name}>
        <Button {...buttonProps} disabled />
      </span>
    </Tooltip>
  );
}

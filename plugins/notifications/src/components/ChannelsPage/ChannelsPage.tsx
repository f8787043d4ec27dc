import { Content } from '@backstage/core-components';
import { notificationChannelsManagePermission } from '@kubedeck/plugin-notifications-common';
import { PermissionGate } from '@kubedeck/plugin-kubedeck-react';
import { ChannelsAdmin } from './ChannelsAdmin';

/** Admins configure the channels alerts go to. */
export function ChannelsPage() {
  return (
    <Content>
      <PermissionGate
        permission={notificationChannelsManagePermission}
        action="manage notification channels"
      >
        <ChannelsAdmin />
      </PermissionGate>
    </Content>
  );
}

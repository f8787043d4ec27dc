import { Content } from '@backstage/core-components';
import { notificationDeliveriesReadPermission } from '@kubedeck/plugin-notifications-common';
import { PermissionGate } from '@kubedeck/plugin-kubedeck-react';
import { DeliveryHistory } from './DeliveryHistory';

/** Every delivery attempt per notification and channel, with filters. */
export function DeliveriesPage() {
  return (
    <Content>
      <PermissionGate
        permission={notificationDeliveriesReadPermission}
        action="read the delivery history"
      >
        <DeliveryHistory />
      </PermissionGate>
    </Content>
  );
}

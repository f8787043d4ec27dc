import { Content } from '@backstage/core-components';
import { notificationPreferencesReadPermission } from '@kubedeck/plugin-notifications-common';
import { PermissionGate } from '@kubedeck/plugin-kubedeck-react';
import { NotificationPreferences } from './NotificationPreferences';

/** The signed-in user's notification preferences: a category × channel matrix. */
export function PreferencesPage() {
  return (
    <Content>
      <PermissionGate
        permission={notificationPreferencesReadPermission}
        action="read your notification preferences"
      >
        <NotificationPreferences />
      </PermissionGate>
    </Content>
  );
}

export { MissingPermission, PermissionGate } from '@kubedeck/plugin-kubedeck-react';

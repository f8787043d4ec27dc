export { MissingPermission, PermissionGate } from './PermissionGate';

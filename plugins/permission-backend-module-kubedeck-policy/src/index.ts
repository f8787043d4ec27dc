/**
 * The kubedeck-policy module for @backstage/plugin-permission-backend: a
 * role-based permission policy for Kubedeck, configured in app-config.
 *
 * @packageDocumentation
 */

export { permissionModuleKubedeckPolicy as default } from './module';
export { PERMISSION_DENIED_TOPIC } from './denials';
export type { PermissionDeniedEvent } from './denials';

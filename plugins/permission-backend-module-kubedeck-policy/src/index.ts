/**
 * The kubedeck-policy module for @backstage/plugin-permission-backend: a
 * role-based permission policy for Kubedeck, configured in app-config.
 *
 * @packageDocumentation
 */

export { permissionModuleKubedeckPolicy as default } from './module';

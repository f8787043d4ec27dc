/**
 * Kubedeck Alerts for Backstage's new frontend system: notification preferences, the
 * channels admins configure and the delivery history.
 *
 * @packageDocumentation
 */

export { kubedeckNotificationsPlugin as default } from './plugin';
export * from './api';

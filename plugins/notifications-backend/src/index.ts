/**
 * Kubedeck notifications backend: routing by preference, deduplication, channels, digests and
 * delivery history.
 *
 * @packageDocumentation
 */
export { notificationsPlugin as default } from './plugin';

/**
 * Publishes Kubedeck events to the notifications message broker.
 *
 * @packageDocumentation
 */
export { notificationsModuleKubedeckProducers as default } from './module';

/**
 * Kubedeck notifications for other backend plugins: the message broker, the channel extension
 * point and event publishing.
 *
 * @packageDocumentation
 */
export * from './broker/types';
export { InMemoryMessageBroker } from './broker/InMemoryMessageBroker';
export type { InMemoryMessageBrokerOptions } from './broker/InMemoryMessageBroker';
export { KafkaMessageBroker } from './broker/KafkaMessageBroker';
export type { KafkaMessageBrokerOptions } from './broker/KafkaMessageBroker';
export { readKafkaConfig } from './broker/kafkaConfig';
export type { KafkaBrokerSettings } from './broker/kafkaConfig';
export { messageBrokerServiceRef } from './broker/service';
export * from './channels/types';
export * from './channels/extensionPoint';
export { assertDelivered, parseRetryAfter } from './channels/httpResponse';
export * from './http/SafeHttpClient';
export { forbiddenAddressReason, ipLiteral } from './http/addresses';
export type { AddressAllowlist } from './http/addresses';
export { publishKubedeckEvent } from './publish';
export { describeChannelType } from './channels/describeFields';

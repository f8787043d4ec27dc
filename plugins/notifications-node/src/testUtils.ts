/**
 * Test utilities for Kubedeck notifications: a Kafka-protocol mock cluster.
 *
 * @packageDocumentation
 */
export { startKafkaMockCluster } from './broker/kafkaMockCluster';
export type { KafkaMockCluster } from './broker/kafkaMockCluster';

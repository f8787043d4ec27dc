import {
  KubedeckEvent,
  kubedeckEventSchema,
} from '@kubedeck/plugin-notifications-common';
import { JsonObject } from '@backstage/types';
import { randomUUID } from 'node:crypto';
import { MessageBroker } from './broker/types';

/**
 * Validates an event, gives it an id and a time, and publishes it on its category's topic keyed
 * by fingerprint (so repeats of one problem stay in order).
 *
 * @public
 */
export async function publishKubedeckEvent(
  broker: MessageBroker,
  event: KubedeckEvent,
): Promise<KubedeckEvent> {
  const parsed = kubedeckEventSchema.parse(event);
  const complete: KubedeckEvent = {
    ...parsed,
    id: parsed.id ?? randomUUID(),
    occurredAt: parsed.occurredAt ?? new Date().toISOString(),
  };
  await broker.publish(complete.category, complete as unknown as JsonObject, {
    key: complete.fingerprint,
    headers: { 'content-type': 'application/vnd.kubedeck.event+json' },
  });
  return complete;
}

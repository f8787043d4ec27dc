import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

/**
 * Runs a Kubernetes write inside an audit event. The meta names the cluster and object; it
 * never carries request bodies (which may hold secret values).
 */
export async function auditedWrite<T>(
  auditor: AuditorService,
  request: Request,
  eventId: string,
  meta: JsonObject,
  write: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    severityLevel: meta.action === 'delete' ? 'high' : 'medium',
    request,
    meta,
  });
  try {
    const result = await write();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

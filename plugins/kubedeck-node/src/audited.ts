import type {
  AuditorService,
  AuditorServiceEventSeverityLevel,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { Request } from 'express';

/**
 * Runs a mutation inside an audit event that succeeds or fails with it. `event` is the event
 * id (severity `medium`) or the id with another severity. Only `meta` is recorded, so callers
 * never put secret values in it.
 *
 * @public
 */
export async function audited<T>(
  deps: { auditor: AuditorService },
  req: Request,
  event:
    | string
    | { eventId: string; severityLevel: AuditorServiceEventSeverityLevel },
  meta: JsonObject,
  action: () => Promise<T>,
): Promise<T> {
  const { eventId, severityLevel } =
    typeof event === 'string'
      ? { eventId: event, severityLevel: 'medium' as const }
      : event;
  const auditEvent = await deps.auditor.createEvent({
    eventId,
    request: req,
    severityLevel,
    meta,
  });
  try {
    const result = await action();
    await auditEvent.success();
    return result;
  } catch (error) {
    await auditEvent.fail({ error: error as Error });
    throw error;
  }
}

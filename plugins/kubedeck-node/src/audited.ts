import type { AuditorService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { Request } from 'express';

/**
 * Runs a mutation inside an audit event that succeeds or fails with it. Only `meta` is
 * recorded, so callers never put secret values in it.
 *
 * @public
 */
export async function audited<T>(
  deps: { auditor: AuditorService },
  req: Request,
  eventId: string,
  meta: JsonObject,
  action: () => Promise<T>,
): Promise<T> {
  const event = await deps.auditor.createEvent({
    eventId,
    request: req,
    severityLevel: 'medium',
    meta,
  });
  try {
    const result = await action();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { audited } from '@kubedeck/plugin-kubedeck-node';
import { Request } from 'express';

/**
 * Runs a Kubernetes write inside an audit event, deletes at high severity. The meta names the
 * cluster and object; it never carries request bodies (which may hold secret values).
 */
export function auditedWrite<T>(
  auditor: AuditorService,
  request: Request,
  meta: JsonObject,
  write: () => Promise<T>,
): Promise<T> {
  const severityLevel = meta.action === 'delete' ? 'high' : 'medium';
  return audited(
    { auditor },
    request,
    { eventId: 'kubernetes-write', severityLevel },
    meta,
    write,
  );
}

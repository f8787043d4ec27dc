import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  AuditEventPage,
  AuditQuery,
  AuditVerification,
} from '@kubedeck/plugin-audit-common';

/**
 * Reads the Kubedeck audit trail.
 *
 * @public
 */
export interface AuditApi {
  /** Events newest first; pass `nextCursor` back as `cursor` for older ones. */
  listEvents(query?: AuditQuery): Promise<AuditEventPage>;
  /** Walks the hash chain and reports the first broken link. */
  verify(): Promise<AuditVerification>;
}

/** @public */
export const auditApiRef = createApiRef<AuditApi>().with({
  id: 'plugin.kubedeck-audit.api',
  pluginId: 'kubedeck-audit',
});

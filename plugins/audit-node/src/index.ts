/**
 * The Kubedeck auditor: replaces Backstage's `coreServices.auditor` so that every audit event is
 * logged and appended to one hash-chained, append-only table.
 *
 * @packageDocumentation
 */

export type {
  AuditEntry,
  AuditListOptions,
  AuditStore,
} from './database/AuditStore';
export { DatabaseAuditStore } from './database/DatabaseAuditStore';
export { auditEntryFromEvent } from './service/auditEntryFromEvent';
export {
  AUDIT_DATABASE_ID,
  auditLogServiceRef,
} from './service/auditLogService';
export { kubedeckAuditorServiceFactory } from './service/auditorServiceFactory';

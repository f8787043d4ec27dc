import { JsonObject } from '@backstage/types';

/**
 * Outcome of an audited action, as reported through Backstage's auditor.
 *
 * @public
 */
export type AuditOutcome = 'initiated' | 'succeeded' | 'failed';

/** @public */
export const auditOutcomes: readonly AuditOutcome[] = [
  'initiated',
  'succeeded',
  'failed',
];

/**
 * Severity of an audited action, as given to Backstage's auditor.
 *
 * @public
 */
export type AuditSeverity = 'low' | 'medium' | 'high' | 'critical';

/**
 * One row of the hash-chained audit trail.
 *
 * @public
 */
export type AuditEvent = {
  /** Position in the chain, starting at 1 with no gaps. */
  sequence: number;
  /** ISO 8601 time the event was recorded. */
  time: string;
  /** User entity ref or service subject that caused the event, if known. */
  actor: string | null;
  /** Id of the plugin that emitted the event. */
  plugin: string;
  /** The plugin's kebab-case event id, e.g. `resource-delete`. */
  eventId: string;
  /** What was done: the event's `actionType`, else the HTTP method, else the event id. */
  action: string;
  /** Severity the plugin gave the event. */
  severityLevel: AuditSeverity;
  /** What the action was done to, if the event names it. */
  target: string | null;
  outcome: AuditOutcome;
  /** Event details with secrets removed. */
  metadata: JsonObject;
  /** Hash of the previous row (64 zeros for the first row). */
  prevHash: string;
  /** SHA-256 over the canonical JSON of this row's fields including `prevHash`. */
  hash: string;
};

/**
 * Filters for listing audit events, newest first.
 *
 * @public
 */
export type AuditQuery = {
  actor?: string;
  plugin?: string;
  /** Matches targets containing this text. */
  target?: string;
  outcome?: AuditOutcome;
  /** ISO 8601 lower bound, inclusive. */
  from?: string;
  /** ISO 8601 upper bound, inclusive. */
  to?: string;
  /** Page size, at most 500. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
};

/**
 * One page of audit events.
 *
 * @public
 */
export type AuditEventPage = {
  items: AuditEvent[];
  /** Pass as `cursor` to get the next (older) page; absent on the last page. */
  nextCursor?: string;
};

/**
 * Result of walking the hash chain.
 *
 * @public
 */
export type AuditVerification = {
  ok: boolean;
  /** Number of rows checked before the walk ended. */
  checked: number;
  /** The first sequence number whose link is broken. */
  firstBrokenSequence?: number;
  /** Why that link is broken. */
  reason?: string;
};

/** Largest page size accepted when listing audit events. @public */
export const AUDIT_MAX_PAGE_SIZE = 500;

import {
  AuditEvent,
  AuditOutcome,
  AuditSeverity,
} from '@kubedeck/plugin-audit-common';
import { JsonObject } from '@backstage/types';
import { canonicalJson } from './hash';

export const AUDIT_TABLE = 'kubedeck_audit_events';

/** A row of {@link AUDIT_TABLE} as the database returns it. */
export type AuditRow = {
  sequence: number | string;
  time: Date | string | number;
  actor: string | null;
  plugin: string;
  event_id: string;
  action: string;
  severity_level: string;
  target: string | null;
  outcome: string;
  metadata: string;
  prev_hash: string;
  hash: string;
};

export function toAuditRow(event: AuditEvent): AuditRow {
  return {
    sequence: event.sequence,
    time: new Date(event.time),
    actor: event.actor,
    plugin: event.plugin,
    event_id: event.eventId,
    action: event.action,
    severity_level: event.severityLevel,
    target: event.target,
    outcome: event.outcome,
    metadata: canonicalJson(event.metadata),
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}

/**
 * Reads a row back. PostgreSQL returns `bigint` as a string and timestamps as `Date`; SQLite
 * stores timestamps as epoch milliseconds. Both become the same `AuditEvent`.
 *
 * @throws SyntaxError when `metadata` is not JSON (the row was tampered with).
 */
export function fromAuditRow(row: AuditRow): AuditEvent {
  return {
    sequence: Number(row.sequence),
    time: new Date(row.time).toISOString(),
    actor: row.actor,
    plugin: row.plugin,
    eventId: row.event_id,
    action: row.action,
    severityLevel: row.severity_level as AuditSeverity,
    target: row.target,
    outcome: row.outcome as AuditOutcome,
    metadata: JSON.parse(row.metadata) as JsonObject,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

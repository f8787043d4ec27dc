import { createHash } from 'node:crypto';
import { AuditEvent } from '@kubedeck/plugin-audit-common';
import { JsonValue } from '@backstage/types';

/** `prevHash` of the first row in the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level and undefined members dropped, so equal values
 * always serialize to the same text.
 */
export function canonicalJson(value: JsonValue | undefined): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) {
    return `[${value.map(item => canonicalJson(item)).join(',')}]`;
  }
  const members = Object.keys(value)
    .filter(key => value[key] !== undefined)
    .sort()
    .map(key => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
  return `{${members.join(',')}}`;
}

/** SHA-256 (hex) over the canonical JSON of every field of a row except `hash`. */
export function hashAuditEvent(event: Omit<AuditEvent, 'hash'>): string {
  const fields: JsonValue = {
    sequence: event.sequence,
    time: event.time,
    actor: event.actor,
    plugin: event.plugin,
    eventId: event.eventId,
    action: event.action,
    severityLevel: event.severityLevel,
    target: event.target,
    outcome: event.outcome,
    metadata: event.metadata,
    prevHash: event.prevHash,
  };
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

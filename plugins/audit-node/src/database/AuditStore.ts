import {
  AuditEvent,
  AuditEventPage,
  AuditOutcome,
  AuditVerification,
} from '@kubedeck/plugin-audit-common';

/**
 * An audit event before it joins the chain: the store assigns `sequence`, `prevHash` and
 * `hash`.
 *
 * @public
 */
export type AuditEntry = Omit<
  AuditEvent,
  'sequence' | 'time' | 'prevHash' | 'hash'
> & { time: Date };

/**
 * Filters for {@link AuditStore.list}, already validated.
 *
 * @public
 */
export type AuditListOptions = {
  actor?: string;
  plugin?: string;
  /** Matches targets containing this text. */
  target?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
  limit: number;
  /** Only events with a sequence number below this one. */
  beforeSequence?: number;
};

/**
 * The hash-chained, append-only audit table.
 *
 * @public
 */
export interface AuditStore {
  /** Appends an entry at the tail of the chain. Appends never run concurrently. */
  append(entry: AuditEntry): Promise<AuditEvent>;
  /** Lists events newest first. */
  list(options: AuditListOptions): Promise<AuditEventPage>;
  /** Walks the whole chain in sequence order and reports the first broken link. */
  verify(): Promise<AuditVerification>;
}

import { GENESIS_HASH, hashAuditEvent } from './hash';
import { AuditRow, fromAuditRow } from './rows';

/** Where the chain walk stands: the next expected sequence and the hash it must link to. */
export type ChainPosition = { sequence: number; prevHash: string };

/** The start of every chain. */
export const CHAIN_START: ChainPosition = {
  sequence: 1,
  prevHash: GENESIS_HASH,
};

export type LinkResult =
  | { ok: true; next: ChainPosition }
  | { ok: false; sequence: number; reason: string };

/** Checks one row against the position the chain walk expects it at. */
export function checkLink(expected: ChainPosition, row: AuditRow): LinkResult {
  const sequence = Number(row.sequence);
  if (sequence !== expected.sequence) {
    return {
      ok: false,
      sequence: expected.sequence,
      reason: `sequence ${expected.sequence} is missing (the next row is ${sequence})`,
    };
  }
  if (row.prev_hash !== expected.prevHash) {
    return {
      ok: false,
      sequence,
      reason:
        sequence === 1
          ? 'prev_hash is not the genesis hash'
          : `prev_hash does not match the hash of sequence ${sequence - 1}`,
    };
  }
  let recomputed: string;
  try {
    recomputed = hashAuditEvent(fromAuditRow(row));
  } catch {
    return { ok: false, sequence, reason: 'metadata is not valid JSON' };
  }
  if (recomputed !== row.hash) {
    return {
      ok: false,
      sequence,
      reason: 'hash mismatch: the row was changed after it was written',
    };
  }
  return { ok: true, next: { sequence: sequence + 1, prevHash: row.hash } };
}

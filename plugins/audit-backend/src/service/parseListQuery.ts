import { InputError } from '@backstage/errors';
import {
  AUDIT_MAX_PAGE_SIZE,
  auditOutcomes,
  AuditOutcome,
} from '@kubedeck/plugin-audit-common';
import { AuditListOptions } from '@kubedeck/plugin-audit-node';
import { parseInput } from '@kubedeck/plugin-kubedeck-node';
import { z } from 'zod';

const DEFAULT_PAGE_SIZE = 100;

const listQuerySchema = z
  .object({
    actor: z.string().min(1).optional(),
    plugin: z.string().min(1).optional(),
    target: z.string().min(1).optional(),
    outcome: z
      .enum(auditOutcomes as [AuditOutcome, ...AuditOutcome[]])
      .optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(AUDIT_MAX_PAGE_SIZE)
      .default(DEFAULT_PAGE_SIZE),
    cursor: z
      .string()
      .regex(/^[1-9]\d*$/, 'must be the nextCursor of a previous page')
      .optional(),
  })
  .strict();

/** Validates the query string of `GET /events`; a bad query is an `InputError` (400). */
export function parseListQuery(query: unknown): AuditListOptions {
  const { from, to, cursor, ...filters } = parseInput(
    listQuerySchema,
    query,
    'audit query',
  );
  if (from && to && Date.parse(from) > Date.parse(to)) {
    throw new InputError(`Invalid audit query: 'from' is later than 'to'`);
  }
  return {
    ...filters,
    from: from ? new Date(from) : undefined,
    to: to ? new Date(to) : undefined,
    beforeSequence: cursor ? Number(cursor) : undefined,
  };
}

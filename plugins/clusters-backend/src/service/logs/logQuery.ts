import { InputError } from '@backstage/errors';
import { Request } from 'express';
import { z } from 'zod';
import { parseInput } from '@kubedeck/plugin-kubedeck-node';
import { queryBoolean, regexString } from '../validation';
import { LogCursor, normalizeTimestamp, parseLogId } from './logLine';

/** Limits from `kubedeck.clusters.logs`. */
export type LogLimits = { maxTailLines: number; maxLineLength: number };

const logQuery = z.object({
  container: z.string().min(1).optional(),
  follow: queryBoolean.optional(),
  tailLines: z.coerce.number().int().min(0).optional(),
  sinceTime: z
    .string()
    .refine(v => normalizeTimestamp(v) !== undefined, 'not an RFC 3339 time')
    .optional(),
  previous: queryBoolean.optional(),
  timestamps: queryBoolean.optional(),
  grep: regexString.optional(),
  since: z.string().optional(),
  labelSelector: z.string().optional(),
});

/** A parsed log request. */
export type LogRequest = {
  container?: string;
  follow: boolean;
  tailLines?: number;
  sinceTime?: string;
  previous: boolean;
  timestamps: boolean;
  grep?: RegExp;
  after?: LogCursor;
  labelSelector?: string;
};

/** Reads the query and the resume position (`Last-Event-ID` header or `?since=`). */
export function parseLogRequest(req: Request, limits: LogLimits): LogRequest {
  const q = parseInput(logQuery, req.query, 'log query');
  const resumeId = req.get('last-event-id') || q.since;
  const after = resumeId ? parseLogId(resumeId) : undefined;
  if (resumeId && !after) {
    throw new InputError(`Invalid log position ${resumeId}`);
  }
  return {
    container: q.container,
    follow: q.follow ?? false,
    tailLines: Math.min(
      q.tailLines ?? limits.maxTailLines,
      limits.maxTailLines,
    ),
    sinceTime: q.sinceTime,
    previous: q.previous ?? false,
    timestamps: q.timestamps ?? false,
    grep: q.grep ? new RegExp(q.grep) : undefined,
    after,
    labelSelector: q.labelSelector,
  };
}

/** Reads `kubedeck.clusters.logs` (defaults: 10,000 tail lines, 10,000 characters a line). */
export function readLogLimits(config: {
  getOptionalNumber(key: string): number | undefined;
}): LogLimits {
  return {
    maxTailLines:
      config.getOptionalNumber('kubedeck.clusters.logs.maxTailLines') ?? 10_000,
    maxLineLength:
      config.getOptionalNumber('kubedeck.clusters.logs.maxLineLength') ??
      10_000,
  };
}

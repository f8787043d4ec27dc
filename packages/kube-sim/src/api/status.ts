import { StoreError } from '../store/types';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: Array<{ reason?: string; message?: string; field?: string }>;
  retryAfterSeconds?: number;
}

/** An error with the HTTP code and Status reason the real API server would answer with. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
    /** The Status's list metadata, such as the continue token of an expired list. */
    readonly listMeta?: { continue?: string },
  ) {
    super(message);
  }
}

/** A metav1.Status object. */
export function statusObject(code: number, reason: string, message: string, details?: StatusDetails, listMeta: { continue?: string } = {}) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: listMeta,
    status: code < 400 ? 'Success' : 'Failure',
    message,
    ...(reason ? { reason } : {}),
    ...(details ? { details } : {}),
    code,
  };
}

/** Turns anything thrown by a handler into an ApiError; unknown errors become 500s. */
export function toApiError(error: unknown, details?: StatusDetails): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreError) {
    const keepDetails = error.code === 404 || error.code === 409;
    return new ApiError(error.code, error.reason, error.message, keepDetails ? details : undefined, error.listMeta);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(500, 'InternalError', `Internal error occurred: ${message}`);
}

export const badRequest = (message: string) => new ApiError(400, 'BadRequest', message);
export const notFound = (message: string, details?: StatusDetails) => new ApiError(404, 'NotFound', message, details);
export const methodNotAllowed = (message: string) => new ApiError(405, 'MethodNotAllowed', message);
export const invalid = (kind: string, name: string, causes: Array<{ field: string; message: string; reason?: string }>, group = '') =>
  new ApiError(
    422,
    'Invalid',
    `${group ? `${kind}.${group}` : kind} "${name}" is invalid: ${causes.map(c => `${c.field}: ${c.message}`).join(', ')}`,
    { name, group: group || undefined, kind, causes: causes.map(c => ({ reason: c.reason ?? 'FieldValueInvalid', message: c.message, field: c.field })) },
  );

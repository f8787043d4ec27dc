import { AuditorEvent } from '@backstage/backend-defaults/auditor';
import { JsonObject, JsonValue } from '@backstage/types';
import {
  isSecretKey,
  REDACTED,
  redactSecrets,
  redactSecretText,
} from '@kubedeck/plugin-audit-common';
import { AuditEntry } from '../database/AuditStore';

/** Meta keys that name what an event acted on, in order of preference. */
const TARGET_KEYS = ['target', 'entityRef', 'resourceRef', 'locationRef'];
/** Meta keys that name what an event did, in order of preference. */
const ACTION_KEYS = ['actionType', 'action'];

function firstString(meta: JsonObject, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = meta[key];
    if (typeof value === 'string' && value) {
      return value;
    }
  }
  return undefined;
}

/** Removes secret-looking query parameters and bearer tokens from a request URL. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) {
    return redactSecretText(url);
  }
  const params = new URLSearchParams(url.slice(queryStart + 1));
  for (const key of new Set(params.keys())) {
    if (isSecretKey(key)) {
      params.set(key, REDACTED);
    }
  }
  return redactSecretText(`${url.slice(0, queryStart)}?${params}`);
}

function pathOf(url: string): string {
  const queryStart = url.indexOf('?');
  return queryStart < 0 ? url : url.slice(0, queryStart);
}

function compact(object: { [key: string]: JsonValue | undefined }) {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined) {
      result[key] = value;
    }
  }
  return Object.keys(result).length ? result : undefined;
}

/**
 * Turns an event from Backstage's auditor into an audit-table entry with every secret removed.
 *
 * - `action`: the event meta's `actionType` (Backstage's convention) or `action`, else the HTTP
 *   method, else the event id.
 * - `target`: the meta's `target`, `entityRef`, `resourceRef` or `locationRef`, else the
 *   request path.
 * - `metadata`: `{ meta, request, client, error }`, each present only when known.
 *
 * @public
 */
export function auditEntryFromEvent(
  event: AuditorEvent,
  time: Date = new Date(),
): AuditEntry {
  const meta = event.meta ?? {};
  const request = event.request;
  const error = event.status === 'failed' ? event.error : undefined;
  const metadata =
    compact({
      meta: Object.keys(meta).length ? redactSecrets(meta) : undefined,
      request: request
        ? { method: request.method, url: redactUrl(request.url) }
        : undefined,
      client: compact({
        ip: event.actor.ip,
        hostname: event.actor.hostname,
        userAgent: event.actor.userAgent,
      }),
      error: error
        ? { name: error.name, message: redactSecretText(error.message) }
        : undefined,
    }) ?? {};

  return {
    time,
    actor: event.actor.actorId ?? null,
    plugin: event.plugin,
    eventId: event.eventId,
    action: firstString(meta, ACTION_KEYS) ?? request?.method ?? event.eventId,
    severityLevel: event.severityLevel,
    target:
      firstString(meta, TARGET_KEYS) ??
      (request ? redactUrl(pathOf(request.url)) : null),
    outcome: event.status,
    metadata,
  };
}

import { JsonValue } from '@backstage/types';

/** Replacement written wherever a secret was removed. @public */
export const REDACTED = '[REDACTED]';

const SECRET_KEY =
  /secret|token|password|authorization|apikey|api_key|credential|private/i;
const BEARER_VALUE = /\bbearer\s+[A-Za-z0-9\-._~+/]+=*/gi;
const JWT_VALUE = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/**
 * Whether a key names a secret (token, password, credential, ...).
 *
 * @public
 */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * Removes bearer tokens and JWTs from free text.
 *
 * @public
 */
export function redactSecretText(text: string): string {
  return text
    .replace(BEARER_VALUE, `Bearer ${REDACTED}`)
    .replace(JWT_VALUE, REDACTED);
}

/**
 * Returns a copy of a JSON value in which every value under a secret-looking key, and every
 * bearer-looking string, is replaced by {@link REDACTED}. Runs recursively through objects and
 * arrays; the input is not modified.
 *
 * @public
 */
export function redactSecrets<T extends JsonValue>(value: T): T;
export function redactSecrets(value: JsonValue): JsonValue {
  if (typeof value === 'string') {
    return redactSecretText(value);
  }
  if (Array.isArray(value)) {
    return value.map(item => redactSecrets(item));
  }
  if (value && typeof value === 'object') {
    const result: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) {
        continue;
      }
      result[key] = isSecretKey(key) ? REDACTED : redactSecrets(item);
    }
    return result;
  }
  return value;
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * SHA-256 of a token, hex encoded: store this instead of the token itself.
 *
 * @public
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Compares a presented token with a stored hash in constant time.
 *
 * @public
 */
export function verifyTokenHash(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashToken(token), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A new random token (256 bits, base64url) with an optional prefix that tells what it is for.
 *
 * @public
 */
export function generateToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

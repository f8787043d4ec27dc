import { Config } from '@backstage/config';
import { createHash, hkdfSync, randomBytes } from 'node:crypto';

/** A key that encrypts and decrypts secrets at rest. @public */
export interface SecretsKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_.-]{1,64}$/;
const KEY_BYTES = 32;
const MIN_PASSPHRASE_LENGTH = 32;

/**
 * Turns a configured secret into 32 bytes of key material: either the secret is 32 bytes in
 * base64, or it is a passphrase long enough to derive a key from (HKDF-SHA256).
 */
function keyMaterial(id: string, secret: string): Buffer {
  const decoded = Buffer.from(secret, 'base64');
  if (
    decoded.length === KEY_BYTES &&
    decoded.toString('base64').replace(/=+$/, '') ===
      secret.trim().replace(/=+$/, '')
  ) {
    return decoded;
  }
  if (secret.length < MIN_PASSPHRASE_LENGTH) {
    throw new Error(
      `kubedeck.secrets.keys entry '${id}' is too short: use 32 bytes in base64 ` +
        `(openssl rand -base64 32) or a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`,
    );
  }
  return Buffer.from(
    hkdfSync('sha256', secret, 'kubedeck-secrets', id, KEY_BYTES),
  );
}

/**
 * Reads `kubedeck.secrets.keys`. The first key is the one that encrypts.
 *
 * @public
 */
export function readSecretsKeys(config: Config): SecretsKey[] {
  const entries = config.getOptionalConfigArray('kubedeck.secrets.keys') ?? [];
  const seen = new Set<string>();
  return entries.map(entry => {
    const id = entry.getString('id');
    if (!KEY_ID.test(id)) {
      throw new Error(
        `kubedeck.secrets.keys id '${id}' is invalid: use 1-64 letters, digits, '-', '_' or '.'`,
      );
    }
    if (seen.has(id)) {
      throw new Error(`kubedeck.secrets.keys id '${id}' is listed twice`);
    }
    seen.add(id);
    return { id, key: keyMaterial(id, entry.getString('secret')) };
  });
}

/**
 * A random key that lives only as long as the process; values encrypted with it cannot be
 * read after a restart. For development only.
 *
 * @public
 */
export function generateEphemeralKey(): SecretsKey {
  const key = randomBytes(KEY_BYTES);
  const id = `ephemeral-${createHash('sha256')
    .update(key)
    .digest('hex')
    .slice(0, 8)}`;
  return { id, key };
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SecretsKey } from './keys';

const FORMAT = 'kd1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Options binding a ciphertext to where it is stored (for example `channel:<id>`): a value
 * copied to another row fails to decrypt.
 *
 * @public
 */
export interface SecretsCipherContext {
  context?: string;
}

/**
 * Encrypts and decrypts secrets at rest.
 *
 * @public
 */
export interface SecretsCipher {
  /** Encrypts with the primary key; the result names the key it was encrypted with. */
  encrypt(plaintext: string, options?: SecretsCipherContext): string;
  /** Decrypts with whichever configured key the ciphertext names. */
  decrypt(ciphertext: string, options?: SecretsCipherContext): string;
  /** Whether a ciphertext was made with a key other than the primary one. */
  needsReEncryption(ciphertext: string): boolean;
}

interface Envelope {
  keyId: string;
  iv: Buffer;
  sealed: Buffer;
}

function parseEnvelope(ciphertext: string): Envelope {
  const parts = ciphertext.split(':');
  if (parts.length !== 4 || parts[0] !== FORMAT) {
    throw new Error('Not a Kubedeck ciphertext');
  }
  return {
    keyId: parts[1],
    iv: Buffer.from(parts[2], 'base64url'),
    sealed: Buffer.from(parts[3], 'base64url'),
  };
}

/**
 * AES-256-GCM with a random 96-bit nonce per value. The stored form is
 * `kd1:<key id>:<nonce>:<ciphertext and tag>` (base64url), so keys can rotate.
 *
 * @public
 */
export class AesGcmSecretsCipher implements SecretsCipher {
  readonly #primary: SecretsKey;
  readonly #keys: Map<string, Buffer>;

  static fromKeys(keys: SecretsKey[]): AesGcmSecretsCipher {
    if (keys.length === 0) {
      throw new Error('At least one secrets key is required');
    }
    return new AesGcmSecretsCipher(keys);
  }

  private constructor(keys: SecretsKey[]) {
    this.#primary = keys[0];
    this.#keys = new Map(keys.map(k => [k.id, k.key]));
  }

  encrypt(plaintext: string, options?: SecretsCipherContext): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#primary.key, iv);
    cipher.setAAD(Buffer.from(options?.context ?? ''));
    const body = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
    ]);
    const sealed = Buffer.concat([body, cipher.getAuthTag()]);
    return [
      FORMAT,
      this.#primary.id,
      iv.toString('base64url'),
      sealed.toString('base64url'),
    ].join(':');
  }

  decrypt(ciphertext: string, options?: SecretsCipherContext): string {
    const { keyId, iv, sealed } = parseEnvelope(ciphertext);
    const key = this.#keys.get(keyId);
    if (!key) {
      throw new Error(
        `Secret was encrypted with key '${keyId}', which is not configured in kubedeck.secrets.keys`,
      );
    }
    if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) {
      throw new Error('Malformed Kubedeck ciphertext');
    }
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(options?.context ?? ''));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      const body = sealed.subarray(0, sealed.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new Error(
        `Secret could not be decrypted with key '${keyId}': wrong key, wrong context or tampered value`,
      );
    }
  }

  needsReEncryption(ciphertext: string): boolean {
    return parseEnvelope(ciphertext).keyId !== this.#primary.id;
  }
}

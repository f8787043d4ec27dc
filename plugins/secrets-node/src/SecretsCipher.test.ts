import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { randomBytes } from 'node:crypto';
import { readSecretsKeys } from './keys';
import { AesGcmSecretsCipher } from './SecretsCipher';
import { createSecretsCipher } from './service';

const keyA = { id: 'a', secret: randomBytes(32).toString('base64') };
const keyB = {
  id: 'b',
  secret: 'a passphrase that is long enough to derive a key',
};

function cipherWith(...keys: Array<{ id: string; secret: string }>) {
  return AesGcmSecretsCipher.fromKeys(
    readSecretsKeys(new ConfigReader({ kubedeck: { secrets: { keys } } })),
  );
}

describe('AesGcmSecretsCipher', () => {
  it('round-trips a value and never stores it in clear', () => {
    const cipher = cipherWith(keyA);
    const sealed = cipher.encrypt('xoxb-slack-token');
    expect(sealed).not.toContain('xoxb');
    expect(sealed.startsWith('kd1:a:')).toBe(true);
    expect(cipher.decrypt(sealed)).toBe('xoxb-slack-token');
  });

  it('uses a fresh nonce for every value', () => {
    const cipher = cipherWith(keyA);
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('rotates keys: the first key encrypts, every key decrypts', () => {
    const old = cipherWith(keyA).encrypt('old secret');
    const rotated = cipherWith(keyB, keyA);
    expect(rotated.decrypt(old)).toBe('old secret');
    expect(rotated.needsReEncryption(old)).toBe(true);
    const fresh = rotated.encrypt('new secret');
    expect(fresh.startsWith('kd1:b:')).toBe(true);
    expect(rotated.needsReEncryption(fresh)).toBe(false);
  });

  it('refuses a value whose key is no longer configured, without echoing it', () => {
    const sealed = cipherWith(keyA).encrypt('top secret');
    expect(() => cipherWith(keyB).decrypt(sealed)).toThrow(
      "Secret was encrypted with key 'a', which is not configured",
    );
  });

  it('detects tampering and a value moved to another context', () => {
    const cipher = cipherWith(keyA);
    const sealed = cipher.encrypt('value', { context: 'channel:1' });
    expect(cipher.decrypt(sealed, { context: 'channel:1' })).toBe('value');
    expect(() => cipher.decrypt(sealed, { context: 'channel:2' })).toThrow(
      /could not be decrypted/,
    );
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    parts[3] = body.toString('base64url');
    expect(() =>
      cipher.decrypt(parts.join(':'), { context: 'channel:1' }),
    ).toThrow(/could not be decrypted/);
  });

  it('rejects short secrets, bad ids and duplicate ids', () => {
    expect(() => cipherWith({ id: 'x', secret: 'short' })).toThrow(/too short/);
    expect(() => cipherWith({ id: 'bad id', secret: keyA.secret })).toThrow(
      /invalid/,
    );
    expect(() => cipherWith(keyA, keyA)).toThrow(/listed twice/);
  });
});

describe('createSecretsCipher', () => {
  it('fails with a clear message when no key is configured outside development', () => {
    expect(() =>
      createSecretsCipher({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
        development: false,
      }),
    ).toThrow(/configure kubedeck.secrets.keys/);
  });

  it('uses an ephemeral key with a warning in development', () => {
    const logger = mockServices.logger.mock();
    const cipher = createSecretsCipher({
      config: mockServices.rootConfig(),
      logger,
      development: true,
    });
    expect(cipher.decrypt(cipher.encrypt('dev'))).toBe('dev');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('ephemeral development key'),
    );
  });
});

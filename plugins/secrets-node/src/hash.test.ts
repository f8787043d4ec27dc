import { generateToken, hashToken, verifyTokenHash } from './hash';

describe('token hashing', () => {
  it('hashes with SHA-256 and verifies only the original token', () => {
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const token = generateToken('kd_');
    expect(token.startsWith('kd_')).toBe(true);
    const stored = hashToken(token);
    expect(verifyTokenHash(token, stored)).toBe(true);
    expect(verifyTokenHash(`${token}x`, stored)).toBe(false);
    expect(verifyTokenHash(token, 'not-a-hash')).toBe(false);
  });
});

/**
 * Kubedeck secrets at rest: AES-256-GCM with rotating keys from config, and token hashing.
 *
 * @packageDocumentation
 */
export { secretsCipherServiceRef, createSecretsCipher } from './service';
export { AesGcmSecretsCipher } from './SecretsCipher';
export type { SecretsCipher, SecretsCipherContext } from './SecretsCipher';
export { readSecretsKeys, generateEphemeralKey } from './keys';
export type { SecretsKey } from './keys';
export { hashToken, verifyTokenHash, generateToken } from './hash';

import { generateKeyPairSync } from 'node:crypto';
import { generate } from 'selfsigned';

/**
 * A self-signed certificate for 127.0.0.1, made at startup for the hub's loopback cluster
 * endpoint: kubectl and client-go only send bearer tokens over TLS.
 */
export function loopbackCertificate(): { cert: string; key: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const result = generate(
    [{ name: 'commonName', value: 'kubedeck-agent-hub-loopback' }],
    {
      days: 3650,
      algorithm: 'sha256',
      keyPair: { privateKey, publicKey },
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        {
          name: 'keyUsage',
          keyCertSign: true,
          digitalSignature: true,
          keyEncipherment: true,
        },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
      ],
    } as Parameters<typeof generate>[1],
  );
  return { cert: result.cert, key: privateKey };
}

import { generateKeyPairSync } from 'node:crypto';
import { generate } from 'selfsigned';

export interface ServerCertificate {
  cert: string;
  key: string;
}

/**
 * A fresh self-signed certificate for the loopback names. kubectl only sends bearer tokens over
 * TLS, so the server speaks HTTPS by default; the kubeconfig trusts this certificate directly.
 */
export function generateServerCertificate(host: string): ServerCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const altNames: Array<{ type: number; value?: string; ip?: string }> = [
    { type: 2, value: 'localhost' },
    { type: 2, value: 'kubernetes.default.svc' },
    { type: 7, ip: '127.0.0.1' },
  ];
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) && host !== '127.0.0.1') altNames.push({ type: 7, ip: host });
  else if (!/^\d/.test(host) && host !== 'localhost') altNames.push({ type: 2, value: host });
  const options = {
    days: 365,
    algorithm: 'sha256',
    keyPair: { privateKey, publicKey },
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  };
  const result = generate([{ name: 'commonName', value: 'kube-sim' }], options as Parameters<typeof generate>[1]);
  return { cert: result.cert, key: privateKey };
}

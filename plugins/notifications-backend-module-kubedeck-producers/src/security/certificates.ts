import { X509Certificate } from 'node:crypto';

const PEM_CERTIFICATE =
  /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** What a TLS secret's leaf certificate says about itself; nothing secret. */
export type CertificateFacts = {
  subject: string;
  issuer: string;
  notAfter: Date;
};

/**
 * Reads the first (leaf) certificate of a base64-encoded `tls.crt`; undefined when it holds
 * no parsable certificate. The private key is never read.
 */
export function readLeafCertificate(
  tlsCrtBase64: string | undefined,
): CertificateFacts | undefined {
  if (!tlsCrtBase64) {
    return undefined;
  }
  const pem = Buffer.from(tlsCrtBase64, 'base64')
    .toString('utf8')
    .match(PEM_CERTIFICATE)?.[0];
  if (!pem) {
    return undefined;
  }
  try {
    const certificate = new X509Certificate(pem);
    return {
      subject: certificate.subject.replace(/\n/g, ', '),
      issuer: certificate.issuer.replace(/\n/g, ', '),
      notAfter: new Date(certificate.validTo),
    };
  } catch {
    return undefined;
  }
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a service-account token names. */
export interface ServiceAccountClaims {
  namespace: string;
  name: string;
  uid: string;
  /** Seconds since the epoch; absent for legacy secret-based tokens. */
  exp?: number;
}

const PREFIX = 'kubesim-sa.';

/**
 * Mints and verifies service-account tokens: signed claims, so the server needs no token table;
 * the authenticator also checks that the named ServiceAccount still exists with the same uid.
 */
export class ServiceAccountTokens {
  private readonly key = randomBytes(32);

  mint(claims: ServiceAccountClaims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${PREFIX}${body}.${this.sign(body)}`;
  }

  verify(token: string, nowSeconds: number): ServiceAccountClaims | undefined {
    if (!token.startsWith(PREFIX)) return undefined;
    const [body, signature] = token.slice(PREFIX.length).split('.');
    if (!body || !signature) return undefined;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as ServiceAccountClaims;
      if (claims.exp !== undefined && claims.exp < nowSeconds) return undefined;
      return claims;
    } catch {
      return undefined;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

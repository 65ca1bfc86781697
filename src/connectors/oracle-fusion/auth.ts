import { createHash, X509Certificate } from 'node:crypto';
import { importPKCS8, SignJWT, type CryptoKey } from 'jose';

/**
 * Sign-in for Oracle Fusion REST (§3.1). There are no server sessions: every call carries its
 * credentials. `basic`: the user and password on each call. `jwt-bearer`: a JWT the client signs with
 * the private key whose certificate is uploaded in Security Console → API Authentication; the header
 * names that certificate by `x5t` (base64url SHA-1 of its DER), the payload names the Fusion user in
 * `sub` and `prn` and the trusted issuer in `iss`. A token is reused until most of its life is spent,
 * and signed again when Oracle answers 401 to it.
 */
export interface Authorizer {
  readonly kind: 'basic' | 'jwt-bearer';
  /** The Authorization header value for the next call. */
  header(): Promise<string>;
  /** Forgets a cached token (after a 401), so the next header is a fresh one. */
  refresh(): void;
}

export function basicAuth(username: string, password: string): Authorizer {
  const value = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  return { kind: 'basic', header: async () => value, refresh: () => {} };
}

/** `x5t` of a PEM certificate: base64url of the SHA-1 of its DER encoding. */
export const x5tOf = (certificatePem: string): string =>
  createHash('sha1').update(new X509Certificate(certificatePem).raw).digest('base64url');

export interface JwtBearerOptions {
  readonly username: string;
  /** PKCS#8 PEM of the RSA key the certificate belongs to. */
  readonly privateKey: string;
  /** PEM of the certificate uploaded to Fusion. */
  readonly certificate: string;
  readonly issuer: string;
  readonly lifetimeS: number;
  readonly now: () => Date;
}

/** Renew once this share of a token's life is used. */
const RENEW_AT = 0.8;

export function jwtBearer(options: JwtBearerOptions): Authorizer {
  let key: Promise<CryptoKey> | undefined;
  let x5t: string | undefined;
  let cached: { readonly token: string; readonly renewAt: number } | undefined;
  return {
    kind: 'jwt-bearer',
    async header() {
      const now = options.now().getTime();
      if (cached !== undefined && now < cached.renewAt) return `Bearer ${cached.token}`;
      key ??= importPKCS8(options.privateKey, 'RS256');
      x5t ??= x5tOf(options.certificate);
      const iat = Math.floor(now / 1000);
      const token = await new SignJWT({ prn: options.username })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', x5t })
        .setIssuer(options.issuer)
        .setSubject(options.username)
        .setIssuedAt(iat)
        .setExpirationTime(iat + options.lifetimeS)
        .sign(await key);
      cached = { token, renewAt: now + options.lifetimeS * 1000 * RENEW_AT };
      return `Bearer ${token}`;
    },
    refresh() {
      cached = undefined;
    },
  };
}

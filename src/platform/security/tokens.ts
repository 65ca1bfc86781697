import { randomUUID } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Clock } from '../clock.ts';
import type { OpenDatabase } from '../store/database.ts';
import { isTokenRevoked } from '../store/directory.ts';
import type { Keyring } from './keyring.ts';
import { SIGNING_ALG, loadSigningKeys, type SigningKeySet } from './signing-keys.ts';
import { isScope, type Scope } from './scopes.ts';

/**
 * JWT access tokens (RFC 9068 profile): EdDSA-signed, `kid` in the header, audience `finbridge-api`,
 * short-lived, revocable by `jti`. Keys are cached and reloaded when a token names an unknown kid (a
 * rotation on another node) — at most once per `reloadIntervalMs`.
 */
export const AUDIENCE = 'finbridge-api';

export interface AccessClaims {
  readonly tenantId: string;
  readonly clientId: string;
  readonly scopes: readonly Scope[];
  readonly jti: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export type TokenFailure =
  'malformed' | 'bad_signature' | 'expired' | 'wrong_audience' | 'wrong_issuer' | 'unknown_key' | 'revoked';

export class TokenError extends Error {
  readonly reason: TokenFailure;
  constructor(reason: TokenFailure) {
    super(`invalid token: ${reason}`);
    this.reason = reason;
  }
}

export interface TokenService {
  issue(input: {
    tenantId: string;
    clientId: string;
    scopes: readonly Scope[];
  }): Promise<{ token: string; claims: AccessClaims }>;
  /** Verifies signature, issuer, audience, time and revocation. Throws TokenError. */
  verify(token: string): Promise<AccessClaims>;
  /** Verifies like `verify` but reports instead of throwing (introspection). */
  inspect(token: string): Promise<AccessClaims | null>;
  jwks(): Promise<{ keys: object[] }>;
  reload(): Promise<void>;
}

export function createTokenService(options: {
  database: OpenDatabase;
  keyring: Keyring;
  clock: Clock;
  issuer: string;
  ttlSeconds: number;
  reloadIntervalMs?: number;
}): TokenService {
  const { database, keyring, clock, issuer, ttlSeconds } = options;
  let keys: SigningKeySet | undefined;
  let loadedAt = 0;
  const reload = async () => {
    keys = await loadSigningKeys(database, keyring);
    loadedAt = performance.now();
  };
  const current = async (): Promise<SigningKeySet> => {
    if (keys === undefined) await reload();
    return keys as SigningKeySet;
  };

  const verify = async (token: string): Promise<AccessClaims> => {
    let kid: string | undefined;
    try {
      const header = decodeProtectedHeader(token);
      if (header.alg !== SIGNING_ALG) throw new TokenError('malformed');
      kid = header.kid;
    } catch (error) {
      if (error instanceof TokenError) throw error;
      throw new TokenError('malformed');
    }
    if (kid === undefined) throw new TokenError('unknown_key');
    let set = await current();
    if (!set.verification.has(kid) && performance.now() - loadedAt > (options.reloadIntervalMs ?? 5000)) {
      await reload();
      set = await current();
    }
    const key = set.verification.get(kid);
    if (key === undefined) throw new TokenError('unknown_key');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key.key, {
        algorithms: [SIGNING_ALG],
        issuer,
        audience: AUDIENCE,
        typ: 'at+jwt',
        currentDate: clock.now(),
        requiredClaims: ['exp', 'iat', 'jti', 'sub'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TokenError('expired');
      if (error instanceof errors.JWTClaimValidationFailed) {
        throw new TokenError(
          error.claim === 'aud' ? 'wrong_audience' : error.claim === 'iss' ? 'wrong_issuer' : 'malformed',
        );
      }
      if (error instanceof errors.JWSSignatureVerificationFailed) throw new TokenError('bad_signature');
      throw new TokenError('malformed');
    }
    const claims = toClaims(payload);
    if (await isTokenRevoked(database, claims.jti)) throw new TokenError('revoked');
    return claims;
  };

  return {
    reload,
    verify,
    async inspect(token) {
      try {
        return await verify(token);
      } catch (error) {
        if (error instanceof TokenError) return null;
        throw error;
      }
    },
    async issue({ tenantId, clientId, scopes }) {
      const set = await current();
      const issuedAt = Math.floor(clock.now().getTime() / 1000);
      const jti = randomUUID();
      const token = await new SignJWT({ scope: scopes.join(' '), client_id: clientId, tenant: tenantId })
        .setProtectedHeader({ alg: SIGNING_ALG, kid: set.signing.kid, typ: 'at+jwt' })
        .setIssuer(issuer)
        .setAudience(AUDIENCE)
        .setSubject(clientId)
        .setJti(jti)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .sign(set.signing.key);
      return {
        token,
        claims: { tenantId, clientId, scopes, jti, issuedAt, expiresAt: issuedAt + ttlSeconds },
      };
    },
    async jwks() {
      const set = await current();
      return { keys: [...set.verification.values()].map((k) => k.jwk) };
    },
  };
}

function toClaims(payload: JWTPayload): AccessClaims {
  const tenant = payload['tenant'];
  const clientId = payload['client_id'];
  const scope = payload['scope'];
  if (typeof tenant !== 'string' || typeof clientId !== 'string' || typeof scope !== 'string')
    throw new TokenError('malformed');
  return {
    tenantId: tenant,
    clientId,
    scopes: scope.split(' ').filter(isScope),
    jti: payload.jti ?? '',
    issuedAt: payload.iat ?? 0,
    expiresAt: payload.exp ?? 0,
  };
}

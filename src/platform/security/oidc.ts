import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';
import type { AuditContext } from '../audit/audit-log.ts';
import type { OpenDatabase } from '../store/database.ts';
import { userByOidcSubject, userByUsername } from '../store/directory.ts';
import { tenantDb } from '../store/tenant-scope.ts';
import { DomainError } from '../../model/result.ts';
import type { Keyring } from './keyring.ts';
import { startSession, type LoginResult } from './users.ts';

/**
 * Optional single sign-on: OpenID Connect authorization code flow with PKCE, state and nonce (via
 * openid-client). The pending login travels in a cookie sealed with the master key, so any FinBridge
 * node can finish it. The provider proves who the person is; FinBridge decides what they may do: the
 * user must already exist (matched by the configured claim, then linked by `sub`).
 */
export const OIDC_COOKIE = 'fb_oidc';
const PENDING_CONTEXT = 'oidc-pending';
const PENDING_SECONDS = 600;

interface Pending {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly expiresAt: number;
}

export interface OidcLogin {
  begin(): Promise<{ redirectTo: string; cookie: string }>;
  finish(callbackUrl: URL, cookie: string | undefined, requestId: string): Promise<LoginResult>;
}

export function createOidcLogin(
  config: OidcConfig,
  deps: { database: OpenDatabase; keyring: Keyring; audit: AuditContext },
): OidcLogin {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client
      .discovery(
        new URL(config.issuer),
        config.clientId,
        config.clientSecret,
        undefined,
        // Plain HTTP only when FINBRIDGE_OIDC_ALLOW_HTTP says so (a provider on loopback in tests).
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        config.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined; // try again next time
        throw new DomainError('sso_failed', {
          reason: `identity provider unreachable (${error instanceof Error ? error.message : String(error)})`,
        });
      });
    return discovered;
  };
  const now = () => Math.floor(deps.audit.clock.now().getTime() / 1000);

  return {
    async begin() {
      const oidc = await configuration();
      const pending: Pending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        expiresAt: now() + PENDING_SECONDS,
      };
      const redirectTo = client.buildAuthorizationUrl(oidc, {
        redirect_uri: config.redirectUrl,
        scope: 'openid profile email',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return {
        redirectTo: redirectTo.href,
        cookie: deps.keyring.seal(JSON.stringify(pending), PENDING_CONTEXT),
      };
    },

    async finish(callbackUrl, cookie, requestId) {
      if (cookie === undefined)
        throw new DomainError('sso_failed', { reason: 'no sign-in in progress (cookie missing)' });
      let pending: Pending;
      try {
        pending = JSON.parse(deps.keyring.open(cookie, PENDING_CONTEXT)) as Pending;
      } catch {
        throw new DomainError('sso_failed', { reason: 'sign-in state is invalid' });
      }
      if (pending.expiresAt < now())
        throw new DomainError('sso_failed', { reason: 'sign-in took too long; start again' });
      const oidc = await configuration();
      let claims: client.IDToken | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (error) {
        throw new DomainError('sso_failed', {
          reason: error instanceof Error ? error.message : String(error),
        });
      }
      if (claims === undefined) throw new DomainError('sso_failed', { reason: 'no ID token' });
      const subject = `${claims.iss}|${claims.sub}`;
      const claimed = claims[config.usernameClaim] ?? claims['email'];
      const username = typeof claimed === 'string' ? claimed : '';
      const user =
        (await userByOidcSubject(deps.database, subject)) ??
        (username === '' ? undefined : await userByUsername(deps.database, username));
      if (
        user === undefined ||
        user.status !== 'active' ||
        (user.oidc_subject !== null && user.oidc_subject !== subject)
      ) {
        throw new DomainError('sso_unknown_user', { username: username || claims.sub });
      }
      const db = tenantDb(deps.database.db, user.tenant_id);
      if (user.oidc_subject === null)
        await db.updateTable('users').set({ oidc_subject: subject }).where('id', '=', user.id).execute();
      return startSession(db, deps.audit, user, 'login_sso', requestId);
    },
  };
}

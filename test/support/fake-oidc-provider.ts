import { createHash, randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

/**
 * A minimal OpenID Connect provider on loopback for the single sign-on tests: discovery, JWKS,
 * an authorization endpoint that signs in `nextUser` at once, and a token endpoint that checks the
 * client secret and the PKCE verifier before issuing an ES256 ID token.
 */
export interface FakeProvider {
  readonly issuer: string;
  nextUser: { sub: string; preferred_username?: string; email?: string };
  close(): Promise<void>;
}

export async function startFakeProvider(clientId: string, clientSecret: string): Promise<FakeProvider> {
  const app = Fastify();
  await app.register(formbody);
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' };
  const codes = new Map<
    string,
    { nonce: string; challenge: string; redirectUri: string; user: FakeProvider['nextUser'] }
  >();
  let issuer = '';
  const provider: FakeProvider = {
    get issuer() {
      return issuer;
    },
    nextUser: { sub: 'idp-user-1', preferred_username: 'li.min' },
    close: () => app.close(),
  };

  app.get('/.well-known/openid-configuration', async () => ({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['ES256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
  }));
  app.get('/jwks', async () => ({ keys: [jwk] }));
  app.get('/authorize', async (request, reply) => {
    const q = request.query as Record<string, string>;
    if (q['client_id'] !== clientId || q['code_challenge_method'] !== 'S256')
      return reply.code(400).send({ error: 'invalid_request' });
    const code = randomBytes(16).toString('hex');
    codes.set(code, {
      nonce: q['nonce'] ?? '',
      challenge: q['code_challenge'] ?? '',
      redirectUri: q['redirect_uri'] ?? '',
      user: provider.nextUser,
    });
    const target = new URL(q['redirect_uri'] ?? '');
    target.searchParams.set('code', code);
    target.searchParams.set('state', q['state'] ?? '');
    return reply.redirect(target.href, 302);
  });
  app.post('/token', async (request, reply) => {
    const body = request.body as Record<string, string>;
    const expected = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
    const viaPost = body['client_id'] === clientId && body['client_secret'] === clientSecret;
    if (request.headers.authorization !== expected && !viaPost)
      return reply.code(401).send({ error: 'invalid_client' });
    const grant = codes.get(body['code'] ?? '');
    codes.delete(body['code'] ?? '');
    const challenge = createHash('sha256')
      .update(body['code_verifier'] ?? '')
      .digest('base64url');
    if (grant === undefined || grant.challenge !== challenge || grant.redirectUri !== body['redirect_uri']) {
      return reply.code(400).send({ error: 'invalid_grant' });
    }
    const now = Math.floor(Date.now() / 1000);
    const idToken = await new SignJWT({ nonce: grant.nonce, ...grant.user })
      .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
      .setIssuer(issuer)
      .setAudience(clientId)
      .setSubject(grant.user.sub)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(privateKey);
    return {
      access_token: randomBytes(16).toString('hex'),
      token_type: 'Bearer',
      expires_in: 300,
      id_token: idToken,
    };
  });
  issuer = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('[::1]', '127.0.0.1');
  return provider;
}

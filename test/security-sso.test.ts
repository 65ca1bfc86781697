import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { startFakeProvider, type FakeProvider } from './support/fake-oidc-provider.ts';

describe('single sign-on with an OpenID Connect provider', () => {
  let t: TestApp;
  let idp: FakeProvider;
  const cookieOf = (setCookie: string | string[] | undefined, name: string) =>
    ([] as string[])
      .concat(setCookie ?? [])
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith(`${name}=`));

  before(async () => {
    idp = await startFakeProvider('finbridge-test', 'idp-client-secret');
    t = await startTestApp(ENGINES[0]!, {
      FINBRIDGE_OIDC_ISSUER: idp.issuer,
      FINBRIDGE_OIDC_CLIENT_ID: 'finbridge-test',
      FINBRIDGE_OIDC_CLIENT_SECRET: 'idp-client-secret',
      FINBRIDGE_OIDC_ALLOW_HTTP: 'true',
      FINBRIDGE_PUBLIC_URL: 'http://127.0.0.1:8080',
    });
    await t.provision();
    await t.user('ACME', 'li.min', ['finance']);
  });
  after(async () => {
    await t.close();
    await idp.close();
  });

  async function signIn(): Promise<{ status: number; session?: string | undefined; body: string }> {
    const start = await t.request({ url: '/auth/oidc/login' });
    assert.equal(start.statusCode, 302);
    const pending = cookieOf(start.headers['set-cookie'], 'fb_oidc');
    assert.ok(pending, 'pending sign-in cookie');
    const authorize = await fetch(String(start.headers.location), { redirect: 'manual' });
    assert.equal(authorize.status, 302);
    const callback = new URL(authorize.headers.get('location') ?? '');
    assert.equal(callback.pathname, '/auth/oidc/callback');
    const done = await t.request({
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: pending },
    });
    return {
      status: done.statusCode,
      session: cookieOf(done.headers['set-cookie'], 'fb_session'),
      body: done.body,
    };
  }

  it('signs in an existing user with PKCE, state and nonce, and links the provider subject', async () => {
    const result = await signIn();
    assert.equal(result.status, 302, result.body);
    assert.ok(result.session);
    const me = (await t.request({ url: '/auth/me', headers: { cookie: result.session } })).json();
    assert.equal(me.id, 'user:li.min');
    const again = await signIn();
    assert.equal(again.status, 302, 'the linked subject signs in again');
  });

  it('refuses a person the provider knows but FinBridge does not', async () => {
    idp.nextUser = { sub: 'idp-stranger', preferred_username: 'stranger' };
    const result = await signIn();
    assert.equal(result.status, 403);
    assert.equal(JSON.parse(result.body).code, 'sso_unknown_user');
  });

  it('refuses a callback without the pending sign-in or with a forged state', async () => {
    const noCookie = await t.request({ url: '/auth/oidc/callback?code=abc&state=xyz' });
    assert.equal(noCookie.statusCode, 401);
    assert.equal(noCookie.json().code, 'sso_failed');
    const start = await t.request({ url: '/auth/oidc/login' });
    const pending = cookieOf(start.headers['set-cookie'], 'fb_oidc');
    const forged = await t.request({
      url: '/auth/oidc/callback?code=abc&state=forged',
      headers: { cookie: pending! },
    });
    assert.equal(forged.statusCode, 401);
  });

  it('answers 404 sso_not_configured when no provider is set up', async () => {
    const plain = await startTestApp(ENGINES[0]!);
    try {
      const res = await plain.request({ url: '/auth/oidc/login' });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, 'sso_not_configured');
    } finally {
      await plain.close();
    }
  });
});

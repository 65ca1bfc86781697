import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { ConnectorContext } from '../contract.ts';
import { Authenticator } from './auth.ts';
import { TOKEN_ANSWER } from './fixtures/answers.ts';

describe('S/4 OAuth client credentials', () => {
  let server: Server;
  let url = '';
  let answer = { status: 200, body: TOKEN_ANSWER };
  const seen: { authorization: string; body: string; client: string }[] = [];
  let clock = Date.parse('2026-11-28T02:00:00Z');
  const ctx: ConnectorContext = { now: () => new Date(clock), log: () => {}, timeoutMs: 1000 };
  const oauth = (secret = 'secret') =>
    new Authenticator(
      {
        kind: 'oauth-client-credentials',
        clientId: 'CLIENT',
        clientSecret: secret,
        tokenPath: '/sap/bc/sec/oauth2/token',
        scope: 'API_X_0001',
      },
      url,
      ctx,
      { 'sap-client': '100' },
    );

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({
          authorization: req.headers.authorization ?? '',
          body,
          client: String(req.headers['sap-client']),
        });
        setTimeout(() => {
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(answer.body);
        }, 20);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks once for concurrent callers, with Basic client auth and the form of §1.2, and reads expires_in as text', async () => {
    const auth = oauth();
    seen.length = 0;
    const headers = await Promise.all([auth.header(), auth.header(), auth.header()]);
    assert.deepEqual(
      headers,
      Array.from({ length: 3 }, () => ({ ok: true, value: 'Bearer eyJhbGciOi.example' })),
    );
    assert.equal(seen.length, 1);
    const request = seen[0];
    assert.ok(request !== undefined);
    assert.equal(request.authorization, `Basic ${Buffer.from('CLIENT:secret').toString('base64')}`);
    assert.equal(request.body, 'grant_type=client_credentials&scope=API_X_0001');
    assert.equal(request.client, '100');
    clock += 43_200_000 * 0.7;
    await auth.header();
    assert.equal(seen.length, 1, 'still fresh at 70 % of its life');
    clock += 43_200_000 * 0.15;
    await auth.header();
    assert.equal(seen.length, 2, 'renewed after 80 %');
  });

  it('forgets a refused token (unless another caller replaced it already); Basic auth has nothing to renew', async () => {
    const auth = oauth();
    const first = await auth.header();
    assert.ok(first.ok);
    assert.equal(auth.refused('Bearer someone-elses'), true);
    const count = seen.length;
    await auth.header();
    assert.equal(seen.length, count, 'a token refused to another caller is kept');
    auth.refused(first.value);
    await auth.header();
    assert.equal(seen.length, count + 1);
    const basic = new Authenticator({ kind: 'basic', username: 'U', password: 'P' }, url, ctx, {});
    assert.deepEqual(await basic.header(), {
      ok: true,
      value: `Basic ${Buffer.from('U:P').toString('base64')}`,
    });
    assert.equal(basic.refused('Basic x'), false);
  });

  it('refuses a wrong secret as rejected, and an unreadable token answer as transient', async () => {
    answer = {
      status: 401,
      body: '{"error":"invalid_client","error_description":"Client authentication failed"}',
    };
    const refused = await oauth('wrong').header();
    assert.ok(
      !refused.ok && refused.failure.outcome === 'rejected' && refused.failure.code === 'token HTTP 401',
    );
    answer = { status: 200, body: '<html>maintenance</html>' };
    const unreadable = await oauth().header();
    assert.ok(!unreadable.ok && unreadable.failure.outcome === 'transient');
    answer = { status: 200, body: TOKEN_ANSWER };
  });
});

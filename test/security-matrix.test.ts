import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { ALL_SCOPES, type Scope } from '../src/platform/security/scopes.ts';
import { ALL_ROLES, ROLES, type Role } from '../src/platform/security/roles.ts';
import { installGuard, type RoutePolicy } from '../src/platform/http/guard.ts';
import { createHttpServer } from '../src/platform/http/server.ts';
import { createMetrics } from '../src/platform/metrics.ts';

/**
 * The route × caller matrix, built from the live route table: every route is called anonymously, with
 * a token holding each single scope, and as a console user of each role. A route's policy decides the
 * expected answer; a route registered without a policy fails start-up (checked below).
 */
const fill = (url: string): string =>
  url
    .replace(':id', '01a2212c-0000-7000-8000-000000000000')
    .replace(':file', 'Voucher.json')
    .replace(':name', 'invoice-types')
    .replace(':version', '1')
    .replace(':object', 'suppliers')
    .replace(':kind', 'audit')
    .replace(':period', '2026-10')
    .replace(':tenantId', '01a2212c-0000-7000-8000-000000000001')
    .replace(':taskId', '01a2212c-0000-7000-8000-000000000002')
    .replace('::', ':');

const methodsOf = (route: RoutePolicy): string[] =>
  (typeof route.method === 'string' ? [route.method] : [...route.method]).filter((m) => m !== 'HEAD');

// Refusals a route makes after its policy let the caller in: about records, not about the route.
const RECORD_LEVEL = new Set(['not_an_employee', 'document_not_yours', 'task_not_yours']);
const denied = (res: { statusCode: number; body: string }) =>
  res.statusCode === 401 ||
  (res.statusCode === 403 && !RECORD_LEVEL.has((JSON.parse(res.body) as { code?: string }).code ?? ''));

describe('security matrix', () => {
  let t: TestApp;
  const tokens = new Map<Scope, Record<string, string>>();
  const sessions = new Map<Role, Record<string, string>>();
  let routes: RoutePolicy[];

  before(async () => {
    t = await startTestApp(ENGINES[0]!);
    await t.provision();
    for (const scope of ALL_SCOPES) tokens.set(scope, await t.bearer('ACME', [scope]));
    for (const role of ALL_ROLES.filter((r) => r !== 'integration')) {
      const s = await t.user('ACME', `user-${role}`, [role]);
      sessions.set(role, { cookie: s.cookie, 'x-csrf-token': s.csrf });
    }
    routes = t.running.app.routePolicies.filter(
      (r) => !r.url.startsWith('/docs') && r.url !== '/auth/logout',
    );
  });
  after(async () => t.close());

  it('has a policy on every route and refuses to register one without', async () => {
    assert.ok(routes.length >= 40, `${routes.length} routes`);
    const bare = createHttpServer({ logLevel: 'silent', bodyLimitBytes: 1024, metrics: createMetrics() });
    const { database, security, clock } = t.running.context;
    await installGuard(bare, {
      database,
      security,
      clock,
      rateLimitPerIp: 10,
      rateLimitPerPrincipal: 10,
      publicPrefixes: ['/docs'],
    });
    assert.throws(
      () => bare.get('/unprotected', async () => 'oops'),
      /GET \/unprotected has no access policy/,
    );
    bare.get('/docs/asset', async () => 'ok');
    assert.deepEqual(bare.routePolicies.find((r) => r.url === '/docs/asset')?.policy, { public: true });
    await bare.close();
  });

  it('enforces each route’s policy for anonymous callers, every scope and every role', async () => {
    let cells = 0;
    for (const route of routes) {
      for (const method of methodsOf(route)) {
        const url = fill(route.url);
        const call = (headers: Record<string, string>) =>
          t.request({
            method: method,
            url,
            headers: { ...headers, 'content-type': 'application/json' },
            ...(method === 'GET' ? {} : { payload: '{}' }),
          });
        const anonymous = await call({});
        cells += 1;
        const { policy } = route;
        if ('public' in policy) {
          assert.ok(!denied(anonymous), `${method} ${url} is public but answered ${anonymous.statusCode}`);
          continue;
        }
        assert.equal(anonymous.statusCode, 401, `${method} ${url} without credentials`);
        if ('clientAuth' in policy) continue;
        for (const [scope, headers] of tokens) {
          const res = await call(headers);
          cells += 1;
          const allowed: boolean = 'authenticated' in policy || policy.scope === scope;
          assert.equal(
            !denied(res),
            allowed,
            `${method} ${url} with scope ${scope}: ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        }
        for (const [role, headers] of sessions) {
          const res = await call(headers);
          cells += 1;
          const allowed: boolean =
            'authenticated' in policy || (ROLES[role].scopes as readonly Scope[]).includes(policy.scope);
          assert.equal(
            !denied(res),
            allowed,
            `${method} ${url} as ${role}: ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        }
      }
    }
    const operations = routes.reduce((n, r) => n + methodsOf(r).length, 0);
    console.log(
      `security matrix: ${operations} operations, ${tokens.size} scopes, ${sessions.size} roles, ${cells} cells checked`,
    );
  });

  it('requires the CSRF token for unsafe requests made with a session cookie', async () => {
    const admin = sessions.get('admin')!;
    const withoutCsrf = await t.request({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { cookie: admin['cookie']!, 'accept-language': 'en' },
      payload: {},
    });
    assert.equal(withoutCsrf.statusCode, 403);
    assert.equal(withoutCsrf.json().code, 'csrf_token_invalid');
    const readOnly = await t.request({ url: '/api/v1/departments', headers: { cookie: admin['cookie']! } });
    assert.equal(readOnly.statusCode, 200, 'safe methods need no CSRF token');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { LOCKOUT_THRESHOLD } from '../src/platform/security/users.ts';
import { ROLES } from '../src/platform/security/roles.ts';

for (const engine of ENGINES) {
  describe(`console sign-in on ${engine.engine}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
      await t.provision();
    });
    after(async () => t.close());

    it('signs in with a secure session cookie and a CSRF token, and signs out', async () => {
      const { password } = await t.user('ACME', 'li.min', ['finance']);
      const res = await t.request({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'li.min', password },
      });
      assert.equal(res.statusCode, 200);
      const cookie = String(res.headers['set-cookie']);
      assert.match(cookie, /^fb_session=fbsess_[\w-]+;/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      const session = cookie.split(';')[0]!;
      const { csrfToken, user } = res.json();
      assert.deepEqual(user.roles, ['finance']);
      const me = (await t.request({ url: '/auth/me', headers: { cookie: session } })).json();
      assert.equal(me.kind, 'user');
      assert.equal(me.csrfToken, csrfToken);
      assert.deepEqual(me.user, user, 'a console in a new tab learns who signed in');
      assert.ok(me.scopes.includes('master-data:write') && !me.scopes.includes('clients:admin'));
      const write = await t.request({
        method: 'POST',
        url: '/api/v1/departments',
        headers: { cookie: session, 'x-csrf-token': csrfToken },
        payload: { code: 'D1', name: '部门', kind: 'management' },
      });
      assert.equal(write.statusCode, 201, write.body);
      const out = await t.request({
        method: 'POST',
        url: '/auth/logout',
        headers: { cookie: session, 'x-csrf-token': csrfToken },
      });
      assert.equal(out.statusCode, 204);
      assert.equal((await t.request({ url: '/auth/me', headers: { cookie: session } })).statusCode, 401);
    });

    it('refuses a wrong password the same way as an unknown user', async () => {
      await t.user('ACME', 'zhao.jing', ['finance']);
      const wrong = await t.request({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'zhao.jing', password: 'not-the-password' },
      });
      const unknown = await t.request({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'nobody', password: 'whatever12' },
      });
      assert.equal(wrong.statusCode, 401);
      assert.deepEqual(
        [wrong.json().code, unknown.json().code],
        ['invalid_credentials', 'invalid_credentials'],
      );
    });

    it('locks an account after repeated failures, with a growing lock, and audits every attempt', async () => {
      const { password } = await t.user('ACME', 'chen.wei', ['approver']);
      const attempt = (pw: string) =>
        t.request({
          method: 'POST',
          url: '/auth/login',
          headers: { 'accept-language': 'en' },
          payload: { username: 'chen.wei', password: pw },
        });
      for (let i = 1; i < LOCKOUT_THRESHOLD; i++)
        assert.equal((await attempt('wrong-password')).statusCode, 401);
      const locked = await attempt('wrong-password');
      assert.equal(locked.statusCode, 423);
      assert.equal(locked.json().code, 'account_locked');
      assert.equal((await attempt(password)).statusCode, 423, 'even the right password waits for the lock');
      t.clock.advance(61_000);
      const sixth = await attempt('wrong-password');
      assert.equal(sixth.statusCode, 423);
      assert.match(
        sixth.json().detail,
        /locked until 2026-11-28T08:03:01/,
        'the second lock lasts two minutes',
      );
      t.clock.advance(121_000);
      assert.equal(
        (await attempt(password)).statusCode,
        200,
        'the right password works once the lock has passed',
      );
      const auditor = await t.bearer('ACME', ['audit:read']);
      const entries = (
        await t.request({ url: '/api/v1/audit-log?entityType=user&limit=500', headers: auditor })
      ).json().items;
      const actions = entries
        .filter((e: { actor: string }) => e.actor === 'user:chen.wei')
        .map((e: { action: string }) => e.action);
      assert.equal(actions.filter((a: string) => a === 'login_failed').length, LOCKOUT_THRESHOLD + 1);
      assert.ok(actions.includes('login_refused_locked') && actions.includes('login'));
    });

    it('lets an employee read master data but not change it, and an auditor read the audit log only', async () => {
      const employee = await t.user('ACME', 'zhang.san', ['employee']);
      const headers = { cookie: employee.cookie, 'x-csrf-token': employee.csrf };
      assert.equal((await t.request({ url: '/api/v1/departments', headers })).statusCode, 200);
      assert.equal(
        (
          await t.request({
            method: 'POST',
            url: '/api/v1/departments',
            headers,
            payload: { code: 'D2', name: 'x', kind: 'management' },
          })
        ).statusCode,
        403,
      );
      assert.equal((await t.request({ url: '/api/v1/audit-log', headers })).statusCode, 403);
      const auditor = await t.user('ACME', 'auditor', ['auditor']);
      const aHeaders = { cookie: auditor.cookie, 'x-csrf-token': auditor.csrf };
      assert.equal((await t.request({ url: '/api/v1/audit-log', headers: aHeaders })).statusCode, 200);
      assert.equal((await t.request({ url: '/api/v1/departments', headers: aHeaders })).statusCode, 200);
      assert.equal(
        (
          await t.request({
            method: 'POST',
            url: '/api/v1/departments',
            headers: aHeaders,
            payload: { code: 'D3', name: 'x', kind: 'management' },
          })
        ).statusCode,
        403,
      );
      assert.equal((await t.request({ url: '/api/v1/users', headers: aHeaders })).statusCode, 403);
    });

    it('lets an admin create users through the API', async () => {
      const admin = await t.bearer('ACME', ['users:admin', ...ROLES.employee.scopes]);
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: {
          username: 'new.hire',
          displayName: '新同事',
          roles: ['employee'],
          password: 'a-long-password',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().password, undefined);
      const dup = await t.request({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: { username: 'new.hire', displayName: 'x', roles: ['employee'] },
      });
      assert.equal(dup.statusCode, 409);
      const weak = await t.request({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: { username: 'weak', displayName: 'x', roles: ['employee'], password: 'short' },
      });
      assert.equal(weak.statusCode, 422);
    });

    it('refuses to make a user whose role carries powers the maker lacks (users:admin alone makes no finance user)', async () => {
      const admin = await t.bearer('ACME', ['users:admin', ...ROLES.employee.scopes]);
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: {
          username: 'escalated',
          displayName: 'x',
          roles: ['employee', 'finance'],
          password: 'a-long-password',
        },
      });
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json().code, 'scope_not_held');
      assert.deepEqual(
        res.json().errors.map((e: { pointer: string }) => e.pointer),
        ['/roles/1'],
      );
      const listed = await t.request({ url: '/api/v1/users', headers: admin });
      assert.ok(!listed.json().items.some((u: { username: string }) => u.username === 'escalated'));
    });
  });
}

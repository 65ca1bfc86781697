import assert from 'node:assert/strict';
import type { Scope } from '../../src/platform/security/scopes.ts';
import type { Role } from '../../src/platform/security/roles.ts';
import {
  startKingdeeSimulator,
  type KingdeeSimulator,
} from '../../src/connectors/kingdee/simulator/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import type { EngineUnderTest } from './engines.ts';
import { startTestApp, type TestApp } from './app.ts';
import { demoLedger } from './kingdee.ts';
import { until } from './wait.ts';

/**
 * The demo company with people in it, over HTTP: FinBridge on an engine with the demo seeded and a
 * Kingdee simulator connected, a bearer for set-up (`admin`) and people signed in with a session each
 * (`as('zhang', …)`). The world of the tests that walk a claim through approval and posting and then
 * look at what came of it (lineage, post-hoc audit).
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
export type Body = Record<string, any>;

export interface DemoPeople {
  readonly t: TestApp;
  readonly sim: KingdeeSimulator;
  /** A person's session (cookie and CSRF token), as signed in. */
  session(who: string): { readonly cookie: string; readonly csrf: string };
  /** The API as a person (or as `admin`, the set-up bearer): any answer. */
  as(
    who: string,
    method: 'GET' | 'POST',
    url: string,
    payload?: unknown,
  ): Promise<{ readonly status: number; readonly body: Body }>;
  /** The API as a person, where the answer must be a 2xx: its body. */
  ok(who: string, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<Body>;
  /** A claim of zhang (E011) drafted, submitted, approved by chen and posted to the ERP: its id. */
  postedClaim(claim: Body, what: string): Promise<string>;
  close(): Promise<void>;
}

export interface DemoPeopleOptions {
  /** The simulator's seed, so that a suite's ERP numbers repeat. */
  readonly seed: number;
  /** What the set-up bearer may do. */
  readonly adminScopes: readonly Scope[];
  /** Who signs in: name, employee code, roles. zhang (E011) and chen (E010) are needed by postedClaim. */
  readonly people: readonly (readonly [string, string, readonly Role[]])[];
}

export async function startDemoPeople(
  engine: EngineUnderTest,
  options: DemoPeopleOptions,
): Promise<DemoPeople> {
  const sim = await startKingdeeSimulator({
    ledger: demoLedger(),
    now: () => new Date(),
    seed: options.seed,
  });
  const t = await startTestApp(
    engine,
    { LOG_LEVEL: 'warn' },
    { worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } } },
  );
  await seedDemo(t.database, t.running.context.security.audit);
  const admin = await t.bearer('DEMO', options.adminScopes);
  const sessions = new Map<string, { cookie: string; csrf: string }>();

  const as: DemoPeople['as'] = async (who, method, url, payload) => {
    const session = sessions.get(who);
    const auth =
      session === undefined
        ? admin
        : { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) };
    const res = await t.request({
      method,
      url,
      headers: auth,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, body: res.json<Body>() };
  };
  const ok: DemoPeople['ok'] = async (who, method, url, payload) => {
    const res = await as(who, method, url, payload);
    assert.ok(
      res.status >= 200 && res.status < 300,
      `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`,
    );
    return res.body;
  };

  const connection = await as('admin', 'POST', '/api/v1/connections', {
    name: '金蝶',
    type: 'kingdee-k3cloud',
    baseUrl: sim.url,
    settings: { acctId: sim.acctId, username: 'demo', authKind: 'password' },
    credentials: { password: '888888' },
  });
  assert.equal(connection.status, 201, JSON.stringify(connection.body));
  for (const [name, code, roles] of options.people)
    sessions.set(name, await t.user('DEMO', name, roles, code));

  return {
    t,
    sim,
    session(who) {
      const session = sessions.get(who);
      if (session === undefined) throw new Error(`${who} is not one of the suite's people`);
      return session;
    },
    as,
    ok,
    async postedClaim(claim, what) {
      const draft = await ok('zhang', 'POST', '/api/v1/expense-claims', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        currency: 'CNY',
        ...claim,
      });
      const id = String(draft['id']);
      await ok('zhang', 'POST', `/api/v1/expense-claims/${id}/submit`);
      const task = ((await ok('chen', 'GET', '/api/v1/approval-tasks'))['items'] as Body[]).find(
        (x) => x['documentId'] === id,
      );
      assert.ok(task, `the manager has the task of ${what}`);
      await ok('chen', 'POST', `/api/v1/approval-tasks/${task['id']}/approve`, { comment: '同意' });
      await until(`${what} posted`, async () => {
        const d = await ok('admin', 'GET', `/api/v1/expense-claims/${id}`);
        return d['status'] === 'posted' ? d : undefined;
      });
      return id;
    },
    async close() {
      await t.close();
      await sim.close();
    },
  };
}

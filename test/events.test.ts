import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { until } from './support/wait.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { demoLedger } from './support/kingdee.ts';
import { startKingdeeSimulator, type KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { seedDemo } from '../src/demo/seed.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;

const taxi = (amount: string) => ({
  employeeCode: 'E011',
  departmentCode: 'SALES-E',
  title: '市内交通',
  currency: 'CNY',
  claimedOn: '2026-11-24',
  lines: [{ categoryCode: 'TAXI', description: '打车', occurredOn: '2026-11-24', amount }],
});

/**
 * The event log against the real expense lifecycle and the real posting worker (Kingdee simulator):
 * each state change appends its event in its own transaction, a change that rolls back leaves none, and
 * a consumer reading on from its cursor sees every event exactly once while changes commit beside it.
 */
for (const engine of ENGINES) {
  describe(`event log on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: KingdeeSimulator;
    let admin: Record<string, string>;
    const users = new Map<string, { cookie: string; csrf: string }>();

    const as = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      const user = users.get(who);
      const auth =
        user === undefined
          ? admin
          : { cookie: user.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': user.csrf }) };
      const res = await t.request({
        method,
        url,
        headers: auth,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.json<Body>() };
    };
    const events = async (after?: string, query = 'limit=1000') => {
      const res = await as(
        'admin',
        'GET',
        `/api/v1/events?${query}${after === undefined ? '' : `&after=${after}`}`,
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as { items: Body[]; nextCursor: string };
    };
    const submitted = async (amount: string) => {
      const draft = await as('zhang', 'POST', '/api/v1/expense-claims', taxi(amount));
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      const res = await as('zhang', 'POST', `/api/v1/expense-claims/${draft.body['id']}/submit`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    const taskOf = async (documentId: string) => {
      const tasks = await as('chen', 'GET', '/api/v1/approval-tasks');
      const task = (tasks.body['items'] as Body[]).find((x) => x['documentId'] === documentId);
      assert.ok(task, JSON.stringify(tasks.body));
      return task['id'] as string;
    };

    before(async () => {
      sim = await startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), seed: 17 });
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        { worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 }, maxAttempts: 2 } },
      );
      await seedDemo(t.database, t.running.context.security.audit);
      admin = await t.bearer('DEMO', [
        'connections:admin',
        'claims:read',
        'rules:admin',
        'events:read',
        'vouchers:read',
      ]);
      const connection = await as('admin', 'POST', '/api/v1/connections', {
        name: '金蝶',
        type: 'kingdee-k3cloud',
        baseUrl: sim.url,
        settings: { acctId: sim.acctId, username: 'demo', authKind: 'password' },
        credentials: { password: '888888' },
      });
      assert.equal(connection.status, 201, JSON.stringify(connection.body));
      users.set('zhang', await t.user('DEMO', 'zhang', ['employee'], 'E011'));
      users.set('chen', await t.user('DEMO', 'chen', ['approver'], 'E010'));
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('appends each status change of a claim with it, and nothing for an approval that rolls back', async () => {
      const start = (await events()).nextCursor;
      const claim = await submitted('66.00');
      assert.equal(claim['status'], 'approving');
      const task = await taskOf(claim['id']);

      // the period is closed: the approval is refused as a whole, its event with it
      assert.equal((await as('admin', 'PUT', '/api/v1/periods/2026-11', { status: 'closed' })).status, 200);
      const refused = await as('chen', 'POST', `/api/v1/approval-tasks/${task}/approve`, { comment: '同意' });
      assert.equal(refused.body['code'], 'period_closed', JSON.stringify(refused.body));
      assert.deepEqual(
        (await events(start)).items.map((e) => e['type']),
        ['expense.submitted'],
      );
      assert.equal((await as('admin', 'PUT', '/api/v1/periods/2026-11', { status: 'open' })).status, 200);

      const approved = await as('chen', 'POST', `/api/v1/approval-tasks/${task}/approve`, {
        comment: '同意',
      });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      const posted = await until('the claim posted', async () => {
        const doc = await as('admin', 'GET', `/api/v1/expense-claims/${claim['id']}`);
        return doc.body['status'] === 'posted' ? doc.body : undefined;
      });
      const log = (await events(start)).items;
      assert.deepEqual(
        log.slice(0, 2).map((e) => e['type']),
        ['expense.submitted', 'expense.approved'],
      );
      assert.deepEqual(
        log
          .slice(2)
          .map((e) => e['type'])
          .sort(),
        ['expense.posted', 'posting.posted'],
      );
      assert.equal(new Set(log.map((e) => e['id'])).size, 4, 'each event once');
      const [submittedEvent, approvedEvent] = log;
      assert.equal(submittedEvent!['subject'].type, 'ExpenseDocument');
      assert.equal(submittedEvent!['subject'].id, claim['id']);
      assert.deepEqual(approvedEvent!['data'], {
        id: claim['id'],
        kind: 'claim',
        number: claim['number'],
        status: 'approved',
        previousStatus: 'approving',
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        total: { amount: '66.00', currency: 'CNY' },
        actor: approvedEvent!['data'].actor,
        comment: '同意',
        erpVoucherNumber: null,
      });
      const postingEvent = log.find((e) => e['type'] === 'posting.posted')!;
      const expensePosted = log.find((e) => e['type'] === 'expense.posted')!;
      assert.equal(postingEvent['data'].documentId, claim['id']);
      assert.equal(postingEvent['data'].documentType, 'voucher');
      assert.equal(postingEvent['data'].erpNumber, posted['posting'].erpVoucherNumber);
      assert.equal(expensePosted['data'].erpVoucherNumber, posted['posting'].erpVoucherNumber);
      assert.equal(expensePosted['data'].actor, 'system:hub');
    });

    it('publishes the ERP’s refusal of a voucher as posting.rejected, in the ERP’s words', async () => {
      const start = (await events()).nextCursor;
      const claim = await submitted('77.00');
      const periods = ['2026-11', '2026-12', new Date().toISOString().slice(0, 7)];
      for (const p of periods) sim.ledger.closedPeriods.add(p);
      try {
        const task = await taskOf(claim['id']);
        assert.equal((await as('chen', 'POST', `/api/v1/approval-tasks/${task}/approve`, {})).status, 200);
        const rejected = await until('the refusal published', async () =>
          (await events(start, 'types=posting.rejected,posting.dead')).items.at(0),
        );
        assert.equal(rejected['type'], 'posting.rejected');
        assert.equal(rejected['data'].documentId, claim['id']);
        assert.equal(rejected['data'].reason, 'period_closed');
        assert.ok(rejected['data'].message.length > 0);
      } finally {
        for (const p of periods) sim.ledger.closedPeriods.delete(p);
      }
    });

    it('reads on from a cursor page by page exactly as at once, while claims are submitted beside it', async () => {
      const start = (await events()).nextCursor;
      const seen: Body[] = [];
      const writers = { done: false };
      const reader = (async () => {
        let cursor = start;
        for (let idle = 0; idle < 3;) {
          const page = await events(cursor, 'limit=3');
          seen.push(...page.items);
          cursor = page.nextCursor;
          if (page.items.length === 0 && writers.done) idle += 1;
        }
      })();
      const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => submitted(`${10 + i}.00`)));
      writers.done = true;
      await reader;
      const atOnce = (await events(start)).items;
      assert.equal(atOnce.length, 12);
      assert.deepEqual(seen, atOnce, 'every event once, in the log’s order');
      assert.deepEqual(new Set(atOnce.map((e) => e['subject'].id)), new Set(claims.map((c) => c['id'])));
      const typed = await events(start, 'types=expense.approved&limit=5');
      assert.deepEqual(typed.items, []);
      assert.equal(typed.nextCursor, atOnce.at(-1)!['cursor'], 'a filtered read moves past what it skipped');
    });

    it('keeps each company’s log to itself, and refuses a cursor or type it did not hand out', async () => {
      await t.provision();
      const other = await t.bearer('ACME', ['events:read']);
      const theirs = await t.request({ url: '/api/v1/events', headers: other });
      assert.equal(theirs.statusCode, 200);
      assert.deepEqual(theirs.json().items, []);
      const ours = await events();
      assert.ok(ours.items.length > 0);
      const peek = await t.request({
        url: `/api/v1/events?after=${ours.items[0]!['cursor']}`,
        headers: other,
      });
      assert.deepEqual(peek.json().items, [], 'a cursor names a place, not another company’s events');

      const badCursor = await as('admin', 'GET', '/api/v1/events?after=not-a-cursor');
      assert.equal(badCursor.status, 400);
      assert.equal(badCursor.body['code'], 'invalid_cursor');
      assert.equal(badCursor.body['errors'][0].pointer, '/query/after');
      const badType = await as('admin', 'GET', '/api/v1/events?types=expense.approved,expense.teleported');
      assert.equal(badType.status, 400);
      assert.equal(badType.body['code'], 'invalid_query');
      assert.equal(badType.body['errors'][0].pointer, '/query/types');
      const noScope = await t.request({
        url: '/api/v1/events',
        headers: await t.bearer('DEMO', ['claims:read']),
      });
      assert.equal(noScope.statusCode, 403);
      const catalogue = await as('admin', 'GET', '/api/v1/event-types');
      assert.ok((catalogue.body['items'] as Body[]).some((e) => e['type'] === 'posting.dead'));
    });
  });
}

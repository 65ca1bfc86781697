import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { seedPendingTasksOf } from './support/approval-load.ts';
import { seedDemo } from '../src/demo/seed.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;

/**
 * The approver's inbox at scale — keyset pages, filters, counts, one task by id — and what a submission
 * skips and would find: the steps it routes to no one (and why) on the document, and the dry run of a
 * submission that changes nothing.
 */
for (const engine of ENGINES) {
  describe(`approval inbox and submission check on ${engine.engine}`, () => {
    let t: TestApp;
    const users = new Map<string, { cookie: string; csrf: string }>();
    let admin: Record<string, string>;

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
    const ok = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      const res = await as(who, method, url, payload);
      assert.ok(res.status === 200 || res.status === 201, `${method} ${url}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const draft = (
      who: string,
      employeeCode: string,
      departmentCode: string,
      lines: Body[],
      extra: Body = {},
    ) =>
      ok(who, 'POST', '/api/v1/expense-claims', {
        employeeCode,
        departmentCode,
        title: '差旅报销',
        currency: 'CNY',
        claimedOn: '2026-11-24',
        lines,
        ...extra,
      });
    const line = (amount: string, categoryCode = 'TAXI') => ({
      categoryCode,
      description: '市内交通',
      occurredOn: '2026-11-24',
      amount,
    });
    /** Every page of my pending tasks, following nextCursor. */
    const allPages = async (who: string, query: string, limit: number) => {
      const pages: Body[][] = [];
      let cursor: string | null = null;
      do {
        const after: string = cursor === null ? '' : `&after=${encodeURIComponent(cursor)}`;
        const page = await ok(who, 'GET', `/api/v1/approval-tasks?limit=${limit}${query}${after}`);
        pages.push(page['items'] as Body[]);
        cursor = page['nextCursor'] as string | null;
      } while (cursor !== null && pages.length < 1_000);
      return pages;
    };

    before(async () => {
      t = await startTestApp(engine, { LOG_LEVEL: 'warn' });
      await seedDemo(t.database, t.running.context.security.audit);
      admin = await t.bearer('DEMO', [
        'claims:read',
        'claims:write',
        'budgets:read',
        'budgets:write',
        'rules:admin',
      ]);
      for (const [name, code, roles] of [
        ['zhang', 'E011', ['employee']],
        ['chen', 'E010', ['approver']],
        ['feng', 'E009', ['approver']],
        ['wang', 'E001', ['approver']],
        ['shen', 'E015', ['approver']],
        ['zhao', 'E003', ['finance']],
      ] as const)
        users.set(name, await t.user('DEMO', name, roles, code));
    });
    after(async () => {
      await t.close();
    });

    it('pages through 1,200 pending tasks without repeats or gaps, ties in time broken by id', async () => {
      const seeded = await seedPendingTasksOf(t.database, 'DEMO', {
        count: 1_200,
        approver: 'E009',
        claimant: 'E013',
        departmentCode: 'SALES-S',
        categoryCode: 'TAXI',
        now: t.clock.now(),
        sameInstant: 37,
      });
      const pages = await allPages('feng', '', 100);
      assert.equal(pages.length, 12);
      assert.ok(pages.every((p) => p.length === 100));
      const ids = pages.flat().map((x) => x['id'] as string);
      assert.equal(new Set(ids).size, 1_200, 'no task twice');
      assert.deepEqual([...ids].sort(), [...seeded.taskIds].sort(), 'every task once');
      const order = pages.flat().map((x) => `${x['createdAt'] as string}|${x['id'] as string}`);
      assert.deepEqual(order, [...order].sort(), 'oldest first, then by id');
      // the largest page the API gives, and `cursor` as other lists name it
      const big = await ok('feng', 'GET', '/api/v1/approval-tasks?limit=500');
      const next = await ok(
        'feng',
        'GET',
        `/api/v1/approval-tasks?limit=500&cursor=${encodeURIComponent(big['nextCursor'] as string)}`,
      );
      assert.deepEqual(
        [...big['items'], ...next['items']].map((x: Body) => x['id']),
        ids.slice(0, 1_000),
      );
    });

    it('keeps paging exact while tasks are decided between pages', async () => {
      const seeded = await seedPendingTasksOf(t.database, 'DEMO', {
        count: 250,
        approver: 'E015',
        claimant: 'E016',
        departmentCode: 'MKT',
        categoryCode: 'TAXI',
        now: t.clock.now(),
        sameInstant: 10,
      });
      const seen: string[] = [];
      const first = await ok('shen', 'GET', '/api/v1/approval-tasks?limit=100');
      seen.push(...first['items'].map((x: Body) => x['id'] as string));
      // one already listed and one not yet listed are decided before the next page is read
      const decidedSeen = seen[5] as string;
      const decidedAhead = seeded.taskIds[180] as string;
      await ok('shen', 'POST', `/api/v1/approval-tasks/${decidedSeen}/approve`, {});
      await ok('shen', 'POST', `/api/v1/approval-tasks/${decidedAhead}/reject`, { comment: '缺少发票' });
      let cursor = first['nextCursor'] as string | null;
      while (cursor !== null) {
        const page = await ok(
          'shen',
          'GET',
          `/api/v1/approval-tasks?limit=100&after=${encodeURIComponent(cursor)}`,
        );
        seen.push(...page['items'].map((x: Body) => x['id'] as string));
        cursor = page['nextCursor'] as string | null;
      }
      assert.equal(new Set(seen).size, seen.length, 'no task twice');
      const expected = seeded.taskIds.filter((id) => id !== decidedAhead);
      assert.deepEqual(
        [...seen].sort(),
        [...expected].sort(),
        'every task still pending once, and the first',
      );
    });

    it('counts pending, due-soon, overdue and risky tasks by kind, as the filtered lists find them', async () => {
      const now = t.clock.now();
      await seedPendingTasksOf(t.database, 'DEMO', {
        count: 60,
        approver: 'E001',
        claimant: 'E007',
        departmentCode: 'ADM',
        categoryCode: 'TAXI',
        // ten minutes apart, due 6 h after creation: the oldest are overdue, the next due soon
        now,
        sameInstant: 1,
        stepMs: 10 * 60_000,
        slaHours: 6,
        kinds: ['claim', 'request', 'advance'],
        riskyEvery: 4,
      });
      const counts = await ok('wang', 'GET', '/api/v1/approval-tasks/counts?soonHours=2');
      // created at now − (59 − i) × 10 min, due 6 h later: overdue when i < 23, due within 2 h when i < 35
      type Tally = { pending: number; dueSoon: number; overdue: number; risky: number };
      const tally = (): Tally => ({ pending: 0, dueSoon: 0, overdue: 0, risky: 0 });
      const expected = { claim: tally(), request: tally(), advance: tally() };
      for (let i = 0; i < 60; i++) {
        const kind = (['claim', 'request', 'advance'] as const)[i % 3] ?? 'claim';
        const dueMs = now.getTime() - (59 - i) * 600_000 + 6 * 3_600_000;
        const e = expected[kind];
        e.pending += 1;
        if (dueMs >= now.getTime() && dueMs < now.getTime() + 2 * 3_600_000) e.dueSoon += 1;
        if (dueMs < now.getTime()) e.overdue += 1;
        if (i % 4 === 0) e.risky += 1;
      }
      assert.deepEqual(counts['byKind'], expected);
      assert.equal(counts['pending'], 60);
      assert.equal(counts['overdue'], 23);
      assert.equal(counts['dueSoon'], 12);
      assert.equal(counts['risky'], 15);
      assert.equal(counts['soonHours'], 2);
      assert.equal(counts['asOf'], now.toISOString());
      const listed = async (query: string) => (await allPages('wang', query, 7)).flat();
      assert.equal((await listed('&overdue=true')).length, 23);
      assert.equal((await listed('&risky=true')).length, 15);
      const requests = await listed('&kind=request');
      assert.equal(requests.length, 20);
      assert.ok(requests.every((x) => x['document'].kind === 'request'));
      assert.equal((await listed('&kind=advance&overdue=true')).length, expected.advance.overdue);
      // time passes: what was due soon is overdue now
      t.clock.advance(3 * 3_600_000);
      try {
        const later = await ok('wang', 'GET', '/api/v1/approval-tasks/counts?soonHours=2');
        assert.equal(later['overdue'], 41);
      } finally {
        t.clock.set(now);
      }
    });

    it('refuses a cursor it did not issue, and two different cursors at once', async () => {
      const bad = await as('feng', 'GET', '/api/v1/approval-tasks?after=not-a-cursor');
      assert.equal(bad.status, 400);
      assert.equal(bad.body['code'], 'invalid_cursor');
      const page = await ok('feng', 'GET', '/api/v1/approval-tasks?limit=2');
      const twice = await as(
        'feng',
        'GET',
        `/api/v1/approval-tasks?after=${encodeURIComponent(page['nextCursor'] as string)}&cursor=x`,
      );
      assert.equal(twice.status, 400);
      assert.equal(twice.body['code'], 'invalid_query');
      const notMine = await as('admin', 'GET', '/api/v1/approval-tasks/counts');
      assert.equal(notMine.status, 403, JSON.stringify(notMine.body));
    });

    it('opens one of my tasks by id, and refuses another approver’s', async () => {
      const page = await ok('feng', 'GET', '/api/v1/approval-tasks?limit=1');
      const task = page['items'][0] as Body;
      const mine = await ok('feng', 'GET', `/api/v1/approval-tasks/${task['id'] as string}`);
      assert.equal(mine['id'], task['id']);
      assert.equal(mine['document'].number, task['document'].number);
      const theirs = await as('chen', 'GET', `/api/v1/approval-tasks/${task['id'] as string}`);
      assert.equal(theirs.status, 403);
      assert.equal(theirs.body['code'], 'task_not_yours');
      const missing = await as('chen', 'GET', '/api/v1/approval-tasks/00000000-0000-4000-8000-000000000000');
      assert.equal(missing.status, 404);
    });

    it('records on the claim each approval step its submission skipped, and why', async () => {
      // a small claim: the steps above 5,000 do not apply
      const small = await draft('zhang', 'E011', 'SALES-E', [line('60.00')]);
      const submitted = await ok('zhang', 'POST', `/api/v1/expense-claims/${small['id'] as string}/submit`);
      const skips = submitted['skippedSteps'] as Body[];
      const byStep = new Map(skips.map((s) => [s['stepId'] as string, s]));
      assert.equal(byStep.has('manager'), false, 'the line manager approves');
      for (const step of ['department_head', 'finance', 'general_manager']) {
        const skip = byStep.get(step);
        assert.ok(skip !== undefined, `${step} skipped: ${JSON.stringify(skips)}`);
        assert.equal(skip['reason'], 'amount_not_above');
        assert.equal(skip['round'], 1);
        assert.match(skip['message'].zh, /金额未超过 \d+\.00/);
      }
      assert.equal(byStep.get('department_head')?.['params'].amount, '5000.00');
      // above 5,000: the department head is the line manager already (approves once); a finance
      // clerk's own claim skips the finance review (nobody approves their own document)
      const large = await draft('zhang', 'E011', 'SALES-E', [line('6000.50', 'ENTERTAIN')]);
      const routed = await ok('zhang', 'POST', `/api/v1/expense-claims/${large['id'] as string}/submit`);
      const head = (routed['skippedSteps'] as Body[]).find((s) => s['stepId'] === 'department_head');
      assert.ok(head !== undefined, JSON.stringify(routed['skippedSteps']));
      assert.equal(head['reason'], 'same_approver_as_previous');
      assert.match(head['message'].en as string, /Line manager/);
      const own = await draft('zhao', 'E003', 'FIN', [line('5600.00', 'OFFICE')]);
      const clerk = await ok('zhao', 'POST', `/api/v1/expense-claims/${own['id'] as string}/submit`);
      const finance = (clerk['skippedSteps'] as Body[]).find((s) => s['stepId'] === 'finance');
      assert.equal(finance?.['reason'], 'approver_is_submitter');
      const timeline = (clerk['transitions'] as Body[]).map((x) => x['comment']).join(' ');
      assert.match(timeline, /财务审核/);
      // lists leave them out
      const listed = await ok('zhao', 'GET', '/api/v1/expense-claims?mine=true&limit=5');
      assert.equal(listed['items'][0].skippedSteps, null);
    });

    it('dry-runs a submission: its approval chain and risk tags, and nothing changes', async () => {
      const d = await draft('zhang', 'E011', 'SALES-E', [line('88.00')]);
      const id = d['id'] as string;
      const budgetsBefore = await ok('admin', 'GET', '/api/v1/budgets?departmentCode=SALES-E');
      const check = await ok('zhang', 'GET', `/api/v1/expense-claims/${id}/submission-check`);
      assert.equal(check['ready'], true, JSON.stringify(check['blockers']));
      assert.deepEqual(check['blockers'], []);
      assert.equal(check['approval'].outcome, 'approving');
      const steps = check['approval'].steps as Body[];
      assert.deepEqual(
        steps.filter((s) => s['skipped'] === null).map((s) => [s['stepId'], s['stage'], s['approvers']]),
        [['manager', 1, ['E010']]],
      );
      assert.equal(steps.find((s) => s['stepId'] === 'finance')?.['skipped'].reason, 'amount_not_above');
      // nothing was written: the draft, its timeline, the budgets, the approver's tasks
      const after = await ok('zhang', 'GET', `/api/v1/expense-claims/${id}`);
      assert.equal(after['status'], 'draft');
      assert.equal(after['version'], d['version']);
      assert.equal(after['transitions'].length, 1);
      assert.deepEqual(await ok('admin', 'GET', '/api/v1/budgets?departmentCode=SALES-E'), budgetsBefore);
      const tasks = await ok('admin', 'GET', `/api/v1/expense-documents/${id}/approval-tasks`);
      assert.deepEqual(tasks['items'], []);
      // submitting finds what the dry run found
      const submitted = await ok('zhang', 'POST', `/api/v1/expense-claims/${id}/submit`);
      assert.deepEqual(submitted['riskTags'], check['riskTags']);
      const opened = await ok('admin', 'GET', `/api/v1/expense-documents/${id}/approval-tasks`);
      assert.deepEqual(
        opened['items'].map((x: Body) => [x['stepId'], x['assignee']]),
        [['manager', 'E010']],
      );
    });

    it('dry-runs a submission that would be refused: each refusal with its field, in both languages', async () => {
      const budget = await ok('admin', 'POST', '/api/v1/budgets', {
        departmentCode: 'SALES-E',
        categoryCode: 'TAXI',
        period: '2026-10',
        amount: { amount: '50.00', currency: 'CNY' },
        control: 'block',
      });
      await ok('admin', 'PUT', '/api/v1/periods/2026-10', { status: 'closed' });
      try {
        const d = await draft('zhang', 'E011', 'SALES-E', [{ ...line('120.00'), occurredOn: '2026-10-15' }], {
          claimedOn: '2026-10-16',
        });
        const check = await ok(
          'zhang',
          'GET',
          `/api/v1/expense-claims/${d['id'] as string}/submission-check`,
        );
        assert.equal(check['ready'], false);
        const byCode = new Map((check['blockers'] as Body[]).map((b) => [b['code'] as string, b]));
        assert.equal(byCode.get('period_closed')?.['pointer'], '/claimedOn');
        assert.match(byCode.get('period_closed')?.['message'].zh, /2026-10 已结账/);
        assert.equal(byCode.get('budget_exceeded')?.['pointer'], '/lines/0/amount');
        assert.match(byCode.get('budget_exceeded')?.['message'].en, /SALES-E\/TAXI\/2026-10/);
        const unchanged = await ok(
          'admin',
          'GET',
          '/api/v1/budgets?departmentCode=SALES-E&categoryCode=TAXI&period=2026-10',
        );
        assert.deepEqual(
          unchanged['items'].map((b: Body) => [b['id'], b['occupied']]),
          [[budget['id'], '0.00']],
        );
        const refused = await as('zhang', 'POST', `/api/v1/expense-claims/${d['id'] as string}/submit`);
        assert.equal(refused.body['code'], 'period_closed');
        // a submitted document cannot be submitted again: the dry run says so too
        const sent = await draft('zhang', 'E011', 'SALES-E', [line('20.00')]);
        await ok('zhang', 'POST', `/api/v1/expense-claims/${sent['id'] as string}/submit`);
        const again = await ok(
          'zhang',
          'GET',
          `/api/v1/expense-claims/${sent['id'] as string}/submission-check`,
        );
        assert.deepEqual(
          again['blockers'].map((b: Body) => b['code']),
          ['document_state_invalid'],
        );
        // someone else's claim is not theirs to check
        const other = await as(
          'chen',
          'GET',
          `/api/v1/expense-claims/${sent['id'] as string}/submission-check`,
        );
        assert.equal(other.status, 403);
      } finally {
        await ok('admin', 'PUT', '/api/v1/periods/2026-10', { status: 'open' });
      }
    });
  });
}

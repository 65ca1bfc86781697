import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { until } from './support/wait.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { demoLedger } from './support/kingdee.ts';
import { startKingdeeSimulator, type KingdeeSimulator } from '../src/connectors/kingdee/simulator/server.ts';
import { seedDemo } from '../src/demo/seed.ts';

/**
 * The read routes the finance console's pages stand on, on both engines: closed periods (listed, and
 * closed and reopened by finance staff), what is to be paid (posted claims and advances net of
 * advance offsets, with totals), postings filtered by the document they carry, and a claim's rules
 * explained (each audit rule's findings; the posting rule that chose each line's account).
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;

const claim = (lines: Body[], extra: Body = {}) => ({
  employeeCode: 'E011',
  departmentCode: 'SALES-E',
  title: '市内交通',
  currency: 'CNY',
  claimedOn: '2026-11-24',
  lines,
  ...extra,
});
const taxi = (amount: string, occurredOn = '2026-11-24') => ({
  categoryCode: 'TAXI',
  description: '打车',
  occurredOn,
  amount,
});
const cents = (amount: string) => BigInt(amount.replace('.', ''));

for (const engine of ENGINES) {
  describe(`finance console routes on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: KingdeeSimulator;
    const users = new Map<string, { cookie: string; csrf: string }>();
    let admin: Record<string, string>;

    const as = async (
      who: string,
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      payload?: unknown,
    ): Promise<{ status: number; body: Body }> => {
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
      assert.ok(res.status >= 200 && res.status < 300, `${method} ${url}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    /** Drafted by the employee, submitted, approved by the line manager (below 5,000: one step), posted. */
    const posted = async (path: 'expense-claims' | 'advances', body: Body) => {
      const draft = await ok('zhang', 'POST', `/api/v1/${path}`, body);
      await ok('zhang', 'POST', `/api/v1/${path}/${draft['id']}/submit`);
      const tasks = await ok('chen', 'GET', '/api/v1/approval-tasks');
      const task = (tasks['items'] as Body[]).find((x) => x['documentId'] === draft['id']);
      assert.ok(task, `chen has the task of ${draft['number']}`);
      await ok('chen', 'POST', `/api/v1/approval-tasks/${task['id']}/approve`, {});
      return until(`${draft['number']} posted`, async () => {
        const d = await ok('admin', 'GET', `/api/v1/${path}/${draft['id']}`);
        return d['status'] === 'posted' ? d : undefined;
      });
    };
    const payable = async (query = '') => ok('zhao', 'GET', `/api/v1/expense-documents/payable${query}`);

    before(async () => {
      sim = await startKingdeeSimulator({ ledger: demoLedger(), now: () => new Date(), seed: 17 });
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        { worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } } },
      );
      await seedDemo(t.database, t.running.context.security.audit);
      admin = await t.bearer('DEMO', ['connections:admin', 'claims:read', 'vouchers:read', 'rules:admin']);
      const connection = await as('admin', 'POST', '/api/v1/connections', {
        name: '金蝶',
        type: 'kingdee-k3cloud',
        baseUrl: sim.url,
        settings: { acctId: sim.acctId, username: 'demo', authKind: 'password' },
        credentials: { password: '888888' },
      });
      assert.equal(connection.status, 201, JSON.stringify(connection.body));
      for (const [name, code, roles] of [
        ['zhang', 'E011', ['employee']],
        ['chen', 'E010', ['approver']],
        ['zhao', 'E003', ['finance']],
      ] as const)
        users.set(name, await t.user('DEMO', name, roles, code));
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('lets finance staff close and reopen a period, lists who closed it, and refuses a claim dated in it', async () => {
      assert.deepEqual((await ok('zhang', 'GET', '/api/v1/periods'))['items'], []);
      const byEmployee = await as('zhang', 'PUT', '/api/v1/periods/2026-09', { status: 'closed' });
      assert.equal(byEmployee.status, 403);
      const closed = await ok('zhao', 'PUT', '/api/v1/periods/2026-09', { status: 'closed' });
      assert.deepEqual(closed, { period: '2026-09', status: 'closed' });
      await ok('zhao', 'PUT', '/api/v1/periods/2026-08', { status: 'closed' });
      const list = (await ok('zhang', 'GET', '/api/v1/periods'))['items'] as Body[];
      assert.deepEqual(
        list.map((p) => [p['period'], p['status']]),
        [
          ['2026-09', 'closed'],
          ['2026-08', 'closed'],
        ],
      );
      assert.match(list[0]?.['closedBy'], /zhao/);
      assert.match(list[0]?.['closedAt'], /^\d{4}-\d{2}-\d{2}T/);
      const draft = await ok(
        'zhang',
        'POST',
        '/api/v1/expense-claims',
        claim([taxi('30.00', '2026-09-15')], { claimedOn: '2026-09-16' }),
      );
      const refused = await as('zhang', 'POST', `/api/v1/expense-claims/${draft['id']}/submit`);
      assert.equal(refused.status, 422);
      assert.equal(refused.body['code'], 'period_closed');
      assert.equal(refused.body['errors'][0].pointer, '/claimedOn');
      await ok('zhao', 'PUT', '/api/v1/periods/2026-09', { status: 'open' });
      assert.deepEqual(
        ((await ok('zhang', 'GET', '/api/v1/periods'))['items'] as Body[]).map((p) => p['period']),
        ['2026-08'],
      );
      await ok('zhang', 'POST', `/api/v1/expense-claims/${draft['id']}/submit`);
      await ok('zhao', 'PUT', '/api/v1/periods/2026-08', { status: 'open' });
    });

    it('lists what is to be paid, net of advance offsets, with totals over every page; paying one takes it off', async () => {
      const advance = await posted('advances', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: '广州出差借款',
        currency: 'CNY',
        amount: '2000.00',
        requestedOn: '2026-11-24',
      });
      const offsetting = await posted(
        'expense-claims',
        claim([taxi('1200.00')], { advanceIds: [advance['id']], title: '冲借款' }),
      );
      const plain = await posted('expense-claims', claim([taxi('300.50')], { title: '打车' }));

      const all = await payable();
      const byId = new Map((all['items'] as Body[]).map((x) => [x['id'], x]));
      assert.deepEqual(
        [advance, offsetting, plain].map((d) => {
          const x = byId.get(d['id']);
          return [x?.['kind'], x?.['total'], x?.['offset'], x?.['payable'], x?.['supplierCode']];
        }),
        [
          ['advance', '2000.00', '0.00', '2000.00', null],
          ['claim', '1200.00', '1200.00', '0.00', null],
          ['claim', '300.50', '0.00', '300.50', null],
        ],
      );
      assert.equal(byId.get(plain['id'])?.['erpVoucherNumber'], plain['posting'].erpVoucherNumber);
      const sum = (items: Body[], field: string) => items.reduce((s, x) => s + cents(x[field]), 0n);
      const cny = (all['totals'] as Body[]).find((x) => x['currency'] === 'CNY');
      assert.ok(cny);
      assert.equal(cny['count'], all['items'].length);
      assert.equal(cents(cny['payable']), sum(all['items'], 'payable'));
      assert.equal(cents(cny['offset']), sum(all['items'], 'offset'));
      assert.equal(cents(cny['total']) - cents(cny['offset']), cents(cny['payable']));

      // one a page: the same totals on every page, and the pages together are the whole list
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Body = await payable(`?limit=1${cursor === null ? '' : `&cursor=${cursor}`}`);
        assert.deepEqual(page['totals'], all['totals']);
        seen.push(...(page['items'] as Body[]).map((x) => x['id'] as string));
        cursor = page['nextCursor'];
      } while (cursor !== null);
      assert.deepEqual(
        seen,
        (all['items'] as Body[]).map((x) => x['id']),
      );

      assert.equal((await as('zhang', 'GET', '/api/v1/expense-documents/payable')).status, 403);
      await ok('zhao', 'POST', `/api/v1/expense-claims/${plain['id']}/pay`, { paidOn: '2026-11-30' });
      const after = await payable();
      assert.ok(!(after['items'] as Body[]).some((x) => x['id'] === plain['id']));
      const cnyAfter = (after['totals'] as Body[]).find((x) => x['currency'] === 'CNY');
      assert.equal(cents(cny['payable']) - cents(cnyAfter?.['payable']), 30050n);
    });

    it('filters postings by the document they carry', async () => {
      const first = await posted('expense-claims', claim([taxi('88.00')], { title: '过账一' }));
      const second = await posted('expense-claims', claim([taxi('99.00')], { title: '过账二' }));
      for (const d of [first, second]) {
        const list = await ok('zhao', 'GET', `/api/v1/postings?documentId=${d['id']}`);
        assert.deepEqual(
          (list['items'] as Body[]).map((p) => [p['id'], p['documentId'], p['status'], p['erpNumber']]),
          [[d['posting'].id, d['id'], 'posted', d['posting'].erpVoucherNumber]],
        );
      }
      assert.deepEqual((await ok('zhao', 'GET', '/api/v1/postings?documentId=nothing-here'))['items'], []);
      const tooLong = await as('zhao', 'GET', `/api/v1/postings?documentId=${'x'.repeat(61)}`);
      assert.equal(tooLong.status, 400);
      assert.equal(tooLong.body['errors'][0].pointer, '/query/documentId');
      // the red-letter reversal is a document of its own: <id>-R
      await ok('zhao', 'POST', `/api/v1/expense-claims/${first['id']}/reverse`, { reason: '重复' });
      const reversal = await until('reversal posting', async () => {
        const list = await ok('zhao', 'GET', `/api/v1/postings?documentId=${first['id']}-R`);
        return (list['items'] as Body[])[0];
      });
      assert.equal(reversal['documentId'], `${first['id']}-R`);
      assert.equal(
        (await ok('zhao', 'GET', `/api/v1/postings?documentId=${first['id']}`))['items'].length,
        1,
      );
    });

    it('explains each audit rule’s findings and the posting rule that chose each line’s account', async () => {
      const rules = await ok('admin', 'GET', '/api/v1/rules/posting');
      await ok('admin', 'POST', '/api/v1/rules/posting', {
        body: {
          ...rules['body'],
          overrides: [
            { category: 'OFFICE', accountCode: '660299' },
            { category: 'TAXI', departmentKind: 'sales', accountCode: '660199' },
          ],
        },
        note: 'taxi of sales people to other sales expenses',
      });
      // 2026-11-21 is a Saturday; 1,000.00 is a round amount; the HR line is a management department's
      const draft = await ok(
        'zhang',
        'POST',
        '/api/v1/expense-claims',
        claim([
          taxi('1000.00', '2026-11-21'),
          { ...taxi('45.00'), categoryCode: 'TRAVEL', description: '高铁' },
          { ...taxi('60.00'), departmentCode: 'HR', description: '招聘会打车' },
        ]),
      );
      const before = await ok('zhao', 'GET', `/api/v1/expense-claims/${draft['id']}/rule-explanation`);
      assert.equal(before['audit'].ran, false);
      assert.ok((before['audit'].rules as Body[]).every((r) => r['findings'].length === 0));
      await ok('zhang', 'POST', `/api/v1/expense-claims/${draft['id']}/submit`);

      const x = await ok('zhao', 'GET', `/api/v1/expense-claims/${draft['id']}/rule-explanation`);
      assert.equal(x['number'], draft['number']);
      assert.equal(x['audit'].ran, true);
      const audit = new Map((x['audit'].rules as Body[]).map((r) => [r['rule'], r]));
      assert.deepEqual([...audit.keys()].sort(), [
        'duplicate_invoice',
        'invoice_after_trip',
        'over_request',
        'per_diem',
        'round_amount',
        'split_claim',
        'weekend_holiday',
      ]);
      assert.equal(audit.get('round_amount')?.['severity'], 'warn');
      assert.deepEqual(
        audit.get('round_amount')?.['findings'].map((f: Body) => f['pointer']),
        ['/lines/0/amount'],
      );
      assert.deepEqual(
        audit.get('weekend_holiday')?.['findings'].map((f: Body) => f['pointer']),
        ['/lines/0/occurredOn'],
      );
      assert.deepEqual(audit.get('per_diem')?.['findings'], []);

      const posting = x['posting'];
      assert.equal(posting['version'], Number(rules['version']) + 1);
      assert.deepEqual(
        (posting['lines'] as Body[]).map((l) => [
          l['lineNo'],
          l['departmentKind'],
          l['choice'].accountCode,
          l['choice'].source,
          l['choice'].overrideIndex,
        ]),
        [
          [1, 'sales', '660199', 'override', 1],
          [2, 'sales', '660101', 'category_sales', null],
          [3, 'management', '660204', 'category_management', null],
        ],
      );
      assert.equal(posting['payee'], 'employee');
      assert.equal(posting['accounts'].employeePayable, '224101');
      // the voucher these rules build is the voucher the claim previews
      const preview = await ok('zhao', 'GET', `/api/v1/expense-claims/${draft['id']}/voucher`);
      assert.deepEqual(posting['voucher'].lines, preview['voucher'].lines);

      const request = await ok('zhang', 'POST', '/api/v1/expense-requests', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: '差旅申请',
        currency: 'CNY',
        requestedOn: '2026-11-24',
        lines: [{ categoryCode: 'TRAVEL', description: '北京', occurredOn: '2026-11-28', amount: '3000.00' }],
      });
      assert.equal(
        (await ok('zhao', 'GET', `/api/v1/expense-claims/${request['id']}/rule-explanation`))['posting'],
        null,
      );
      const missing = await as(
        'zhao',
        'GET',
        '/api/v1/expense-claims/01a2212c-0000-7000-8000-00000000ffff/rule-explanation',
      );
      assert.equal(missing.status, 404);
      assert.equal(missing.body['code'], 'not_found');
      await ok('admin', 'POST', '/api/v1/rules/posting', { body: rules['body'] });
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { startDemoPeople, type Body, type DemoPeople } from './support/demo-people.ts';
import { DEMO_COMPANY, DEMO_SUPPLIERS } from '../src/demo/demo-company.ts';
import { findCompany } from '../src/platform/store/companies.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';
import { findingsByClaim } from '../src/finance/post-audit/findings.ts';

/**
 * Post-hoc audit (事后审计) end to end, on both engines. Five posted claims of 张三 (E011):
 *   A 2026-11-02 taxi 4,800.00, spent Sunday 1 November       — amount band, weekend, split with B
 *   B 2026-11-05 taxi 4,500.00 (tagged split_claim at submit) — amount band, split with A, risk score
 *   C 2026-11-20 hotel 1,060.00, invoice of seller S          — repeat merchant with D
 *   D 2026-11-23 hotel 1,060.00, invoice of seller S          — repeat merchant with C
 *   E 2026-10-02 taxi 200.00, spent on National Day           — public holiday
 * plus a draft claim no audit may touch. Then plans, a run with reasons, a seeded random draw repeated,
 * findings with evidence, rectification asked of the claimant (notified), answered by them only, closed
 * and waived, all in the audit log; and the per-claim list the analytics read.
 */

let serial = 0;
const hotelInvoice = (issuedOn: string) => ({
  type: 'digital_special',
  number: `2631${String(7100000000000000 + ++serial).slice(0, 16)}`,
  issuedOn,
  buyerName: DEMO_COMPANY.name,
  buyerTaxId: DEMO_COMPANY.taxId,
  sellerName: String(DEMO_SUPPLIERS[0]?.['name']),
  sellerTaxId: String(DEMO_SUPPLIERS[0]?.['taxId']),
  lines: [{ itemName: '*住宿服务*住宿费', amount: '1000.00', taxRate: '0.06', tax: '60.00' }],
  amount: '1000.00',
  tax: '60.00',
  total: '1060.00',
  currency: 'CNY',
});

for (const engine of ENGINES) {
  describe(`post-hoc audit on ${engine.engine}`, () => {
    let world: DemoPeople;
    const claims: Record<string, string> = {};
    let draftId: string;
    let invoiceOfC: string;
    let planId: string;
    let run: Body;
    let narrowRunId: string;

    const as: DemoPeople['as'] = (...args) => world.as(...args);
    const ok: DemoPeople['ok'] = (...args) => world.ok(...args);
    const postedClaim = (claimedOn: string, line: Body): Promise<string> =>
      world.postedClaim({ title: `报销 ${claimedOn}`, claimedOn, lines: [line] }, `claim of ${claimedOn}`);

    before(async () => {
      world = await startDemoPeople(engine, {
        seed: 41,
        adminScopes: ['connections:admin', 'claims:read', 'audit:read'],
        people: [
          ['zhang', 'E011', ['employee']],
          ['chu', 'E012', ['employee']],
          ['chen', 'E010', ['approver']],
          ['zhao', 'E003', ['finance']],
          ['audit', 'E002', ['auditor']],
        ],
      });

      const taxi = (occurredOn: string, amount: string) => ({
        categoryCode: 'TAXI',
        description: '打车',
        occurredOn,
        amount,
      });
      claims['A'] = await postedClaim('2026-11-02', taxi('2026-11-01', '4800.00'));
      claims['B'] = await postedClaim('2026-11-05', taxi('2026-11-04', '4500.00'));
      invoiceOfC = String((await ok('zhang', 'POST', '/api/v1/invoices', hotelInvoice('2026-11-19')))['id']);
      claims['C'] = await postedClaim('2026-11-20', {
        categoryCode: 'HOTEL',
        description: '住宿',
        occurredOn: '2026-11-19',
        amount: '1060.00',
        invoiceIds: [invoiceOfC],
      });
      const invoiceOfD = String(
        (await ok('zhang', 'POST', '/api/v1/invoices', hotelInvoice('2026-11-22')))['id'],
      );
      claims['D'] = await postedClaim('2026-11-23', {
        categoryCode: 'HOTEL',
        description: '住宿',
        occurredOn: '2026-11-23',
        amount: '1060.00',
        invoiceIds: [invoiceOfD],
      });
      claims['E'] = await postedClaim('2026-10-08', taxi('2026-10-02', '200.00'));
      draftId = String(
        (
          await ok('zhang', 'POST', '/api/v1/expense-claims', {
            employeeCode: 'E011',
            departmentCode: 'SALES-E',
            title: '草稿',
            currency: 'CNY',
            claimedOn: '2026-11-10',
            lines: [taxi('2026-11-10', '4900.00')],
          })
        )['id'],
      );
    });
    after(async () => {
      await world.close();
    });

    const letterOf = (id: string) => Object.entries(claims).find(([, v]) => v === id)?.[0] ?? id;
    const reasonsOf = (r: Body, letter: string) =>
      (
        (r['samples'] as Body[]).find((s) => s['documentId'] === claims[letter])?.['reasons'] as
          Body[] | undefined
      )
        ?.map((x) => x['code'])
        .sort();

    it('keeps sampling plans as data, refusing an empty or malformed plan and employees', async () => {
      assert.equal(
        (await as('zhang', 'POST', '/api/v1/post-audit/plans', { name: 'x', body: { weekendHoliday: true } }))
          .status,
        403,
      );
      const empty = await as('audit', 'POST', '/api/v1/post-audit/plans', { name: '空', body: {} });
      assert.equal(empty.status, 422, JSON.stringify(empty.body));
      assert.equal(empty.body['errors'][0]['pointer'], '/body');
      const inverted = await as('audit', 'POST', '/api/v1/post-audit/plans', {
        name: '倒置',
        body: { amountBands: [{ min: '500.00', max: '100.00' }] },
      });
      assert.equal(inverted.status, 422);
      assert.deepEqual(
        (inverted.body['errors'] as Body[]).map((e) => e['pointer']),
        ['/body/amountBands/0/max'],
      );
      const badAmount = await as('audit', 'POST', '/api/v1/post-audit/plans', {
        name: '坏',
        body: { amountBands: [{ min: '12.345' }] },
      });
      assert.equal(badAmount.status, 422);
      assert.ok(
        (badAmount.body['errors'] as Body[]).some((e) =>
          String(e['pointer']).startsWith('/body/amountBands/0/min'),
        ),
        JSON.stringify(badAmount.body),
      );
      const plan = await ok('audit', 'POST', '/api/v1/post-audit/plans', {
        name: '2026 年第四季度抽查',
        description: '规则 + 风险 + 随机',
        body: {
          risk: { minScore: 20 },
          amountBands: [{ min: '4000.00', max: '5000.00' }],
          weekendHoliday: true,
          splitClaims: { windowDays: 7, threshold: '5000.00' },
          repeatMerchants: { minClaims: 2 },
        },
      });
      planId = String(plan['id']);
      const again = await as('audit', 'POST', '/api/v1/post-audit/plans', {
        name: '2026 年第四季度抽查',
        body: { weekendHoliday: true },
      });
      assert.equal(again.status, 409);
      const listed = await ok('zhao', 'GET', '/api/v1/post-audit/plans');
      assert.ok((listed['items'] as Body[]).some((p) => p['id'] === planId));
    });

    it('runs a plan over the posted claims of a range and says why each claim was picked', async () => {
      run = await ok('audit', 'POST', '/api/v1/post-audit/runs', {
        planId,
        from: '2026-10-01',
        to: '2026-11-30',
      });
      assert.equal(run['population'], 5, 'the draft is not in the books');
      assert.deepEqual((run['samples'] as Body[]).map((s) => letterOf(String(s['documentId']))).sort(), [
        'A',
        'B',
        'C',
        'D',
        'E',
      ]);
      // A was tagged at submission (a Sunday), B too (split with A): both score at least 20
      assert.deepEqual(reasonsOf(run, 'A'), ['amount_band', 'risk_score', 'split_claim', 'weekend_holiday']);
      assert.deepEqual(reasonsOf(run, 'B'), ['amount_band', 'risk_score', 'split_claim']);
      assert.deepEqual(reasonsOf(run, 'C'), ['repeat_merchant']);
      assert.deepEqual(reasonsOf(run, 'D'), ['repeat_merchant']);
      assert.deepEqual(reasonsOf(run, 'E'), ['weekend_holiday']);
      const e = (run['samples'] as Body[]).find((s) => s['documentId'] === claims['E']);
      assert.match(JSON.stringify(e?.['reasons']), /2026-10-02（法定节假日）/);
      const a = (run['samples'] as Body[]).find((s) => s['documentId'] === claims['A']);
      assert.match(JSON.stringify(a?.['reasons']), /2026-11-01（周末）/);
      const b = (run['samples'] as Body[]).find((s) => s['documentId'] === claims['B']);
      assert.ok(Number(b?.['riskScore']) >= 20, 'at least one warning tag');
      assert.match(JSON.stringify(b?.['reasons']), /9300\.00/);

      const narrow = await ok('audit', 'POST', '/api/v1/post-audit/runs', {
        planId,
        from: '2026-11-15',
        to: '2026-11-30',
      });
      assert.equal(narrow['population'], 2);
      narrowRunId = String(narrow['id']);
      const bad = await as('audit', 'POST', '/api/v1/post-audit/runs', {
        planId,
        from: '2026-11-30',
        to: '2026-11-01',
      });
      assert.equal(bad.status, 422);
      const listed = await ok('zhao', 'GET', '/api/v1/post-audit/runs');
      assert.equal((listed['items'] as Body[])[0]?.['id'], narrow['id'], 'newest first');
      const fetched = await ok('zhao', 'GET', `/api/v1/post-audit/runs/${run['id']}`);
      assert.deepEqual(fetched['samples'], run['samples']);
    });

    it('draws the same random sample from the same seed, and all of it when asked for more than there is', async () => {
      const plan = await ok('audit', 'POST', '/api/v1/post-audit/plans', {
        name: '随机 3',
        body: { random: { count: 3, seed: '2026Q4' } },
      });
      const draw = async () =>
        (
          (
            await ok('audit', 'POST', '/api/v1/post-audit/runs', {
              planId: plan['id'],
              from: '2026-10-01',
              to: '2026-11-30',
            })
          )['samples'] as Body[]
        ).map((s) => [s['documentId'], s['reasons'][0]['code']]);
      const first = await draw();
      assert.equal(first.length, 3);
      assert.ok(first.every(([, code]) => code === 'random'));
      assert.deepEqual(await draw(), first);
      const all = await ok('audit', 'POST', '/api/v1/post-audit/plans', {
        name: '随机 99',
        body: { random: { count: 99, seed: 'x' } },
      });
      const whole = await ok('audit', 'POST', '/api/v1/post-audit/runs', {
        planId: all['id'],
        from: '2026-10-01',
        to: '2026-11-30',
      });
      assert.equal(whole['sampled'], 5);
    });

    it('records findings with severity and evidence on posted claims only', async () => {
      const draft = await as('audit', 'POST', '/api/v1/post-audit/findings', {
        documentId: draftId,
        severity: 'low',
        title: 'x',
        evidence: {},
      });
      assert.equal(draft.status, 422);
      assert.equal(draft.body['code'], 'post_audit_claim_not_posted');
      const unknownInvoice = await as('audit', 'POST', '/api/v1/post-audit/findings', {
        documentId: claims['C'],
        severity: 'low',
        title: 'x',
        evidence: { invoiceIds: ['0190f5a0-0000-7000-8000-000000000000'] },
      });
      assert.equal(unknownInvoice.status, 422);
      assert.ok(
        (unknownInvoice.body['errors'] as Body[]).some((e) => e['pointer'] === '/evidence/invoiceIds/0'),
        JSON.stringify(unknownInvoice.body),
      );
      const notSampled = await as('audit', 'POST', '/api/v1/post-audit/findings', {
        documentId: claims['A'],
        runId: narrowRunId,
        severity: 'low',
        title: 'x',
        evidence: {},
      });
      assert.equal(notSampled.status, 422, 'A was not sampled by the run over the second half of November');
      assert.equal(notSampled.body['errors'][0]['pointer'], '/runId');
    });

    it('asks the claimant to rectify, notifies them, takes their response only, and closes or waives', async () => {
      const finding = await ok('audit', 'POST', '/api/v1/post-audit/findings', {
        documentId: claims['A'],
        runId: run['id'],
        severity: 'high',
        title: '疑似拆单报销',
        evidence: {
          fields: [{ pointer: '/lines/0/amount', note: '与 B 合计 9300.00，超过 5000.00' }],
          notes: '两张打车票据连号',
        },
      });
      assert.equal(finding['status'], 'open');
      assert.equal(finding['claimantCode'], 'E011');
      assert.equal(finding['events'].length, 1);
      const requested = await ok(
        'audit',
        'POST',
        `/api/v1/post-audit/findings/${finding['id']}/rectification`,
        {
          message: '请说明两次打车的行程并补充行程单',
          dueOn: '2026-12-15',
        },
      );
      assert.equal(requested['status'], 'rectification_requested');
      assert.equal(requested['dueOn'], '2026-12-15');
      const notices = (await ok('zhang', 'GET', '/api/v1/notifications'))['items'] as Body[];
      const notice = notices.find((n) => n['kind'] === 'rectification_requested');
      assert.ok(notice, JSON.stringify(notices));
      assert.equal(notice['documentId'], claims['A']);
      assert.match(notice['message']['zh'], /疑似拆单报销.*2026-12-15/);

      const mine = (await ok('zhang', 'GET', '/api/v1/post-audit/my-findings'))['items'] as Body[];
      assert.deepEqual(
        mine.map((f) => f['id']),
        [finding['id']],
      );
      assert.equal(((await ok('chu', 'GET', '/api/v1/post-audit/my-findings'))['items'] as Body[]).length, 0);
      const stranger = await as('chu', 'POST', `/api/v1/post-audit/findings/${finding['id']}/response`, {
        text: '不是我的',
      });
      assert.equal(stranger.status, 403);
      assert.equal(stranger.body['code'], 'post_audit_not_claimant');
      assert.equal(
        (await as('zhang', 'GET', '/api/v1/post-audit/findings')).status,
        403,
        'the claimant reads only their own',
      );

      const responded = await ok('zhang', 'POST', `/api/v1/post-audit/findings/${finding['id']}/response`, {
        text: '两次为不同客户拜访，已补充行程单',
      });
      assert.equal(responded['status'], 'responded');
      const twice = await as('zhang', 'POST', `/api/v1/post-audit/findings/${finding['id']}/response`, {
        text: '再次',
      });
      assert.equal(twice.status, 409);
      assert.equal(twice.body['code'], 'post_audit_state_invalid');

      const auditor = world.session('audit');
      const stale = await world.t.request({
        method: 'POST',
        url: `/api/v1/post-audit/findings/${finding['id']}/close`,
        headers: {
          cookie: auditor.cookie,
          'x-csrf-token': auditor.csrf,
          'if-match': '"1"',
        },
        payload: { outcome: 'closed', note: '已整改' },
      });
      assert.equal(stale.statusCode, 409, 'an outdated version');
      const closed = await ok('audit', 'POST', `/api/v1/post-audit/findings/${finding['id']}/close`, {
        outcome: 'closed',
        note: '行程单已核对，整改完成',
      });
      assert.equal(closed['status'], 'closed');
      assert.deepEqual(
        (closed['events'] as Body[]).map((e) => [e['action'], e['toStatus']]),
        [
          ['record', 'open'],
          ['request_rectification', 'rectification_requested'],
          ['respond', 'responded'],
          ['close', 'closed'],
        ],
      );
      const reopen = await as('audit', 'POST', `/api/v1/post-audit/findings/${finding['id']}/rectification`, {
        message: '再查',
      });
      assert.equal(reopen.status, 409);

      const minor = await ok('zhao', 'POST', '/api/v1/post-audit/findings', {
        documentId: claims['C'],
        severity: 'low',
        title: '同一酒店连续入住',
        evidence: { invoiceIds: [invoiceOfC] },
      });
      const waived = await ok('zhao', 'POST', `/api/v1/post-audit/findings/${minor['id']}/close`, {
        outcome: 'waived',
        note: '协议酒店，属正常',
      });
      assert.equal(waived['status'], 'waived');

      const audit = (
        await ok('admin', 'GET', `/api/v1/audit-log?entityType=PostAuditFinding&entityId=${finding['id']}`)
      )['items'] as Body[];
      assert.deepEqual(audit.map((e) => e['action']).sort(), [
        'close',
        'create',
        'request_rectification',
        'respond',
      ]);

      const fetchedRun = await ok('audit', 'GET', `/api/v1/post-audit/runs/${run['id']}`);
      assert.equal(
        (fetchedRun['samples'] as Body[]).find((s) => s['documentId'] === claims['A'])?.['findings'],
        1,
      );
      const byClaim = await ok('audit', 'GET', `/api/v1/post-audit/findings?documentId=${claims['C']}`);
      assert.deepEqual(
        (byClaim['items'] as Body[]).map((f) => f['status']),
        ['waived'],
      );
    });

    it('lists findings per claim for the analytics', async () => {
      const { database } = world.t;
      const company = await findCompany(database, 'DEMO');
      assert.ok(company);
      const db = tenantDb(database.db, company.id);
      const all = await findingsByClaim(db);
      assert.deepEqual(
        all.map((c) => [letterOf(c.documentId), c.findings.map((f) => [f.severity, f.status])]),
        [
          ['A', [['high', 'closed']]],
          ['C', [['low', 'waived']]],
        ],
      );
      assert.deepEqual(
        (await findingsByClaim(db, { documentIds: [String(claims['C'])] })).map((c) =>
          letterOf(c.documentId),
        ),
        ['C'],
      );
      assert.deepEqual(await findingsByClaim(db, { from: '2030-01-01' }), []);
    });
  });
}

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { startDemoPeople, type Body, type DemoPeople } from './support/demo-people.ts';
import { DEMO_COMPANY, DEMO_SUPPLIERS } from '../src/demo/demo-company.ts';

/**
 * Lineage end to end, on both engines: a claim with an invoice, approved by the manager and posted to
 * the ERP, walked to its invoice, approver and voucher, each hop with its time and actor; a bank line
 * matched with the cashier's book entry; the red reversal found from the claim and from the original
 * voucher; a depth limit; an unknown id (404), an unknown type (422) and another company's claim.
 * (Payment hops — claim ↔ payment ↔ book entry — are the payments module's provider's.)
 */

const fixture = (name: string) => readFileSync(new URL(`./fixtures/bank/${name}`, import.meta.url));

for (const engine of ENGINES) {
  describe(`lineage on ${engine.engine}`, () => {
    let world: DemoPeople;
    let claimId: string;
    let invoiceId: string;
    let lineId: string;
    let bookEntryId: string;

    const as: DemoPeople['as'] = (...args) => world.as(...args);
    const ok: DemoPeople['ok'] = (...args) => world.ok(...args);
    const lineage = (who: string, type: string, id: string, query = '') =>
      as(who, 'GET', `/api/v1/lineage/${type}/${id}${query}`);
    const has = (graph: Body, type: string, id?: string) =>
      (graph['nodes'] as Body[]).some((n) => n['type'] === type && (id === undefined || n['id'] === id));
    const edge = (graph: Body, relation: string, fromType: string, toType: string) =>
      (graph['edges'] as Body[]).find(
        (e) => e['relation'] === relation && e['from']['type'] === fromType && e['to']['type'] === toType,
      );

    before(async () => {
      world = await startDemoPeople(engine, {
        seed: 31,
        adminScopes: ['connections:admin', 'claims:read', 'vouchers:read'],
        people: [
          ['zhang', 'E011', ['employee']],
          ['chen', 'E010', ['approver']],
          ['zhao', 'E003', ['finance']],
          ['audit', 'E002', ['auditor']],
        ],
      });

      await ok('zhao', 'POST', '/api/v1/bank-statements/accounts', {
        code: 'ICBC-01',
        accountNumber: '3100 1234 5600 0000 1',
        name: '演示科技有限公司',
        currency: 'CNY',
        openedOn: '2026-11-01',
        openingBalance: '100000.00',
        default: true,
      });
      const invoice = await ok('zhang', 'POST', '/api/v1/invoices', {
        type: 'digital_special',
        number: '26317000000000000991',
        issuedOn: '2026-11-20',
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
      invoiceId = String(invoice['id']);
      claimId = await world.postedClaim(
        {
          title: '上海出差',
          claimedOn: '2026-11-24',
          lines: [
            {
              categoryCode: 'HOTEL',
              description: '住宿',
              occurredOn: '2026-11-20',
              amount: '1060.00',
              invoiceIds: [invoiceId],
            },
            { categoryCode: 'TAXI', description: '打车', occurredOn: '2026-11-21', amount: '174.50' },
          ],
        },
        'the claim',
      );
      // the cashier's book entry of the transfer (the payments module books paid claims itself)
      bookEntryId = String(
        (
          await ok('zhao', 'POST', '/api/v1/bank-statements/book-entries', {
            account: 'ICBC-01',
            date: '2026-11-25',
            amount: '1234.50',
            direction: 'out',
            counterpartyName: '张三',
            reference: 'B2026112501',
          })
        )['id'],
      );
      await ok('zhao', 'POST', '/api/v1/bank-statements', {
        content: fixture('camt053-v08.xml').toString('base64'),
        account: 'ICBC-01',
      });
      await ok('zhao', 'POST', '/api/v1/bank-statements/matches:auto', { account: 'ICBC-01' });
      const lines = (
        await ok('zhao', 'GET', '/api/v1/bank-statements/lines?account=ICBC-01&status=matched&limit=500')
      )['items'] as Body[];
      const paidLine = lines.find((l) => l['amount'] === '1234.50');
      assert.ok(paidLine, 'the claim’s payment is matched on the statement');
      lineId = String(paidLine['id']);
    });
    after(async () => {
      await world.close();
    });

    it('walks from a claim to its invoice, its approver and its voucher, each hop timed and signed', async () => {
      const res = await lineage('audit', 'expense_claim', claimId);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const graph = res.body;
      assert.deepEqual(graph['root'], { type: 'expense_claim', id: claimId });
      for (const type of ['expense_claim', 'invoice', 'approval_task', 'voucher'])
        assert.ok(has(graph, type), `reaches a ${type}: ${JSON.stringify(graph['nodes'])}`);
      assert.ok(has(graph, 'invoice', invoiceId));
      const claimNode = (graph['nodes'] as Body[]).find((n) => n['type'] === 'expense_claim');
      assert.match(String(claimNode?.['label']), /上海出差 1234\.50 CNY/);
      assert.equal(claimNode?.['depth'], 0);

      const approved = edge(graph, 'approved', 'expense_claim', 'approval_task');
      assert.ok(approved, 'the approval hop');
      assert.ok(approved['actor'], 'names who approved');
      assert.match(String(approved['at']), /^\d{4}-\d\d-\d\dT/);
      const posted = edge(graph, 'posted_as', 'expense_claim', 'voucher');
      assert.ok(posted, 'the voucher hop');
      assert.equal(posted['actor'], approved['actor'], 'the approval that posted it');
      const attached = edge(graph, 'attached_to', 'invoice', 'expense_claim');
      assert.ok(attached);
      const times = (graph['edges'] as Body[]).map((e) => String(e['at']));
      assert.deepEqual(times, [...times].sort(), 'edges oldest first');
      assert.equal(graph['truncated'], false);

      // the same records from the other end: the invoice reaches the voucher through the claim
      const fromInvoice = (await lineage('zhao', 'invoice', invoiceId)).body;
      assert.ok(has(fromInvoice, 'voucher', posted['to']['id']));
      const voucherNode = (fromInvoice['nodes'] as Body[]).find((n) => n['type'] === 'voucher');
      assert.equal(voucherNode?.['depth'], 2, 'invoice → claim → voucher');
    });

    it('walks a bank statement line to its match and the book entry matched with it', async () => {
      const graph = (await lineage('audit', 'bank_line', lineId)).body;
      assert.ok(has(graph, 'bank_match'));
      assert.ok(has(graph, 'book_entry', bookEntryId));
      const matched = edge(graph, 'matched_in', 'bank_line', 'bank_match');
      assert.ok(matched);
      assert.ok(matched['actor'], 'names who matched (or the automatic matcher)');
      assert.ok(edge(graph, 'matched_in', 'book_entry', 'bank_match'));
      const line = (graph['nodes'] as Body[]).find((n) => n['type'] === 'bank_line');
      assert.equal(line?.['label'], '2026-11-25 -1234.50 CNY 张三');
      const fromEntry = (await lineage('zhao', 'book_entry', bookEntryId)).body;
      assert.ok(has(fromEntry, 'bank_line', lineId));
    });

    it('stops at the depth asked and says it was cut short', async () => {
      const res = await lineage('audit', 'bank_line', lineId, '?depth=1');
      assert.equal(res.status, 200);
      const types = (res.body['nodes'] as Body[]).map((n) => n['type']);
      assert.ok(types.includes('bank_match'));
      assert.ok(!types.includes('book_entry'), 'two hops away');
      assert.ok((res.body['nodes'] as Body[]).every((n) => n['depth'] <= 1));
      assert.equal(res.body['truncated'], true);
    });

    it('finds the red reversal of a reversed claim from the claim and from the original voucher', async () => {
      const reversed = await as('zhao', 'POST', `/api/v1/expense-claims/${claimId}/reverse`, {
        reason: '重复报销',
      });
      assert.equal(reversed.status, 200, JSON.stringify(reversed.body));
      const graph = (await lineage('audit', 'expense_claim', claimId)).body;
      const vouchers = (graph['nodes'] as Body[]).filter((n) => n['type'] === 'voucher');
      assert.equal(vouchers.length, 2, JSON.stringify(graph['nodes']));
      const reversedBy = edge(graph, 'reversed_by', 'voucher', 'voucher');
      assert.ok(reversedBy, 'original → reversal');
      assert.ok(edge(graph, 'reversed_as', 'expense_claim', 'voucher'));
      const reversal = (graph['nodes'] as Body[]).find((n) => n['id'] === reversedBy['to']['id']);
      assert.match(String(reversal?.['label']), /^红冲 /);

      const fromOriginal = (await lineage('audit', 'voucher', reversedBy['from']['id'], '?depth=1')).body;
      assert.ok(has(fromOriginal, 'voucher', reversedBy['to']['id']));
      assert.ok(has(fromOriginal, 'expense_claim', claimId));
    });

    it('answers 404 for an unknown record, 422 naming an unknown type, and 404 for another company’s claim', async () => {
      const missing = await lineage('audit', 'expense_claim', '0190f5a0-0000-7000-8000-000000000000');
      assert.equal(missing.status, 404);
      assert.equal(missing.body['code'], 'not_found');
      const wrongKind = await lineage('audit', 'expense_advance', claimId);
      assert.equal(wrongKind.status, 404, 'a claim is not an advance');
      const unknown = await lineage('audit', 'purchase_order', claimId);
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body['code'], 'lineage_type_unknown');
      assert.match(String(unknown.body['detail']), /purchase_order/);
      assert.equal(
        (await lineage('zhang', 'expense_claim', claimId)).status,
        403,
        'employees have no vouchers:read',
      );

      const { t } = world;
      await t.provision();
      const other = await t.bearer('ACME', ['vouchers:read']);
      const res = await t.request({ url: `/api/v1/lineage/expense_claim/${claimId}`, headers: other });
      assert.equal(res.statusCode, 404);
    });
  });
}

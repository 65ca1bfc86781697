import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConnectorDefinition, RunningSimulator } from '../src/connectors/contract.ts';
import { KINGDEE } from '../src/connectors/kingdee/definition.ts';
import { ORACLE_FUSION } from '../src/connectors/oracle-fusion/definition.ts';
import { SAP_B1 } from '../src/connectors/sap-b1/definition.ts';
import { SAP_S4 } from '../src/connectors/sap-s4/definition.ts';
import { YONBIP } from '../src/connectors/yonbip/definition.ts';
import { YONYOU_U8 } from '../src/connectors/yonyou-u8/definition.ts';
import { FILE_EXCHANGE } from '../src/connectors/file-exchange/definition.ts';
import { setPeriodStatus } from '../src/finance/expenses/periods.ts';
import { runDueReconciliations } from '../src/finance/reconciliation/schedule.ts';
import { submitDocument } from '../src/hub/postings.ts';
import { findCompany } from '../src/platform/store/companies.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';
import { MASTER } from './connectors/master-data.ts';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { postThroughHub, TRAVEL_VOUCHER } from './support/through-hub.ts';
import { until } from './support/wait.ts';

/**
 * Hub ↔ ERP reconciliation (对账) end to end, on both engines, against the Kingdee and the SAP S/4HANA
 * simulators: vouchers posted through the hub, then — behind the integration's back — one deleted in
 * the ERP, one's amounts altered, one moved to another account, one extra carrying a reference of ours,
 * and one reversal (红冲) posted by FinBridge that the ERP no longer holds. The report names each, the
 * Excel export carries them, re-posting the lost voucher repairs it (the next run matches it), a deleted
 * reversal is marked deliberately deleted with a reason, and an ERP that cannot be reached is reported
 * "not checked" — never "all matched".
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;

const ERPS: readonly {
  readonly definition: ConnectorDefinition;
  readonly prefix: string;
  /** The ERP refuses a request signed with a time far from its own: the hub's clock runs on real time. */
  readonly signsWithTime?: boolean;
  /** An address that reaches no ERP (default http://127.0.0.1:9/). */
  readonly unreachableUrl?: string;
  /**
   * False when a re-post cannot reach the ERP again: a file exchange's acknowledgement of the first
   * file says the voucher was imported, so the same reference is not written twice.
   */
  readonly repostResends?: boolean;
}[] = [
  // a short document id: the reference fits every ERP field as it is
  { definition: KINGDEE, prefix: 'K' },
  // a long one: S/4's 16-character DocumentReferenceID holds a digest of it (storedReference)
  { definition: SAP_S4, prefix: 'RECON-S4-VOUCHER' },
  // YonBIP keeps it in businessId and externalSourceDataId, listed by queryVouchers
  { definition: YONBIP, prefix: 'YB', signsWithTime: true },
  // U8 keeps it in reserve2 of an external (CDM) voucher, listed by voucher/batch_get
  { definition: YONYOU_U8, prefix: 'U8' },
  // B1 keeps it in Reference2 of a journal entry, listed by GET JournalEntries on ReferenceDate
  { definition: SAP_B1, prefix: 'B1' },
  // Oracle keeps it in the journal reference (REFERENCE6), listed by GET journalBatches of the period;
  // the simulator's connection signs JWTs with the hub's clock
  { definition: ORACLE_FUSION, prefix: 'ORA', signsWithTime: true },
  // a file-exchange ERP keeps it in the voucher file's reference column, listed by a voucher-list export
  {
    definition: FILE_EXCHANGE,
    prefix: 'FX',
    unreachableUrl: 'sftp://127.0.0.1:9/',
    repostResends: false,
  },
];

const voucher = (amount: string, account = '660202') => ({
  ...TRAVEL_VOUCHER,
  lines: [
    { summary: '差旅费', accountCode: account, debit: amount, aux: { department: 'SALES-E' } },
    { summary: '应付报销款', accountCode: '224101', credit: amount },
  ],
});

for (const engine of ENGINES) {
  for (const erp of ERPS) {
    const name = erp.definition.manifest.names.en;
    describe(`Hub ↔ ERP reconciliation with ${name} on ${engine.engine}`, () => {
      let t: TestApp;
      let sim: RunningSimulator;
      let auth: Record<string, string>;
      let connectionId: string;
      const refOf = (doc: string) => `FB-ACME-${erp.prefix}-${doc}-1`;
      const stored = (reference: string) => erp.definition.storedReference?.(reference) ?? reference;
      const tamper = async (reference: string, change: 'delete' | 'alter', account?: string) => {
        const url = new URL('/__sim/documents/tamper', sim.adminUrl ?? sim.url);
        const res = await fetch(url, {
          method: 'POST',
          body: JSON.stringify({
            reference: stored(reference),
            change,
            ...(account === undefined ? {} : { account }),
          }),
        });
        assert.equal(res.status, 200, await res.text());
      };
      const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
        const res = await t.request({
          method,
          url,
          headers: auth,
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        const type = res.headers['content-type'] ?? '';
        return {
          status: res.statusCode,
          body: type.includes('spreadsheetml') ? {} : res.json<Body>(),
          raw: res.rawPayload,
        };
      };
      const reconcile = async (connection = connectionId) => {
        const res = await call('POST', '/api/v1/reconciliations', {
          connectionId: connection,
          period: '2026-11',
        });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        return res.body;
      };
      const report = async (id: string) => {
        const res = await call('GET', `/api/v1/reconciliations/${id}?limit=1000`);
        assert.equal(res.status, 200, JSON.stringify(res.body) + t.logLines.slice(-3).join('\n'));
        return res.body;
      };
      const byReference = (differences: Body[]) =>
        Object.fromEntries(differences.map((d) => [String(d['reference']), d]));

      let firstRun: string;

      before(async () => {
        sim = await erp.definition.simulator.start({ master: MASTER, now: () => new Date(), seed: 7 });
        t = await startTestApp(
          engine,
          { LOG_LEVEL: 'warn' },
          { worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } } },
        );
        if (erp.signsWithTime === true) t.clock.set(new Date());
        await t.provision();
        auth = await t.bearer('ACME', [
          'connections:admin',
          'vouchers:write',
          'vouchers:read',
          'reconciliations:read',
          'reconciliations:write',
          'audit:read',
        ]);
        const created = await call('POST', '/api/v1/connections', {
          name: `${name} 对账`,
          type: erp.definition.manifest.id,
          baseUrl: sim.url,
          ...sim.connection,
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        connectionId = String(created.body['id']);
      });
      after(async () => {
        await t.close();
        await sim.close();
      });

      it('names every difference: deleted, altered in amount, moved to another account, extra with our reference, reversed only in FinBridge', async () => {
        const posted: Record<string, { id: string }> = {};
        for (const [doc, amount] of [
          ['1', '1200.00'],
          ['2', '300.00'],
          ['3', '450.50'],
          ['4', '99.99'],
          ['5', '800.00'],
        ] as const)
          posted[doc] = await postThroughHub(t, auth, {
            connectionId,
            documentId: `${erp.prefix}-${doc}`,
            voucher: voucher(amount),
          });
        // FinBridge reverses voucher 5 (红冲); the ERP's user then deletes the reversal
        const company = await findCompany(t.database, 'ACME');
        assert.ok(company !== undefined);
        const db = tenantDb(t.database.db, company.id);
        const writer = { actor: 'system:test', audit: t.running.context.security.audit };
        const reversal = await submitDocument(db, writer, 'ACME', {
          connectionId,
          kind: 'voucher',
          documentId: `${erp.prefix}-5R`,
          reverses: posted['5']?.id ?? '',
          document: { ...voucher('800.00'), lines: voucher('-800.00').lines.map((l) => l) },
        });
        await until('reversal posted', async () => {
          const p = await call('GET', `/api/v1/postings/${reversal.posting.id}`);
          return p.body['status'] === 'posted';
        });
        // an ERP user's own voucher carrying a reference of ours that FinBridge never posted there
        const connector = erp.definition.create(
          { baseUrl: sim.url, ...sim.connection },
          {
            now: () => new Date(),
            log: () => {},
            timeoutMs: 5000,
          },
        );
        const ghost = await connector.push(
          {
            kind: 'voucher',
            value: (await import('../src/model/voucher.ts')).voucherOrThrow(voucher('66.00')),
          },
          'FB-ACME-GHOST-1',
          {
            valueMaps: (await import('../src/connectors/contract.ts')).EMPTY_VALUE_MAPS,
            settings: erp.definition.manifest.profileSettings.defaults,
          },
        );
        assert.equal(ghost.outcome, 'success', JSON.stringify(ghost));
        await tamper(refOf('2'), 'delete');
        await tamper(refOf('3'), 'alter');
        await tamper(refOf('4'), 'alter', '660299');
        await tamper(refOf('5R'), 'delete');

        const run = await reconcile();
        firstRun = String(run['id']);
        assert.equal(run['status'], 'differences');
        assert.equal(run['ourCount'], 6);
        const { differences, summary } = await report(firstRun);
        const found = byReference(differences as Body[]);
        assert.deepEqual(Object.fromEntries(Object.entries(found).map(([ref, d]) => [ref, d['kind']])), {
          [refOf('2')]: 'missing_in_erp',
          [refOf('3')]: 'amount_differs',
          [refOf('4')]: 'account_differs',
          [stored('FB-ACME-GHOST-1')]: 'extra_in_erp',
          [refOf('5R')]: 'reversed_only_in_finbridge',
        });
        assert.equal(found[refOf('3')]?.['ourAmountMinor'], '45050');
        assert.equal(found[refOf('3')]?.['erpAmountMinor'], '45051');
        assert.deepEqual(
          (found[refOf('4')]?.['detail']['accounts'] as Body[])
            .map((a) => [a['account'], a['ours'], a['erp']])
            .sort(),
          [
            ['660202', '9999', '0'],
            ['660299', '0', '9999'],
          ],
        );
        assert.deepEqual(found[refOf('2')]?.['actions'], ['repost', 'mark_deleted']);
        assert.deepEqual(found[stored('FB-ACME-GHOST-1')]?.['actions'], ['acknowledge']);
        // the summary per voucher word and account: what was posted on 660202, on both sides
        const travel = (summary as Body[]).find((s) => s['word'] === '记' && s['account'] === '660202');
        assert.ok(travel !== undefined, JSON.stringify(summary));
        // the reversal's red (negative) debit offsets voucher 5's
        assert.equal(travel['ourDebit'], String(120000 + 30000 + 45050 + 9999 + 80000 - 80000));
      });

      it('exports the report as an Excel workbook with the summary and every difference', async () => {
        const res = await call('GET', `/api/v1/reconciliations/${firstRun}/workbook`);
        assert.equal(res.status, 200);
        const { default: ExcelJS } = await import('exceljs');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(res.raw as never);
        assert.deepEqual(
          workbook.worksheets.map((w) => w.name),
          ['对账 Report', '汇总 Summary', '差异 Differences'],
        );
        const diffs = workbook.getWorksheet('差异 Differences');
        assert.ok(diffs !== undefined);
        assert.equal(diffs.rowCount, 6, 'a header and five differences');
        const kinds = [2, 3, 4, 5, 6].map((r) => diffs.getRow(r).getCell(2).text);
        assert.ok(kinds.some((k) => k.includes('missing_in_erp')));
      });

      it('repairs only what is safe: re-posts the lost voucher (the next run matches it) and records the deleted reversal with its reason', async () => {
        const { differences } = await report(firstRun);
        const found = byReference(differences as Body[]);
        const unsafe = await call(
          'POST',
          `/api/v1/reconciliations/${firstRun}/differences/${String(found[stored('FB-ACME-GHOST-1')]?.['seq'])}/resolve`,
          {
            action: 'repost',
            reason: 'x',
          },
        );
        assert.equal(unsafe.status, 409);
        assert.equal(unsafe.body['code'], 'reconciliation_repair_unsafe');
        const repost = await call(
          'POST',
          `/api/v1/reconciliations/${firstRun}/differences/${String(found[refOf('2')]?.['seq'])}/resolve`,
          {
            action: 'repost',
            reason: '凭证在 ERP 中被误删',
          },
        );
        assert.equal(repost.status, 200, JSON.stringify(repost.body));
        assert.equal(repost.body['resolution'], 'reposted');
        const again = await call(
          'POST',
          `/api/v1/reconciliations/${firstRun}/differences/${String(found[refOf('2')]?.['seq'])}/resolve`,
          {
            action: 'repost',
            reason: 'twice',
          },
        );
        assert.equal(again.status, 409);
        const marked = await call(
          'POST',
          `/api/v1/reconciliations/${firstRun}/differences/${String(found[refOf('5R')]?.['seq'])}/resolve`,
          {
            action: 'mark_deleted',
            reason: '红冲凭证已由会计在 ERP 中作废',
          },
        );
        assert.equal(marked.status, 200, JSON.stringify(marked.body));
        assert.equal(marked.body['resolution'], 'deliberately_deleted');
        await until('re-posted', async () => {
          const p = await call('GET', `/api/v1/postings/${String(found[refOf('2')]?.['postingId'])}`);
          return p.body['status'] === 'posted';
        });
        const next = await reconcile();
        const nextFound = byReference((await report(String(next['id'])))['differences'] as Body[]);
        if (erp.repostResends === false) {
          assert.equal(
            nextFound[refOf('2')]?.['kind'],
            'missing_in_erp',
            'still missing: nothing was re-sent',
          );
          assert.equal(next['differenceCount'], 5);
        } else {
          assert.equal(nextFound[refOf('2')], undefined, 'the re-posted voucher matches now');
          assert.equal(next['differenceCount'], 4);
        }
        // the audit log seals entries a moment after they are written
        const actions = await until('repairs in the audit log', async () => {
          const audit = await call('GET', '/api/v1/audit-log?entityType=ReconciliationDifference');
          assert.equal(audit.status, 200, JSON.stringify(audit.body));
          const found = ((audit.body['items'] ?? []) as Body[]).map((e) => String(e['action']));
          return found.length >= 2 ? found : undefined;
        });
        assert.deepEqual(actions.sort(), ['mark_deleted', 'repost']);
        const listed = await call(
          'GET',
          `/api/v1/reconciliations?connectionId=${connectionId}&period=2026-11`,
        );
        assert.equal((listed.body['items'] as Body[]).length, 2);
        assert.equal((listed.body['items'] as Body[])[1]?.['openCount'], 3);
      });

      it('reconciles a closed period on schedule once its last voucher reached the ERP, and once per closing', async () => {
        const company = await findCompany(t.database, 'ACME');
        assert.ok(company !== undefined);
        const db = tenantDb(t.database.db, company.id);
        const { audit } = t.running.context.security;
        const deps = { keyring: t.running.context.security.keyring, clock: t.running.context.clock, audit };
        assert.equal(await runDueReconciliations(t.database, deps), 0, 'no closed period yet');
        await setPeriodStatus(db, { actor: 'system:test', audit }, '2026-11', 'closed');
        assert.equal(await runDueReconciliations(t.database, deps), 1);
        assert.equal(await runDueReconciliations(t.database, deps), 0, 'once per closing');
        const listed = await call('GET', `/api/v1/reconciliations?connectionId=${connectionId}`);
        const scheduled = (listed.body['items'] as Body[])[0] ?? {};
        assert.equal(scheduled['trigger'], 'schedule');
        assert.equal(scheduled['startedBy'], 'system:reconciliation');
        assert.equal(scheduled['period'], '2026-11');
        assert.equal(scheduled['status'], 'differences');
        await setPeriodStatus(db, { actor: 'system:test', audit }, '2026-11', 'open');
      });

      it('reports an ERP it cannot reach as not checked, never as matched, and refuses a malformed period by field', async () => {
        const created = await call('POST', '/api/v1/connections', {
          name: `${name} 不可达`,
          type: erp.definition.manifest.id,
          baseUrl: erp.unreachableUrl ?? 'http://127.0.0.1:9/',
          ...sim.connection,
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const run = await reconcile(String(created.body['id']));
        assert.equal(run['status'], 'not_checked');
        assert.equal(run['failure']['reason'], 'unreachable');
        assert.equal(run['differenceCount'], 0);
        assert.equal(run['matchedCount'], 0);
        const bad = await call('POST', '/api/v1/reconciliations', { connectionId, period: '2026-17' });
        assert.equal(bad.status, 422);
        assert.equal(
          bad.body['errors']?.[0]?.['pointer'] ?? bad.body['failures']?.[0]?.['pointer'],
          '/period',
          JSON.stringify(bad.body),
        );
      });
    });
  }
}

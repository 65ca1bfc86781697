import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  EMPTY_VALUE_MAPS,
  type CanonicalDocument,
  type Connector,
  type ConnectorContext,
  type MappingProfile,
  type PushResult,
} from '../../../src/connectors/contract.ts';
import { SAP_S4 } from '../../../src/connectors/sap-s4/definition.ts';
import {
  ODATA_ANSWERS,
  SOAP_ANSWERS,
  type RecordedAnswer,
} from '../../../src/connectors/sap-s4/fixtures/answers.ts';
import { DEFAULT_S4_SETTINGS } from '../../../src/connectors/sap-s4/map/profile.ts';
import { referenceKey } from '../../../src/connectors/sap-s4/map/reference.ts';
import { startS4Simulator, type S4Simulator } from '../../../src/connectors/sap-s4/simulator/server.ts';
import type { SimulatedDocument } from '../../../src/connectors/simulator-admin.ts';
import { sampleReimbursement } from '../../../src/demo/sample-vouchers.ts';
import { parseVoucher } from '../../../src/model/voucher.ts';
import { supplierBill, voucher } from '../conformance.ts';
import { MASTER } from '../master-data.ts';

const PROFILE: MappingProfile = {
  valueMaps: { ...EMPTY_VALUE_MAPS, expenseCategories: { OFFICE: '660202', MEETING: '660202' } },
  settings: DEFAULT_S4_SETTINGS,
};
const doc = (): CanonicalDocument => ({ kind: 'voucher', value: voucher() });
const bill = (): CanonicalDocument => ({ kind: 'supplier_bill', value: supplierBill() });

describe('S/4 sessions, CSRF tokens and OAuth tokens on the tenant’s clock', () => {
  let clock = Date.parse('2026-11-28T02:00:00Z');
  const now = () => new Date(clock);
  let sim: S4Simulator;
  const ctx: ConnectorContext = { now, log: () => {}, timeoutMs: 2000 };
  const basic = () => SAP_S4.create({ baseUrl: sim.url, ...sim.connection }, ctx);
  const oauth = () => SAP_S4.create({ baseUrl: sim.url, ...sim.oauthConnection }, ctx);

  before(async () => {
    sim = await startS4Simulator({ master: MASTER, now, sessionTtlS: 60 });
  });
  after(() => sim.close());

  it('refetches a CSRF token that outlived csrfTokenTtlS, once, and the invoice is created', async () => {
    sim.setFaults({ csrfTokenTtlS: 30 });
    try {
      const connector = basic();
      assert.equal((await connector.push(bill(), 'FB-F-C1', PROFILE)).outcome, 'success');
      clock += 31_000;
      const before = sim.stats['csrfRequired'] ?? 0;
      const result = await connector.push(bill(), 'FB-F-C2', PROFILE);
      assert.equal(result.outcome, 'success', JSON.stringify(result));
      assert.equal((sim.stats['csrfRequired'] ?? 0) - before, 1);
    } finally {
      sim.setFaults({ csrfTokenTtlS: 0 });
    }
  });

  it('survives an idle session that S/4 ended: new session cookie, new token, the write goes through', async () => {
    const connector = basic();
    assert.equal((await connector.push(bill(), 'FB-F-S1', PROFILE)).outcome, 'success');
    clock += 61_000;
    const result = await connector.push(bill(), 'FB-F-S2', PROFILE);
    assert.equal(result.outcome, 'success', JSON.stringify(result));
    sim.expireSessions();
    assert.equal((await connector.push(bill(), 'FB-F-S3', PROFILE)).outcome, 'success');
  });

  it('gives up with auth_expired, storing nothing, when the fresh CSRF token is refused as well', async () => {
    // a tenant whose clock runs two seconds a call: every CSRF token has died by the time it is used
    let fast = Date.parse('2026-11-28T02:00:00Z');
    const hasty = await startS4Simulator({
      master: MASTER,
      now: () => new Date((fast += 2000)),
      s4Faults: { csrfTokenTtlS: 1 },
    });
    try {
      const connector = SAP_S4.create({ baseUrl: hasty.url, ...hasty.connection }, ctx);
      const result = await connector.push(bill(), 'FB-F-S5', PROFILE);
      assert.deepEqual('code' in result && [result.outcome, result.code], ['auth_expired', 'CSRF']);
      assert.equal(hasty.stats['csrfRequired'], 2, 'refetched and retried once, not more');
      assert.equal(hasty.book.supplierInvoices.length, 0);
    } finally {
      await hasty.close();
    }
  });

  it('asks for one OAuth token for concurrent calls and renews it before it runs out', async () => {
    const connector = oauth();
    const before = sim.stats['tokens'] ?? 0;
    const results = await Promise.all([1, 2, 3, 4].map((n) => connector.push(doc(), `FB-F-O${n}`, PROFILE)));
    assert.deepEqual(
      results.map((r) => r.outcome),
      ['success', 'success', 'success', 'success'],
    );
    assert.equal((sim.stats['tokens'] ?? 0) - before, 1, 'one token for all four');
    clock += 50_000; // 50 of 60 s: past the renewal point
    assert.equal((await connector.push(doc(), 'FB-F-O5', PROFILE)).outcome, 'success');
    assert.equal((sim.stats['tokens'] ?? 0) - before, 2);
  });

  it('fetches a new OAuth token when S/4 refuses the old one with 401, and retries once', async () => {
    const connector = oauth();
    assert.equal((await connector.push(bill(), 'FB-F-O6', PROFILE)).outcome, 'success');
    sim.expireOAuthTokens();
    const before = sim.stats['unauthorized'] ?? 0;
    const tokens = sim.stats['tokens'] ?? 0;
    assert.equal((await connector.push(bill(), 'FB-F-O7', PROFILE)).outcome, 'success');
    assert.equal((await connector.push(doc(), 'FB-F-O8', PROFILE)).outcome, 'success');
    assert.equal((sim.stats['unauthorized'] ?? 0) - before, 1);
    assert.equal((sim.stats['tokens'] ?? 0) - tokens, 1);
  });

  it('rejects a wrong client secret at the token endpoint and does not ask again', async () => {
    const wrong = SAP_S4.create(
      {
        baseUrl: sim.url,
        settings: { authKind: 'oauth-client-credentials' },
        credentials: { clientId: sim.accounts.clientId, clientSecret: 'wrong' },
      },
      ctx,
    );
    const before = sim.stats['tokens'] ?? 0;
    const result = await wrong.push(doc(), 'FB-F-O9', PROFILE);
    assert.deepEqual('code' in result && [result.outcome, result.code], ['rejected', 'token HTTP 401']);
    assert.equal((sim.stats['tokens'] ?? 0) - before, 1);
  });
});

describe('the standalone S/4 simulator, as a customer’s UAT uses it', () => {
  it('switches S/4’s own faults with the common ones through /__sim/faults, and lists its documents', async () => {
    const running = await SAP_S4.simulator.start({ master: MASTER, now: () => new Date() });
    try {
      const root = running.url;
      const put = (body: unknown) =>
        fetch(`${root}__sim/faults`, { method: 'PUT', body: JSON.stringify(body) });
      assert.equal((await put({ csrfTokenTtlS: -1 })).status, 400);
      assert.equal((await put({ duplicateInvoiceCheck: 'maybe' })).status, 400);
      assert.equal((await put({ nonsense: 1 })).status, 400);
      const changed = await put({
        errorRate: 0,
        soapFaultRate: 0.5,
        closedPeriods: ['2026-10'],
        serverPageSize: 2,
      });
      assert.equal(changed.status, 200);
      const faults = (await (await fetch(`${root}__sim/faults`)).json()) as Record<string, unknown>;
      assert.deepEqual(
        [faults['soapFaultRate'], faults['closedPeriods'], faults['serverPageSize'], faults['errorRate']],
        [0.5, ['2026-10'], 2, 0],
      );
      assert.equal((await put({ soapFaultRate: 0 })).status, 200);
      const expired = await fetch(`${root}__sim/s4/expire-csrf-tokens`, { method: 'POST' });
      assert.deepEqual(await expired.json(), { expired: 0 });
      const connector = SAP_S4.create(
        { baseUrl: running.url, ...running.connection },
        { now: () => new Date(), log: () => {}, timeoutMs: 2000 },
      );
      const v = await connector.push(doc(), 'FB-U-1', PROFILE);
      const b = await connector.push(bill(), 'FB-U-2', { ...PROFILE });
      assert.ok(v.outcome === 'success' && b.outcome === 'success');
      const documents = (await (await fetch(`${root}__sim/documents`)).json()) as SimulatedDocument[];
      assert.deepEqual(documents, [
        { kind: 'voucher', erpId: v.erpId, erpNumber: v.erpNumber, reference: 'FB-U-1' },
        { kind: 'supplier_bill', erpId: b.erpId, erpNumber: b.erpNumber, reference: 'FB-U-2' },
      ]);
      const stats = (await (await fetch(`${root}__sim/stats`)).json()) as Record<string, number>;
      assert.equal(stats['journalEntries'], 1);
      assert.equal(stats['supplierInvoices'], 1);
      assert.ok(running.banner.some((line) => line.includes("curl -u 'FINBRIDGE_COMM:")));
    } finally {
      await running.close();
    }
  });

  it('keeps its book in a file: documents survive a restart and numbering goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'finbridge-s4-book-'));
    const bookFile = join(dir, 'book.json');
    const ctx: ConnectorContext = { now: () => new Date(), log: () => {}, timeoutMs: 2000 };
    try {
      const first = await startS4Simulator({ master: MASTER, now: () => new Date(), bookFile });
      const a = await SAP_S4.create({ baseUrl: first.url, ...first.connection }, ctx).push(
        doc(),
        'FB-K-1',
        PROFILE,
      );
      const i = await SAP_S4.create({ baseUrl: first.url, ...first.connection }, ctx).push(
        bill(),
        'FB-K-2',
        PROFILE,
      );
      await first.close();
      const second = await startS4Simulator({ master: MASTER, now: () => new Date(), bookFile });
      try {
        const connector = SAP_S4.create({ baseUrl: second.url, ...second.connection }, ctx);
        assert.ok(a.outcome === 'success' && i.outcome === 'success');
        assert.deepEqual(await connector.lookup('voucher', 'FB-K-1'), {
          found: true,
          erpId: a.erpId,
          erpNumber: a.erpNumber,
        });
        assert.deepEqual(await connector.lookup('supplier_bill', 'FB-K-2'), {
          found: true,
          erpId: i.erpId,
          erpNumber: i.erpNumber,
        });
        const b = await connector.push(doc(), 'FB-K-3', PROFILE);
        assert.ok(b.outcome === 'success');
        assert.equal(Number(b.erpNumber), Number(a.erpNumber) + 1);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('S/4 answers the connector cannot read', () => {
  let server: Server;
  let url = '';
  let next: RecordedAnswer = SOAP_ANSWERS.truncated;
  before(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        // the CSRF fetch works; the answer under test is the one to the call after it
        if (req.headers['x-csrf-token'] === 'Fetch') {
          res.writeHead(200, { 'content-type': 'application/json', 'x-csrf-token': 'tok' });
          res.end('{"d":{"EntitySets":["A_SupplierInvoice"]}}');
          return;
        }
        res.writeHead(next.status, next.headers);
        res.end(next.text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const connector = (): Connector =>
    SAP_S4.create(
      { baseUrl: url, settings: { authKind: 'basic' }, credentials: { username: 'U', password: 'P' } },
      { now: () => new Date(), log: () => {}, timeoutMs: 1000 },
    );

  it('classifies cut-off XML, an HTML page and a JSON body on a post as ambiguous', async () => {
    for (const answer of [
      SOAP_ANSWERS.truncated,
      ODATA_ANSWERS.loginPage,
      ODATA_ANSWERS.proxyPage,
      SOAP_ANSWERS.wrongType,
    ]) {
      next = answer;
      const result = await connector().push(doc(), 'FB-M-1', PROFILE);
      assert.equal(result.outcome, 'ambiguous', answer.text.slice(0, 60));
    }
  });

  it('classifies cut-off JSON on an invoice create as ambiguous, and on reads as transient', async () => {
    next = ODATA_ANSWERS.truncated;
    const created = await connector().push(bill(), 'FB-M-2', PROFILE);
    assert.deepEqual('code' in created && [created.outcome, created.code], [
      'ambiguous',
      'unreadable_answer',
    ]);
    const looked = await connector().lookup('supplier_bill', 'FB-M-2');
    assert.deepEqual('outcome' in looked && [looked.outcome, looked.code], [
      'transient',
      'unreadable_answer',
    ]);
    next = ODATA_ANSWERS.loginPage;
    const page = await connector().pull('suppliers', { modifiedAt: null, number: null }, 10);
    assert.equal('outcome' in page && page.outcome, 'transient');
  });
});

/**
 * What the hub's worker does with one posting: push; an ambiguous outcome is looked up (until the
 * lookup itself answers), found → posted, not found → sent again; transient and throttled are retried.
 */
const backoff = () => new Promise((r) => setTimeout(r, 20 + Math.random() * 40));

async function postExactlyOnce(
  connector: Connector,
  document: CanonicalDocument,
  reference: string,
): Promise<PushResult> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const result = await connector.push(document, reference, PROFILE);
    if (result.outcome === 'success' || result.outcome === 'rejected') return result;
    if (result.outcome === 'ambiguous') {
      for (;;) {
        const found = await connector.lookup(document.kind, reference);
        if ('found' in found) {
          if (found.found) return { outcome: 'success', erpId: found.erpId, erpNumber: found.erpNumber };
          break;
        }
        await backoff();
      }
    } else await backoff();
  }
  throw new Error(`${reference} did not settle`);
}

describe('exactly once under every fault at once (the chaos run in small)', () => {
  const CHAOS = {
    errorRate: 0.05,
    timeoutRate: 0.03,
    dropAfterCommitRate: 0.08,
    throttleRps: 400,
    latencyMs: 1,
  };
  const run = async (
    auth: 'basic' | 'oauth',
    documents: (i: number) => CanonicalDocument,
    extra: Record<string, unknown>,
  ) => {
    const sim = await startS4Simulator({
      master: MASTER,
      now: () => new Date(),
      seed: 42,
      sessionTtlS: 5,
      ...CHAOS,
      s4Faults: extra,
    });
    try {
      // one connector shared by every concurrent call, as one worker process shares it
      const connector = SAP_S4.create(
        { baseUrl: sim.url, ...(auth === 'basic' ? sim.connection : sim.oauthConnection) },
        // the chaos run's call deadline
        { now: () => new Date(), log: () => {}, timeoutMs: 800 },
      );
      const references = Array.from({ length: 50 }, (_, i) => `FB-CHAOS-${auth}-${i}`);
      const results = await Promise.all(
        references.map((ref, i) => postExactlyOnce(connector, documents(i), ref)),
      );
      assert.deepEqual(
        new Set(results.map((r) => r.outcome)),
        new Set(['success']),
        JSON.stringify(results.filter((r) => r.outcome !== 'success')),
      );
      await fetch(`${sim.url}__sim/faults`, {
        method: 'PUT',
        body: '{"errorRate":0,"timeoutRate":0,"dropAfterCommitRate":0,"throttleRps":0}',
      });
      const listed = (await (await fetch(`${sim.url}__sim/documents`)).json()) as SimulatedDocument[];
      const counts = new Map<string, number>();
      for (const d of listed) counts.set(d.reference, (counts.get(d.reference) ?? 0) + 1);
      // the book holds what S/4 stores in XBLNR: a reference longer than 16 characters as its digest
      assert.deepEqual(
        references
          .filter((r) => counts.get(referenceKey(r)) !== 1)
          .map((r) => [r, counts.get(referenceKey(r)) ?? 0]),
        [],
        'every reference exactly once',
      );
      return sim.stats;
    } finally {
      await sim.close();
    }
  };

  it('posts 50 concurrent vouchers exactly once with the chaos run’s faults', async () => {
    const sample = (i: number): CanonicalDocument => {
      const parsed = parseVoucher(sampleReimbursement(i, 'CHAOS', 'E011', 'SALES-E'));
      assert.ok(parsed.ok);
      return { kind: 'voucher', value: parsed.value };
    };
    const stats = await run('basic', sample, {});
    assert.ok((stats['dropped'] ?? 0) > 0 && (stats['errors'] ?? 0) > 0, JSON.stringify(stats));
  });

  it('posts 50 concurrent vouchers and invoices exactly once as an OAuth client, with CSRF tokens dying every second', async () => {
    const stats = await run('oauth', (i) => (i % 2 === 0 ? doc() : bill()), {
      csrfTokenTtlS: 1,
      sessionTtlS: 1,
    });
    assert.ok((stats['dropped'] ?? 0) > 0, JSON.stringify(stats));
  });
});

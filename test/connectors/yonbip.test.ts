import assert from 'node:assert/strict';
import { postThroughHub, TRAVEL_VOUCHER } from '../support/through-hub.ts';
import { after, before, describe, it } from 'node:test';
import {
  EMPTY_VALUE_MAPS,
  type CanonicalDocument,
  type ConnectorContext,
  type MappingProfile,
} from '../../src/connectors/contract.ts';
import { CONNECTORS } from '../../src/connectors/index.ts';
import { YONBIP } from '../../src/connectors/yonbip/definition.ts';
import { DEFAULT_YONBIP_SETTINGS } from '../../src/connectors/yonbip/map/profile.ts';
import { startYonBipSimulator, type YonBipSimulator } from '../../src/connectors/yonbip/simulator/server.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ENGINES } from '../support/engines.ts';
import { conformance, voucher } from './conformance.ts';
import { MASTER } from './master-data.ts';

const PROFILE: MappingProfile = { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_YONBIP_SETTINGS };
const doc = (overrides: Record<string, unknown> = {}): CanonicalDocument => ({
  kind: 'voucher',
  value: voucher(overrides),
});
const saved = (sim: YonBipSimulator, reference: string) =>
  sim.book.vouchers.filter((v) => v.businessId === reference);

conformance('Yonyou YonBIP ⇄ simulator', YONBIP.manifest, async () => {
  const sim = await startYonBipSimulator({ master: MASTER, now: () => new Date() });
  const ctx: ConnectorContext = { now: () => new Date(), log: () => {}, timeoutMs: 2000 };
  return {
    connector: YONBIP.create({ baseUrl: sim.url, ...sim.connection }, ctx),
    profile: PROFILE,
    countInErp: (_kind, reference) => saved(sim, reference).length,
    dropNextResponse: () => sim.dropNextCommits(1),
    touch: () => {
      const [code = ''] = [...sim.book.vendors.keys()].sort();
      // a minute on, as the tenant's clock would have it (pubts is China time, to the second)
      const at = new Date(Date.now() + 8 * 3600_000 + 60_000).toISOString().slice(0, 19).replace('T', ' ');
      sim.book.touchVendor(code, at);
      return code;
    },
    close: () => sim.close(),
  };
});

describe('Yonyou YonBIP connector ⇄ simulator', () => {
  let sim: YonBipSimulator;
  const ctx: ConnectorContext = { now: () => new Date(), log: () => {}, timeoutMs: 1000 };
  const connect = (timeoutMs = 1000) =>
    YONBIP.create({ baseUrl: sim.url, ...sim.connection }, { ...ctx, timeoutMs });

  before(async () => {
    sim = await startYonBipSimulator({ master: MASTER, now: () => new Date(), closedPeriods: ['2026-10'] });
  });
  after(() => sim.close());

  it('passes its connection test through discovery and a signed token', async () => {
    const result = await connect().test();
    assert.equal(result.ok, true, JSON.stringify(result));
  });

  it('saves a voucher and finds it again by our reference', async () => {
    const connector = connect();
    const pushed = await connector.push(doc(), 'FB-Y-1', PROFILE);
    assert.ok(pushed.outcome === 'success', JSON.stringify(pushed));
    const [kept] = saved(sim, 'FB-Y-1');
    assert.equal(saved(sim, 'FB-Y-1').length, 1);
    assert.equal(pushed.erpId, kept?.id);
    assert.deepEqual(
      kept?.lines.map((l) => [l.account, l.debitFen, l.creditFen]),
      [
        ['660202', 171330n, 0n],
        ['22210101', 11670n, 0n],
        ['224101', 0n, 183000n],
      ],
    );
    assert.deepEqual(await connector.lookup('voucher', 'FB-Y-1'), {
      found: true,
      erpId: pushed.erpId,
      erpNumber: pushed.erpNumber,
    });
    assert.deepEqual(await connector.lookup('voucher', 'FB-Y-404'), { found: false });
  });

  it('gets a new token when the gateway says 非法token, and the push goes through once', async () => {
    const connector = connect();
    assert.equal((await connector.test()).ok, true);
    sim.expireTokens();
    const result = await connector.push(doc(), 'FB-Y-2', PROFILE);
    assert.equal(result.outcome, 'success', JSON.stringify(result));
    assert.equal(saved(sim, 'FB-Y-2').length, 1);
  });

  it('rejects what YonBIP refuses, with its Chinese message, and saves nothing', async () => {
    const connector = connect();
    const cases = [
      {
        ref: 'FB-Y-R1',
        reason: 'unknown_account',
        doc: doc({
          lines: [
            { summary: 'x', accountCode: '9999', debit: '1.00' },
            { summary: 'y', accountCode: '1002', credit: '1.00' },
          ],
        }),
        message: /科目编码\[9999\]不存在/,
      },
      {
        ref: 'FB-Y-R2',
        reason: 'period_closed',
        doc: doc({ date: '2026-10-31', period: '2026-10' }),
        message: /已结账/,
      },
      {
        ref: 'FB-Y-R3',
        reason: 'unknown_partner',
        doc: doc({
          lines: [
            { summary: 'x', accountCode: '660202', debit: '1.00', aux: { supplier: 'S9999' } },
            { summary: 'y', accountCode: '1002', credit: '1.00' },
          ],
        }),
        message: /供应商\[S9999\]不存在/,
      },
    ];
    for (const c of cases) {
      const result = await connector.push(c.doc, c.ref, PROFILE);
      assert.equal(result.outcome, 'rejected', c.ref);
      assert.ok(
        'message' in result && c.message.test(result.message) && result.message.startsWith('凭证保存不成功'),
        JSON.stringify(result),
      );
      assert.equal('reason' in result && result.reason, c.reason, c.ref);
      assert.equal(saved(sim, c.ref).length, 0);
    }
    const again = await connector.push(doc(), 'FB-Y-1', PROFILE);
    assert.equal(again.outcome, 'rejected');
    assert.equal('reason' in again && again.reason, 'duplicate_reference');
    assert.equal(saved(sim, 'FB-Y-1').length, 1);
  });

  it('reports a save whose answer was lost as ambiguous, and lookup finds the committed voucher', async () => {
    const connector = connect();
    sim.dropNextCommits(1);
    const result = await connector.push(doc(), 'FB-Y-L', PROFILE);
    assert.equal(result.outcome, 'ambiguous', JSON.stringify(result));
    const found = await connector.lookup('voucher', 'FB-Y-L');
    assert.ok('found' in found && found.found, JSON.stringify(found));
    assert.equal(saved(sim, 'FB-Y-L').length, 1);
  });

  it('reports a save that got no answer in time as ambiguous, and lookup finds it committed', async () => {
    const connector = connect(150);
    assert.equal((await connector.test()).ok, true);
    sim.hangNextCommits(1);
    const result = await connector.push(doc(), 'FB-Y-T', PROFILE);
    assert.deepEqual('code' in result && [result.outcome, result.code], ['ambiguous', 'timeout']);
    const found = await connector.lookup('voucher', 'FB-Y-T');
    assert.ok('found' in found && found.found, JSON.stringify(found));
  });

  it('says throttled on YonBIP’s 310046 answer, and saves nothing', async () => {
    const connector = connect();
    assert.equal((await connector.test()).ok, true);
    sim.setFaults({ throttleRps: 1 });
    try {
      let throttled: string | undefined;
      for (let i = 0; i < 3 && throttled === undefined; i++) {
        const r = await connector.push(doc(), `FB-Y-TH${i}`, PROFILE);
        if (r.outcome === 'throttled') throttled = `FB-Y-TH${i}`;
      }
      assert.ok(throttled !== undefined, 'one of three quick pushes is throttled');
      assert.equal(saved(sim, throttled).length, 0);
    } finally {
      sim.setFaults({ throttleRps: 0 });
    }
  });

  it('pulls suppliers page by page, once per code even when listed per using org', async () => {
    const connector = connect();
    const numbers: string[] = [];
    let cursor = { modifiedAt: null as string | null, number: null as string | null };
    for (let pages = 0; pages < 10; pages++) {
      const page = await connector.pull('suppliers', cursor, 3);
      assert.ok('records' in page, JSON.stringify(page));
      numbers.push(...page.records.map((r) => r.number));
      const last = page.records.at(-1);
      if (page.records.length < 3 || last === undefined) break;
      cursor = { modifiedAt: last.modifiedAt, number: last.number };
    }
    assert.deepEqual(numbers, ['S0001', 'S0002', 'S0003', 'S0004', 'S0005', 'S0006', 'S0007']);
    const listed = sim.calls.filter((c) => c.path === '/digitalModel/vendor/list');
    assert.ok(listed.some((c) => (c.body as { pageIndex?: unknown }).pageIndex === '3'));
    const unknown = await connector.pull('accounts', { modifiedAt: null, number: null }, 3);
    assert.equal('outcome' in unknown && unknown.outcome, 'rejected');
  });
});

for (const engine of ENGINES) {
  describe(`Yonyou YonBIP through the hub on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: YonBipSimulator;
    let auth: Record<string, string>;

    before(async () => {
      sim = await startYonBipSimulator({ master: MASTER, now: () => new Date() });
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        { connectors: [...CONNECTORS, YONBIP], worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } } },
      );
      await t.provision();
      auth = await t.bearer('ACME', ['connections:admin', 'vouchers:write', 'vouchers:read']);
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('posts a voucher into YonBIP exactly once, with the voucher id YonBIP gave', async () => {
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/connections',
        headers: auth,
        payload: { name: '用友 YonBIP 测试', type: 'yonbip', baseUrl: sim.url, ...sim.connection },
      });
      assert.equal(created.statusCode, 201, created.body);
      const connectionId = created.json<{ id: string }>().id;
      const posted = await postThroughHub(t, auth, {
        connectionId,
        documentId: 'BIP-1',
        voucher: TRAVEL_VOUCHER,
      });
      const inBip = sim.book.vouchers.filter((v) => v.businessId.includes('BIP-1'));
      assert.equal(inBip.length, 1);
      assert.equal(posted.erpNumber, String(inBip[0]?.billCode));
      assert.deepEqual(
        inBip[0]?.lines.map((l) => [l.account, l.debitFen, l.creditFen, l.auxiliary]),
        [
          ['660202', 120000n, 0n, [{ filedCode: '0001', valueCode: 'SALES-E' }]],
          ['224101', 0n, 120000n, []],
        ],
      );
    });
  });
}

describe('the standalone YonBIP simulator, as a customer’s UAT uses it', () => {
  it('switches faults while running and reports its own statistics', async () => {
    const sim = await YONBIP.simulator.start({ master: MASTER, now: () => new Date() });
    try {
      const put = (body: unknown) =>
        fetch(new URL('/__sim/faults', sim.url), { method: 'PUT', body: JSON.stringify(body) });
      assert.equal((await put({ latencyMs: 'slow' })).status, 400);
      assert.equal((await put({ errorRate: 1 })).status, 200);
      const connector = YONBIP.create(
        { baseUrl: sim.url, ...sim.connection },
        { now: () => new Date(), log: () => {}, timeoutMs: 2000 },
      );
      assert.equal((await connector.test()).ok, false, 'every call fails while errorRate is 1');
      assert.equal((await put({ errorRate: 0 })).status, 200);
      assert.equal((await connector.test()).ok, true);
      const stats = (await (await fetch(new URL('/__sim/stats', sim.url))).json()) as { requests: number };
      assert.ok(stats.requests >= 2, JSON.stringify(stats));
    } finally {
      await sim.close();
    }
  });
});

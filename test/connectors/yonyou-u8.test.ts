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
import { YONYOU_U8 } from '../../src/connectors/yonyou-u8/definition.ts';
import { DEFAULT_YONYOU_SETTINGS } from '../../src/connectors/yonyou-u8/map/profile.ts';
import {
  startYonyouSimulator,
  type YonyouSimulator,
} from '../../src/connectors/yonyou-u8/simulator/server.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ENGINES } from '../support/engines.ts';
import { conformance, voucher } from './conformance.ts';
import { MASTER } from './master-data.ts';

const PROFILE: MappingProfile = { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_YONYOU_SETTINGS };
const doc = (overrides: Record<string, unknown> = {}): CanonicalDocument => ({
  kind: 'voucher',
  value: voucher(overrides),
});
const stored = (sim: YonyouSimulator, reference: string) =>
  sim.book.vouchers.filter((v) => v.reserve2 === reference);

conformance('Yonyou U8+ OpenAPI ⇄ simulator', YONYOU_U8.manifest, async () => {
  const sim = await startYonyouSimulator({ master: MASTER, now: () => new Date(), seed: 5 });
  const ctx: ConnectorContext = { now: () => new Date(), log: () => {}, timeoutMs: 2000 };
  return {
    connector: YONYOU_U8.create({ baseUrl: sim.url, ...sim.connection }, ctx),
    profile: PROFILE,
    countInErp: (_kind, reference) => stored(sim, reference).length,
    dropNextResponse: () => sim.dropNextCommits(1),
    touch: () => assert.fail('U8 lists vendors without a modification time; nothing to touch'),
    close: () => sim.close(),
  };
});

describe('Yonyou U8+ connector ⇄ simulator', () => {
  let sim: YonyouSimulator;
  const ctx: ConnectorContext = { now: () => new Date(), log: () => {}, timeoutMs: 1000 };
  const connect = () => YONYOU_U8.create({ baseUrl: sim.url, ...sim.connection }, ctx);

  before(async () => {
    sim = await startYonyouSimulator({
      master: MASTER,
      now: () => new Date(),
      closedPeriods: ['2026-10'],
      seed: 3,
    });
  });
  after(() => sim.close());

  it('passes its connection test with the simulator’s connection settings', async () => {
    const result = await connect().test();
    assert.equal(result.ok, true, JSON.stringify(result));
  });

  it('adds a voucher with a fresh trade id per write and finds it again by reserve2', async () => {
    const connector = connect();
    const first = await connector.push(doc(), 'FB-T-1', PROFILE);
    const second = await connector.push(doc(), 'FB-T-2', PROFILE);
    assert.ok(first.outcome === 'success' && second.outcome === 'success', JSON.stringify([first, second]));
    const adds = sim.calls.filter((c) => c.path === '/api/voucher/add');
    const trades = adds.map((c) => c.query['tradeid']);
    assert.equal(new Set(trades).size, trades.length, 'one trade id per write');
    assert.ok(adds.every((c) => c.query['sync'] === '1' && c.query['to_account'] === sim.accounts.toAccount));
    const found = await connector.lookup('voucher', 'FB-T-1');
    assert.deepEqual(found, { found: true, erpId: first.erpId, erpNumber: first.erpNumber });
    assert.deepEqual(await connector.lookup('voucher', 'FB-T-404'), { found: false });
    const [kept] = stored(sim, 'FB-T-1');
    assert.equal(stored(sim, 'FB-T-1').length, 1);
    assert.ok(kept !== undefined);
    assert.deepEqual(
      kept.entries.map((e) => [e.account, e.debitFen, e.creditFen]),
      [
        ['660202', 171330n, 0n],
        ['22210101', 11670n, 0n],
        ['224101', 0n, 183000n],
      ],
    );
    assert.deepEqual(kept.entries[0]?.auxiliary, { dept_id: 'SALES-E', personnel_id: 'E011' });
  });

  it('signs in again when the token has expired and the push then goes through', async () => {
    const connector = connect();
    assert.equal((await connector.test()).ok, true);
    sim.expireTokens();
    const result = await connector.push(doc(), 'FB-T-3', PROFILE);
    assert.equal(result.outcome, 'success', JSON.stringify(result));
    assert.equal(stored(sim, 'FB-T-3').length, 1);
  });

  it('rejects what U8 refuses, with U8’s Chinese message, and stores nothing', async () => {
    const connector = connect();
    const cases = [
      {
        ref: 'FB-T-R1',
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
        ref: 'FB-T-R2',
        reason: 'unknown_account',
        doc: doc({
          lines: [
            { summary: 'x', accountCode: '2221', debit: '1.00' },
            { summary: 'y', accountCode: '1002', credit: '1.00' },
          ],
        }),
        message: /不是末级科目/,
      },
      {
        ref: 'FB-T-R3',
        reason: 'period_closed',
        doc: doc({ date: '2026-10-31', period: '2026-10' }),
        message: /已结账/,
      },
      {
        ref: 'FB-T-R4',
        reason: 'unknown_partner',
        doc: doc({
          lines: [
            { summary: 'x', accountCode: '660202', debit: '1.00', aux: { supplier: 'S9999' } },
            { summary: 'y', accountCode: '1002', credit: '1.00' },
          ],
        }),
        message: /供应商编码\[S9999\]不存在/,
      },
    ];
    for (const c of cases) {
      const result = await connector.push(c.doc, c.ref, PROFILE);
      assert.equal(result.outcome, 'rejected', c.ref);
      assert.ok('message' in result && c.message.test(result.message), JSON.stringify(result));
      assert.equal('reason' in result && result.reason, c.reason, c.ref);
      assert.equal(stored(sim, c.ref).length, 0);
    }
  });

  it('rejects a second voucher with the same reference: reserve2 is unique', async () => {
    const connector = connect();
    assert.equal((await connector.push(doc(), 'FB-T-D', PROFILE)).outcome, 'success');
    const again = await connector.push(doc(), 'FB-T-D', PROFILE);
    assert.equal(again.outcome, 'rejected');
    assert.ok('message' in again && /已存在/.test(again.message));
    assert.equal('reason' in again && again.reason, 'duplicate_reference');
    assert.equal(stored(sim, 'FB-T-D').length, 1);
  });

  it('refuses a voucher outside the book currency before calling U8', async () => {
    const before = sim.stats.requests;
    const result = await connect().push(doc({ currency: 'USD' }), 'FB-T-USD', PROFILE);
    assert.equal(result.outcome, 'rejected');
    assert.equal(sim.stats.requests, before);
  });

  it('reports a write whose answer was lost as ambiguous, and lookup finds the committed voucher', async () => {
    const connector = connect();
    sim.dropNextCommits(1);
    const result = await connector.push(doc(), 'FB-T-L', PROFILE);
    assert.equal(result.outcome, 'ambiguous', JSON.stringify(result));
    const found = await connector.lookup('voucher', 'FB-T-L');
    assert.ok('found' in found && found.found, JSON.stringify(found));
    assert.equal(stored(sim, 'FB-T-L').length, 1);
  });

  it('reports a write that got no answer in time as ambiguous, and lookup finds it committed', async () => {
    const connector = YONYOU_U8.create({ baseUrl: sim.url, ...sim.connection }, { ...ctx, timeoutMs: 150 });
    sim.hangNextCommits(1);
    const result = await connector.push(doc(), 'FB-T-TO', PROFILE);
    assert.deepEqual(
      'code' in result && [result.outcome, result.code],
      ['ambiguous', 'timeout'],
      JSON.stringify(result),
    );
    const found = await connector.lookup('voucher', 'FB-T-TO');
    assert.ok('found' in found && found.found, JSON.stringify(found));
    assert.equal(stored(sim, 'FB-T-TO').length, 1);
  });

  it('treats a read that got no answer in time as transient: nothing was written', async () => {
    const connector = YONYOU_U8.create({ baseUrl: sim.url, ...sim.connection }, { ...ctx, timeoutMs: 150 });
    sim.setFaults({ timeoutRate: 1 });
    try {
      const found = await connector.lookup('voucher', 'FB-T-1');
      assert.deepEqual('outcome' in found && [found.outcome, found.code], ['transient', 'timeout']);
    } finally {
      sim.setFaults({ timeoutRate: 0 });
    }
  });

  it('says throttled when the relay refuses for frequency, and stores nothing', async () => {
    const connector = connect();
    assert.equal((await connector.test()).ok, true);
    sim.setFaults({ throttleRps: 1 });
    try {
      assert.equal((await connector.push(doc(), 'FB-T-TH1', PROFILE)).outcome, 'success');
      const throttled = await connector.push(doc(), 'FB-T-TH2', PROFILE);
      assert.equal(throttled.outcome, 'throttled', JSON.stringify(throttled));
      assert.equal(stored(sim, 'FB-T-TH2').length, 0);
    } finally {
      sim.setFaults({ throttleRps: 0 });
    }
  });

  it('pulls suppliers in code order, page by page, and nothing after the last one', async () => {
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
    const listed = sim.calls.filter((c) => c.path === '/api/vendor/batch_get');
    assert.ok(listed.some((c) => c.query['page_index'] === '3' && c.query['rows_per_page'] === '3'));
    const end = await connector.pull('suppliers', { modifiedAt: '', number: 'S0007' }, 3);
    assert.deepEqual(end, { records: [] });
    const unknown = await connector.pull('accounts', { modifiedAt: null, number: null }, 3);
    assert.equal('outcome' in unknown && unknown.outcome, 'rejected');
  });
});

describe('a Yonyou U8+ relay answering asynchronously', () => {
  it('acknowledges the add with a result url that later yields the voucher id', async () => {
    let clock = Date.parse('2026-11-28T02:00:00Z');
    const sim = await startYonyouSimulator({
      master: MASTER,
      now: () => new Date(clock),
      asyncDelayMs: 3000,
    });
    try {
      const get = async (url: string) => (await fetch(url)).json() as Promise<Record<string, unknown>>;
      const { fromAccount, toAccount, appKey, appSecret } = sim.accounts;
      const token = (
        (
          await get(
            `${sim.url}system/token?from_account=${fromAccount}&app_key=${appKey}&app_secret=${appSecret}`,
          )
        )['token'] as { id: string }
      ).id;
      const common = `from_account=${fromAccount}&to_account=${toAccount}&app_key=${appKey}&token=${token}`;
      const trade = ((await get(`${sim.url}system/tradeid?${common}`))['trade'] as { id: string }).id;
      const body = JSON.stringify(YONYOU_U8.render(doc(), 'FB-T-A', PROFILE).payload);
      const ack = (await (
        await fetch(`${sim.url}api/voucher/add?${common}&tradeid=${trade}`, { method: 'POST', body })
      ).json()) as Record<string, string>;
      assert.equal(ack['errcode'], '0');
      assert.equal(ack['id'], '');
      const url = ack['url'] ?? '';
      assert.match(url, /\/result\?requestid=/);
      assert.notEqual((await get(url))['errcode'], '0', 'not ready yet');
      clock += 3000;
      const final = await get(url);
      assert.equal(final['errcode'], '0');
      assert.equal(final['id'], sim.book.byReserve2('FB-T-A')?.id);
    } finally {
      await sim.close();
    }
  });
});

for (const engine of ENGINES) {
  describe(`Yonyou U8+ through the hub on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: YonyouSimulator;
    let auth: Record<string, string>;

    before(async () => {
      sim = await startYonyouSimulator({ master: MASTER, now: () => new Date() });
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        {
          connectors: [...CONNECTORS, YONYOU_U8],
          worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } },
        },
      );
      await t.provision();
      auth = await t.bearer('ACME', ['connections:admin', 'vouchers:write', 'vouchers:read']);
    });
    after(async () => {
      await t.close();
      await sim.close();
    });

    it('posts a voucher into U8 exactly once, with the voucher id U8 gave', async () => {
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/connections',
        headers: auth,
        payload: { name: '用友 U8+ 测试', type: 'yonyou-u8', baseUrl: sim.url, ...sim.connection },
      });
      assert.equal(created.statusCode, 201, created.body);
      const connectionId = created.json<{ id: string }>().id;
      const posted = await postThroughHub(t, auth, {
        connectionId,
        documentId: 'U8-1',
        voucher: TRAVEL_VOUCHER,
      });
      const inU8 = sim.book.vouchers.filter((v) => v.reserve2.includes('U8-1'));
      assert.equal(inU8.length, 1);
      assert.equal(posted.erpNumber, inU8[0]?.id);
      assert.deepEqual(
        inU8[0]?.entries.map((e) => [e.account, e.debitFen, e.creditFen]),
        [
          ['660202', 120000n, 0n],
          ['224101', 0n, 120000n],
        ],
      );
    });
  });
}

describe('the standalone Yonyou U8+ simulator, as a customer’s UAT uses it', () => {
  it('switches faults while running and reports its own statistics', async () => {
    const sim = await YONYOU_U8.simulator.start({ master: MASTER, now: () => new Date() });
    try {
      const root = sim.url;
      const put = (body: unknown) =>
        fetch(`${root}__sim/faults`, { method: 'PUT', body: JSON.stringify(body) });
      assert.equal((await put({ throttleRps: -1 })).status, 400);
      assert.equal((await put({ errorRate: 1 })).status, 200);
      const connector = YONYOU_U8.create(
        { baseUrl: sim.url, ...sim.connection },
        { now: () => new Date(), log: () => {}, timeoutMs: 2000 },
      );
      assert.equal((await connector.test()).ok, false, 'every call fails while errorRate is 1');
      assert.deepEqual(await (await fetch(`${root}__sim/faults`)).json(), { errorRate: 1 });
      assert.equal((await put({ errorRate: 0 })).status, 200);
      assert.equal((await connector.test()).ok, true);
      const stats = (await (await fetch(`${root}__sim/stats`)).json()) as { errors: number };
      assert.ok(stats.errors >= 1, JSON.stringify(stats));
    } finally {
      await sim.close();
    }
  });
});

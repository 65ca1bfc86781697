import assert from 'node:assert/strict';
import { postThroughHub, TRAVEL_VOUCHER } from '../support/through-hub.ts';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import {
  EMPTY_VALUE_MAPS,
  type CanonicalDocument,
  type Connector,
  type ConnectorContext,
  type MappingProfile,
  type PushResult,
  type VoucherPage,
} from '../../src/connectors/contract.ts';
import { CONNECTORS } from '../../src/connectors/index.ts';
import {
  FILE_EXCHANGE,
  type RunningFileExchangeSimulator,
} from '../../src/connectors/file-exchange/definition.ts';
import { DEFAULT_FILE_EXCHANGE_SETTINGS } from '../../src/connectors/file-exchange/map/profile.ts';
import {
  startFileExchangeSimulator,
  type FileExchangeSimulator,
  type FileExchangeSimulatorOptions,
} from '../../src/connectors/file-exchange/simulator/server.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ENGINES } from '../support/engines.ts';
import { conformance, voucher } from './conformance.ts';
import { MASTER } from './master-data.ts';

const PROFILE: MappingProfile = { valueMaps: EMPTY_VALUE_MAPS, settings: DEFAULT_FILE_EXCHANGE_SETTINGS };
const doc = (overrides: Record<string, unknown> = {}): CanonicalDocument => ({
  kind: 'voucher',
  value: voucher(overrides),
});
const ctxOf = (timeoutMs: number, now: () => Date = () => new Date()): ConnectorContext => ({
  now,
  log: () => {},
  timeoutMs,
});
const connect = (sim: FileExchangeSimulator, timeoutMs = 2000, now?: () => Date): Connector =>
  FILE_EXCHANGE.create({ baseUrl: sim.url, ...sim.connection }, ctxOf(timeoutMs, now));
const stored = (sim: FileExchangeSimulator, reference: string) =>
  sim.book.vouchers.filter((v) => v.reference === reference);
const files = (sim: FileExchangeSimulator, folder: string) =>
  readdirSync(join(sim.directory, folder)).filter((name) => !name.startsWith('.'));
const codeOf = (result: object) => ('code' in result ? result.code : undefined);

for (const transport of ['sftp', 'folder'] as const)
  conformance(`File exchange (${transport}) ⇄ simulator`, FILE_EXCHANGE.manifest, async () => {
    const sim = await startFileExchangeSimulator({
      master: MASTER,
      now: () => new Date(),
      seed: 5,
      transport,
      fileFaults: { lateAckMs: 900 },
    });
    const connector = connect(sim, 600);
    return {
      connector,
      profile: PROFILE,
      countInErp: (_kind, reference) => stored(sim, reference).length,
      // a rename whose answer is lost: on SFTP the session resets; a folder write cannot lose its
      // answer, so there the ERP holds the acknowledgement back past the connector's wait instead
      dropNextResponse: () => (transport === 'sftp' ? sim.dropNextCommits(1) : sim.lateNextAcks(1)),
      touch: (object) => sim.touch(object),
      close: async () => {
        await connector.close();
        await sim.close();
      },
    };
  });

describe('File exchange connector ⇄ SFTP simulator', () => {
  let sim: FileExchangeSimulator;

  before(async () => {
    sim = await startFileExchangeSimulator({
      master: MASTER,
      now: () => new Date(),
      closedPeriods: ['2026-10'],
      seed: 3,
      fileFaults: { lateAckMs: 400, postponeMs: 200, partialMs: 120, lockMs: 120 },
    });
  });
  after(() => sim.close());

  it('writes a GBK voucher file the ERP imports, our reference in 业务号 and in the file name', async () => {
    const connector = connect(sim);
    const result = await connector.push(doc(), 'FB-T-1', PROFILE);
    assert.ok(result.outcome === 'success', JSON.stringify(result));
    assert.match(result.erpNumber, /^2026-11-记-\d{4}$/);
    const text = iconv.decode(readFileSync(join(sim.directory, 'archive', 'FB_FB-T-1.csv')), 'gbk');
    assert.match(text, /^制单日期,凭证类别字,业务号,/);
    assert.match(
      text,
      /2026-11-28,记,FB-T-1,0,报销差旅费-张三,660202,1713.30,0.00,SALES-E,E011,,,FinBridge\r\n/,
    );
    const [kept] = stored(sim, 'FB-T-1');
    assert.deepEqual(
      kept?.entries.map((e) => [e.account, e.debit, e.credit]),
      [
        ['660202', '171330', '0'],
        ['22210101', '11670', '0'],
        ['224101', '0', '183000'],
      ],
    );
    assert.deepEqual(await connector.lookup('voucher', 'FB-T-1'), {
      found: true,
      erpId: result.erpId,
      erpNumber: result.erpNumber,
    });
    await connector.close();
  });

  it('never writes a file twice: a push of an acknowledged reference answers from the acknowledgement', async () => {
    const connector = connect(sim);
    const first = await connector.push(doc(), 'FB-T-ONCE', PROFILE);
    const filesBefore = sim.stats['files'];
    const again = await connector.push(doc(), 'FB-T-ONCE', PROFILE);
    assert.deepEqual(again, first);
    assert.equal(sim.stats['files'], filesBefore);
    assert.deepEqual(
      files(sim, 'archive').filter((f) => f.includes('FB-T-ONCE')),
      ['FB_FB-T-ONCE.csv'],
    );
    await connector.close();
  });

  it('signs in with a private key, and refuses a wrong password or another host key for good', async () => {
    const keyed = FILE_EXCHANGE.create({ baseUrl: sim.url, ...sim.keyConnection! }, ctxOf(2000));
    assert.equal((await keyed.test()).ok, true);
    await keyed.close();
    const wrong = FILE_EXCHANGE.create(
      {
        baseUrl: sim.url,
        settings: sim.connection.settings,
        credentials: { username: 'finbridge', password: 'nope' },
      },
      ctxOf(2000),
    );
    const refused = await wrong.test();
    assert.deepEqual(!refused.ok && [refused.outcome, refused.code], ['rejected', 'auth']);
    await wrong.close();
    const spoofed = FILE_EXCHANGE.create(
      {
        baseUrl: sim.url,
        settings: { ...sim.connection.settings, hostKeySha256: `SHA256:${'A'.repeat(43)}` },
        credentials: sim.connection.credentials,
      },
      ctxOf(2000),
    );
    const pinned = await spoofed.push(doc(), 'FB-T-MITM', PROFILE);
    assert.deepEqual([pinned.outcome, codeOf(pinned)], ['rejected', 'auth']);
    assert.ok('message' in pinned && /host key/.test(pinned.message));
    assert.equal(stored(sim, 'FB-T-MITM').length, 0);
    await spoofed.close();
  });

  it('rejects what the ERP refuses, with its own message, and imports nothing', async () => {
    const connector = connect(sim);
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
        message: /第2行：科目编码\[9999\]不存在/,
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
        message: /2026年10月已结账/,
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
      assert.deepEqual([result.outcome, codeOf(result)], ['rejected', 'import_refused'], c.ref);
      assert.ok('message' in result && c.message.test(result.message), JSON.stringify(result));
      assert.equal('reason' in result && result.reason, c.reason, c.ref);
      assert.equal(stored(sim, c.ref).length, 0);
      assert.deepEqual(await connector.lookup('voucher', c.ref), { found: false });
    }
    await connector.close();
  });

  it('sends a refused voucher again under a new name once the ERP is fixed', async () => {
    const connector = connect(sim);
    const unknown = doc({
      lines: [
        { summary: 'x', accountCode: '6603', debit: '5.00' },
        { summary: 'y', accountCode: '1002', credit: '5.00' },
      ],
    });
    assert.equal((await connector.push(unknown, 'FB-T-FIX', PROFILE)).outcome, 'rejected');
    sim.book.accounts.set('6603', {
      name: '财务费用',
      usable: true,
      postable: true,
      extra: {},
      modifiedAt: '',
    });
    const resent = await connector.push(unknown, 'FB-T-FIX', PROFILE);
    assert.equal(resent.outcome, 'success', JSON.stringify(resent));
    assert.deepEqual(
      files(sim, 'archive')
        .filter((f) => f.includes('FB-T-FIX'))
        .sort(),
      ['FB_FB-T-FIX.2.csv', 'FB_FB-T-FIX.csv'],
    );
    assert.equal(stored(sim, 'FB-T-FIX').length, 1);
    assert.ok('found' in (await connector.lookup('voucher', 'FB-T-FIX')));
    await connector.close();
  });

  it('recognises the ERP’s duplicate-reference refusal when its acknowledgement is gone', async () => {
    const connector = connect(sim);
    assert.equal((await connector.push(doc(), 'FB-T-DUP', PROFILE)).outcome, 'success');
    // the ERP's housekeeping removed the file and its acknowledgement: nothing tells the voucher is there
    unlinkSync(join(sim.directory, 'ack', 'FB_FB-T-DUP.ack.csv'));
    unlinkSync(join(sim.directory, 'archive', 'FB_FB-T-DUP.csv'));
    const again = await connector.push(doc(), 'FB-T-DUP', PROFILE);
    assert.deepEqual([again.outcome, codeOf(again)], ['rejected', 'duplicate_reference']);
    assert.equal('reason' in again && again.reason, 'duplicate_reference');
    assert.ok('message' in again && /业务号\[FB-T-DUP\]已存在/.test(again.message));
    assert.equal(stored(sim, 'FB-T-DUP').length, 1);
    await connector.close();
  });

  it('reports a rename whose session was reset as ambiguous, and lookup finds the imported voucher', async () => {
    const connector = connect(sim);
    sim.dropNextCommits(1);
    const result = await connector.push(doc(), 'FB-T-DROP', PROFILE);
    assert.deepEqual([result.outcome, codeOf(result)], ['ambiguous', 'lost'], JSON.stringify(result));
    const found = await connector.lookup('voucher', 'FB-T-DROP');
    assert.ok('found' in found && found.found, JSON.stringify(found));
    assert.equal(stored(sim, 'FB-T-DROP').length, 1);
    await connector.close();
  });

  it('reports a rename never answered as ambiguous (timeout), and lookup finds it', async () => {
    const connector = connect(sim, 600);
    sim.hangNextCommits(1);
    const result = await connector.push(doc(), 'FB-T-HANG', PROFILE);
    assert.deepEqual([result.outcome, codeOf(result)], ['ambiguous', 'timeout'], JSON.stringify(result));
    const found = await connector.lookup('voucher', 'FB-T-HANG');
    assert.ok('found' in found && found.found, JSON.stringify(found));
    await connector.close();
  });

  it('waits for a file the ERP has not read yet, never writes it again, and finds it once imported', async () => {
    const connector = connect(sim, 250);
    sim.holdImports(true);
    try {
      const first = await connector.push(doc(), 'FB-T-WAIT', PROFILE);
      assert.deepEqual([first.outcome, codeOf(first)], ['ambiguous', 'no_ack']);
      const looked = await connector.lookup('voucher', 'FB-T-WAIT');
      assert.ok('outcome' in looked && looked.outcome === 'ambiguous' && looked.code === 'awaiting_ack');
      const again = await connector.push(doc(), 'FB-T-WAIT', PROFILE);
      assert.equal(again.outcome, 'ambiguous');
      assert.deepEqual(files(sim, 'outbox'), ['FB_FB-T-WAIT.csv']);
    } finally {
      sim.holdImports(false);
    }
    const found = await connect(sim, 1000).lookup('voucher', 'FB-T-WAIT');
    assert.ok('found' in found && found.found, JSON.stringify(found));
    assert.equal(stored(sim, 'FB-T-WAIT').length, 1);
    await connector.close();
  });

  it('treats a late acknowledgement as ambiguous, and lookup waits for it', async () => {
    sim.lateNextAcks(1);
    const result = await connect(sim, 200).push(doc(), 'FB-T-LATE', PROFILE);
    assert.deepEqual([result.outcome, codeOf(result)], ['ambiguous', 'no_ack']);
    assert.equal(stored(sim, 'FB-T-LATE').length, 1, 'imported already');
    const found = await connect(sim, 1000).lookup('voucher', 'FB-T-LATE');
    assert.ok('found' in found && found.found, JSON.stringify(found));
  });

  it('treats an acknowledgement cut off or in the wrong encoding as ambiguous, never as a refusal', async () => {
    for (const [fault, ref] of [
      ['truncatedAckRate', 'FB-T-CUT'],
      ['wrongEncodingAckRate', 'FB-T-ENC'],
    ] as const) {
      sim.setFileFaults({ [fault]: 1 });
      try {
        const result = await connect(sim, 300).push(doc(), ref, PROFILE);
        assert.deepEqual(
          [result.outcome, codeOf(result)],
          ['ambiguous', 'malformed_ack'],
          JSON.stringify(result),
        );
        const looked = await connect(sim, 300).lookup('voucher', ref);
        assert.ok('outcome' in looked && looked.outcome === 'ambiguous', JSON.stringify(looked));
        assert.equal(stored(sim, ref).length, 1);
      } finally {
        sim.setFileFaults({ [fault]: 0 });
      }
    }
  });

  it('reads an acknowledgement that was half written or locked for a while once it is whole', async () => {
    for (const [fault, ref] of [
      ['partialAckRate', 'FB-T-HALF'],
      ['lockedAckRate', 'FB-T-LOCK'],
    ] as const) {
      sim.setFileFaults({ [fault]: 1 });
      try {
        const result = await connect(sim, 1500).push(doc(), ref, PROFILE);
        assert.equal(result.outcome, 'success', `${fault}: ${JSON.stringify(result)}`);
      } finally {
        sim.setFileFaults({ [fault]: 0 });
      }
    }
    assert.ok((sim.stats['partialAcks'] ?? 0) >= 1 && (sim.stats['lockedAcks'] ?? 0) >= 1);
  });

  it('treats a read the server failed as transient and writes nothing', async () => {
    const connector = connect(sim, 400);
    sim.setFaults({ errorRate: 1 });
    try {
      const looked = await connector.lookup('voucher', 'FB-T-1');
      assert.deepEqual('outcome' in looked && [looked.outcome, looked.code], ['transient', 'failure']);
      const pushed = await connector.push(doc(), 'FB-T-ERR', PROFILE);
      assert.equal(pushed.outcome, 'transient');
    } finally {
      sim.setFaults({ errorRate: 0 });
    }
    assert.deepEqual(files(sim, 'outbox'), []);
    assert.equal(stored(sim, 'FB-T-ERR').length, 0);
    await connector.close();
  });

  it('says throttled when the server refuses writes over its rate, and hands nothing over', async () => {
    const connector = connect(sim);
    assert.equal((await connector.test()).ok, true);
    sim.setFaults({ throttleRps: 1 });
    try {
      const results: PushResult[] = [];
      for (const ref of ['FB-T-TH1', 'FB-T-TH2']) results.push(await connector.push(doc(), ref, PROFILE));
      assert.deepEqual(
        results.map((r) => r.outcome),
        ['success', 'throttled'],
      );
      assert.equal(stored(sim, 'FB-T-TH2').length, 0);
    } finally {
      sim.setFaults({ throttleRps: 0 });
    }
    await connector.close();
  });

  it('pulls suppliers page by page after the watermark, then only the one that changed', async () => {
    const connector = connect(sim);
    const numbers: string[] = [];
    let cursor = { modifiedAt: null as string | null, number: null as string | null };
    for (let pages = 0; pages < 10; pages++) {
      const page = await connector.pull('suppliers', cursor, 3);
      assert.ok('records' in page, JSON.stringify(page));
      numbers.push(...page.records.map((r) => r.number));
      const last = page.records.at(-1);
      if (last !== undefined) cursor = { modifiedAt: last.modifiedAt, number: last.number };
      if (page.records.length < 3) break;
    }
    assert.deepEqual(numbers, ['S0001', 'S0002', 'S0003', 'S0004', 'S0005', 'S0006', 'S0007']);
    const touched = sim.touch('suppliers');
    const changes = await connector.pull('suppliers', cursor, 100);
    assert.ok('records' in changes);
    assert.deepEqual(
      changes.records.map((r) => r.number),
      [touched],
    );
    const accounts = await connector.pull('accounts', { modifiedAt: null, number: null }, 100);
    assert.ok('records' in accounts);
    assert.deepEqual(accounts.records.find((r) => r.number === '2221')?.data, {
      postable: '0',
      balanceDirection: '贷',
    });
    const unknown = await connector.pull('employees', { modifiedAt: null, number: null }, 3);
    assert.equal('outcome' in unknown && unknown.outcome, 'rejected');
    await connector.close();
  });
});

describe('File exchange voucher list (对账) ⇄ the ERP’s export job', () => {
  it('lists a period across export parts, whole vouchers, and clears the export after the last page', async () => {
    const sim = await startFileExchangeSimulator({
      master: MASTER,
      now: () => new Date(),
      transport: 'folder',
      exportPartVouchers: 2,
    });
    try {
      const connector = connect(sim);
      const refs = ['FB-VL-1', 'FB-VL-2', 'FB-VL-3', 'FB-VL-4', 'FB-VL-5'];
      for (const ref of refs) assert.equal((await connector.push(doc(), ref, PROFILE)).outcome, 'success');
      const pages: string[][] = [];
      let after: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page: VoucherPage | undefined = await connector.listVouchers?.({
          period: '2026-11',
          after,
          limit: 100,
        });
        if (page === undefined || !('vouchers' in page)) assert.fail(JSON.stringify(page));
        pages.push(page.vouchers.map((v) => v.reference ?? ''));
        if (page.next === null) break;
        after = page.next;
      }
      // three parts of at most two vouchers: a page is a part when the limit allows
      assert.deepEqual(pages, [refs.slice(0, 2), refs.slice(2, 4), refs.slice(4)]);
      assert.deepEqual(files(sim, 'vouchers'), [], 'request, parts and done file are gone');
      const empty = await connector.listVouchers?.({ period: '2027-01', after: null, limit: 100 });
      assert.deepEqual(empty, { vouchers: [], next: null });
      await connector.close();
    } finally {
      await sim.close();
    }
  });

  it('answers transient while the ERP has not exported, and the next listing waits for the same request', async () => {
    const sim = await startFileExchangeSimulator({
      master: MASTER,
      now: () => new Date(),
      transport: 'folder',
      // every request left for later, for a long while
      errorRate: 1,
      fileFaults: { postponeMs: 60_000 },
    });
    try {
      const connector = connect(sim, 300);
      const pending = await connector.listVouchers?.({ period: '2026-11', after: null, limit: 10 });
      assert.equal(codeOf(pending ?? {}), 'voucher_list_pending');
      assert.equal(pending !== undefined && 'outcome' in pending && pending.outcome, 'transient');
      const again = await connector.listVouchers?.({ period: '2026-11', after: null, limit: 10 });
      assert.equal(codeOf(again ?? {}), 'voucher_list_pending');
      assert.equal(
        files(sim, 'vouchers').filter((n) => n.endsWith('.req.csv')).length,
        1,
        'one request, not one per attempt',
      );
      await connector.close();
    } finally {
      await sim.close();
    }
  });
});

describe('File exchange sessions on the ERP’s clock', () => {
  it('signs in again after the server closed an idle session, and the push goes through', async () => {
    let clock = Date.parse('2026-11-28T02:00:00Z');
    const now = () => new Date(clock);
    const sim = await startFileExchangeSimulator({ master: MASTER, now, sessionTtlS: 5 });
    try {
      const connector = connect(sim, 2000, now);
      assert.equal((await connector.push(doc(), 'FB-S-1', PROFILE)).outcome, 'success');
      clock += 6000;
      const result = await connector.push(doc(), 'FB-S-2', PROFILE);
      assert.equal(result.outcome, 'success', JSON.stringify(result));
      assert.ok((sim.stats['expiredSessions'] ?? 0) >= 1, JSON.stringify(sim.stats));
      assert.ok((sim.stats['sessions'] ?? 0) >= 2);
      sim.expireSessions();
      assert.ok('found' in (await connector.lookup('voucher', 'FB-S-1')));
      await connector.close();
    } finally {
      await sim.close();
    }
  });
});

describe('File exchange layouts end to end', () => {
  const run = async (
    settings: FileExchangeSimulatorOptions['settings'],
    check: (sim: FileExchangeSimulator) => void,
  ) => {
    const sim = await startFileExchangeSimulator({
      master: MASTER,
      now: () => new Date(),
      transport: 'folder',
      ...(settings === undefined ? {} : { settings }),
    });
    try {
      const connector = connect(sim);
      const result = await connector.push(doc(), 'FB-L-1', PROFILE);
      assert.equal(result.outcome, 'success', JSON.stringify(result));
      check(sim);
    } finally {
      await sim.close();
    }
  };

  it('posts through the Excel preset', () =>
    run({ layout: 'cn-xlsx' }, (sim) => {
      assert.deepEqual(files(sim, 'archive'), ['FB_FB-L-1.xlsx']);
      assert.equal(stored(sim, 'FB-L-1')[0]?.entries.length, 3);
    }));

  it('posts through the signed UTF-8 preset, credits negative with digit grouping', () =>
    run({ layout: 'utf8-signed-csv' }, (sim) => {
      const text = readFileSync(join(sim.directory, 'archive', 'JE_FB-L-1.csv'), 'utf8');
      assert.match(text, /^\uFEFFReference,PostingDate,/);
      assert.match(text, /"-1,830.00"/);
      assert.equal(stored(sim, 'FB-L-1')[0]?.entries[2]?.credit, '183000');
    }));
});

describe('the standalone file-exchange simulator, as a customer’s UAT uses it', () => {
  it('answers its controls on the admin port and keeps its book across a restart', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'finbridge-fx-test-'));
    const bookFile = join(directory, 'book.json');
    try {
      const running = (await FILE_EXCHANGE.simulator.start({
        master: MASTER,
        now: () => new Date(),
        bookFile,
        directory,
      } as FileExchangeSimulatorOptions)) as RunningFileExchangeSimulator;
      assert.match(running.url, /^sftp:\/\/127\.0\.0\.1:\d+\/$/);
      assert.ok(running.banner.some((line) => line.includes(running.adminUrl)));
      const admin = running.adminUrl;
      const put = (path: string, body: unknown) =>
        fetch(`${admin}${path}`, { method: 'PUT', body: JSON.stringify(body) });
      assert.equal((await put('__sim/faults', { throttleRps: -1 })).status, 400);
      assert.equal((await put('__sim/file-faults', { colour: 1 })).status, 400);
      assert.equal((await put('__sim/file-faults', { lateAckMs: 50 })).status, 200);
      const connector = FILE_EXCHANGE.create({ baseUrl: running.url, ...running.connection }, ctxOf(2000));
      const first = await connector.push(doc(), 'FB-U-1', PROFILE);
      assert.ok(first.outcome === 'success');
      await connector.close();
      const documents = (await (await fetch(`${admin}__sim/documents`)).json()) as {
        reference: string;
        erpNumber: string;
      }[];
      assert.deepEqual(
        documents.map((d) => d.reference),
        ['FB-U-1'],
      );
      const stats = (await (await fetch(`${admin}__sim/stats`)).json()) as { vouchers: number };
      assert.equal(stats.vouchers, 1);
      await running.close();
      assert.ok(existsSync(bookFile));
      const again = await startFileExchangeSimulator({
        master: MASTER,
        now: () => new Date(),
        bookFile,
        directory,
      });
      try {
        const reconnected = connect(again);
        const found = await reconnected.lookup('voucher', 'FB-U-1');
        assert.deepEqual(found, {
          found: true,
          erpId: first.erpId,
          erpNumber: documents[0]?.erpNumber,
        });
        const second = await reconnected.push(doc(), 'FB-U-2', PROFILE);
        assert.ok(second.outcome === 'success' && second.erpNumber.endsWith('-0002'), JSON.stringify(second));
        await reconnected.close();
      } finally {
        await again.close();
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('file exchange under every fault at once', () => {
  it('holds each of 50 vouchers exactly once when ambiguous results are looked up before a resend', async () => {
    const sim = await startFileExchangeSimulator({
      master: MASTER,
      now: () => new Date(),
      seed: 42,
      errorRate: 0.05,
      timeoutRate: 0.03,
      dropAfterCommitRate: 0.08,
      throttleRps: 400,
      latencyMs: 1,
      sessionTtlS: 5,
      fileFaults: { lateAckMs: 600 },
    });
    // four worker processes, each with its connector, sharing the vouchers
    const connectors = Array.from({ length: 4 }, () => connect(sim, 800));
    const outcomes: string[] = [];
    const post = async (i: number) => {
      const connector = connectors[i % connectors.length]!;
      const reference = `FB-CHAOS-${i}`;
      let send = true;
      for (let attempt = 0; attempt < 100; attempt++) {
        if (send) {
          const result = await connector.push(doc(), reference, PROFILE);
          outcomes.push(result.outcome);
          if (result.outcome === 'success') return;
          assert.notEqual(result.outcome, 'rejected', JSON.stringify(result));
          if (result.outcome !== 'ambiguous') {
            await new Promise((r) => setTimeout(r, 20));
            continue;
          }
        }
        // as the hub's worker does: an ambiguous send is looked up before anything is sent again
        const found = await connector.lookup('voucher', reference);
        if ('found' in found && found.found) return;
        send = 'found' in found;
        if (!send) await new Promise((r) => setTimeout(r, 50));
      }
      assert.fail(`${reference} never settled`);
    };
    try {
      await Promise.all(Array.from({ length: 50 }, (_, i) => post(i)));
      const documents = (await (await fetch(`${sim.adminUrl}__sim/documents`)).json()) as {
        reference: string;
      }[];
      const references = documents.map((d) => d.reference).sort();
      assert.deepEqual(
        references,
        Array.from({ length: 50 }, (_, i) => `FB-CHAOS-${i}`).sort(),
        'each exactly once',
      );
      assert.ok(outcomes.includes('ambiguous'), 'the faults did make sends ambiguous');
      const { failed = 0, hung = 0, dropped = 0, lateAcks = 0 } = sim.stats;
      assert.ok(
        failed > 0 && hung > 0 && dropped + lateAcks > 0,
        `every fault struck: ${JSON.stringify(sim.stats)}`,
      );
    } finally {
      for (const connector of connectors) await connector.close();
      await sim.close();
    }
  });
});

for (const engine of ENGINES.filter((e) => e.engine === 'sqlite')) {
  describe(`File exchange through the hub on ${engine.engine}`, () => {
    let t: TestApp;
    let sim: FileExchangeSimulator;
    let auth: Record<string, string>;
    const viaApi = () => ({
      baseUrl: sim.url,
      settings: sim.connection.settings,
      credentials: sim.connection.credentials,
    });

    before(async () => {
      sim = await startFileExchangeSimulator({ master: MASTER, now: () => new Date() });
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        {
          connectors: [...CONNECTORS, FILE_EXCHANGE],
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

    it('refuses a connection whose layout does not fit, naming the column', async () => {
      const refused = await t.request({
        method: 'POST',
        url: '/api/v1/connections',
        headers: auth,
        payload: {
          name: '文件交换 坏布局',
          type: 'file-exchange',
          ...viaApi(),
          settings: {
            ...viaApi().settings,
            layout: {
              format: 'csv',
              headerRow: true,
              fileName: 'FB_{reference}.csv',
              columns: [
                { title: '日期', source: 'date', dateFormat: 'MM-dd' },
                { title: '业务号', source: 'reference' },
                { title: '科目', source: 'line.account' },
                { title: '借方', source: 'line.debit' },
              ],
            },
          },
          credentials: sim.connection.credentials,
        },
      });
      assert.equal(refused.statusCode, 422, refused.body);
      assert.match(refused.body, /\/settings\/layout\/columns\/0\/dateFormat/);
      assert.match(refused.body, /\/settings\/layout\/columns\/3\/source/);
    });

    it('posts a voucher into the ERP exactly once, with the voucher number of its acknowledgement', async () => {
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/connections',
        headers: auth,
        payload: { name: '文件交换 测试', type: 'file-exchange', ...viaApi() },
      });
      assert.equal(created.statusCode, 201, created.body);
      const connectionId = created.json<{ id: string }>().id;
      const posted = await postThroughHub(t, auth, {
        connectionId,
        documentId: 'FX-1',
        voucher: TRAVEL_VOUCHER,
      });
      const inErp = sim.book.vouchers.filter((v) => v.reference.includes('FX-1'));
      assert.equal(inErp.length, 1);
      assert.equal(posted.erpNumber, inErp[0]?.number);
    });
  });
}

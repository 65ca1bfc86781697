import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Type } from 'typebox';
import type {
  Connector,
  ConnectorDefinition,
  LookupResult,
  PushResult,
  Rendered,
} from '../../src/connectors/contract.ts';
import { CONNECTORS } from '../../src/connectors/index.ts';
import { ENGINES } from '../support/engines.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { until } from '../support/wait.ts';

/**
 * A third ERP family added the way the issue asks: one definition, registered by the composition root
 * (here the test), and nothing else. The hub, the connections API, the worker and the dry run take
 * it without knowing it by name. Its "ERP" is an in-memory ledger per base URL.
 */
const books = new Map<string, Map<string, { number: string; lines: number }>>();

const render = (document: Parameters<ConnectorDefinition['render']>[0], reference: string): Rendered => ({
  erpObject: 'JOURNAL',
  operation: 'post',
  payload: {
    ref: reference,
    lines: document.kind === 'voucher' ? document.value.lines.length : 0,
  },
  explain: [],
});

function testLedger(baseUrl: string): Connector {
  const book = books.get(baseUrl) ?? new Map<string, { number: string; lines: number }>();
  books.set(baseUrl, book);
  const push = async (document: Parameters<typeof render>[0], reference: string): Promise<PushResult> => {
    const existing = book.get(reference);
    if (existing !== undefined)
      return { outcome: 'rejected', code: 'DUP', message: `重复的凭证 ${reference}` };
    if (document.kind === 'voucher' && document.value.period < '2026-01')
      return {
        outcome: 'rejected',
        code: 'GL-17',
        message: `Period ${document.value.period} is closed for posting`,
        reason: 'period_closed',
      };
    const entry = {
      number: `TL-${book.size + 1}`,
      lines: Number(render(document, reference).payload['lines']),
    };
    book.set(reference, entry);
    return { outcome: 'success', erpId: entry.number, erpNumber: entry.number };
  };
  return {
    manifest: TEST_LEDGER.manifest,
    test: async () => ({ ok: true, latencyMs: 0, detail: `ledger ${baseUrl}` }),
    render,
    push,
    pushBatch: async (items) => Promise.all(items.map((i) => push(i.document, i.externalReference))),
    lookup: async (_kind, reference): Promise<LookupResult> => {
      const entry = book.get(reference);
      return entry === undefined
        ? { found: false }
        : { found: true, erpId: entry.number, erpNumber: entry.number };
    },
    pull: async () => ({ outcome: 'rejected', code: 'unsupported', message: 'nothing to pull' }),
    close: async () => {},
  };
}

const TEST_LEDGER: ConnectorDefinition = {
  manifest: {
    id: 'test-ledger',
    names: { zh: '测试账簿', en: 'Test ledger' },
    versions: ['1'],
    authKinds: ['token'],
    pushes: {
      voucher: {
        canonical: 'Voucher',
        erpObject: 'JOURNAL',
        lifecycle: ['post'],
        batchLimit: 10,
        reference: { field: 'ref', lookup: 'by ref' },
      },
    },
    pulls: {},
    defaultRateLimitRps: 50,
    profileSettings: { schema: Type.Object({}, { additionalProperties: false }), defaults: {} },
  },
  settings: Type.Object(
    { ledger: Type.String({ minLength: 1, maxLength: 20 }) },
    { additionalProperties: false },
  ),
  credentials: {
    token: Type.Object({ token: Type.String({ minLength: 8 }) }, { additionalProperties: false }),
  },
  render,
  create: (connection) => testLedger(connection.baseUrl),
  simulator: {
    command: 'test-ledger',
    start: async () => {
      const url = `http://127.0.0.1:9/test-ledger/${books.size + 1}/`;
      books.set(url, new Map());
      return {
        url,
        connection: { settings: { ledger: 'main' }, credentials: { token: 'secret-token' } },
        banner: [`Test ledger at ${url}`],
        close: async () => {},
      };
    },
  },
};

const voucher = {
  companyCode: 'ACME',
  date: '2026-11-28',
  period: '2026-11',
  word: '记',
  currency: 'CNY',
  summary: '插件测试',
  lines: [
    { summary: '插件测试', accountCode: '660202', debit: '10.00' },
    { summary: '插件测试', accountCode: '224101', credit: '10.00' },
  ],
};

for (const engine of ENGINES) {
  describe(`a connector registered from outside on ${engine.engine}`, () => {
    let t: TestApp;
    let auth: Record<string, string>;
    let url = '';

    before(async () => {
      t = await startTestApp(
        engine,
        { LOG_LEVEL: 'warn' },
        {
          connectors: [...CONNECTORS, TEST_LEDGER],
          worker: { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } },
        },
      );
      await t.provision();
      auth = await t.bearer('ACME', ['connections:admin', 'vouchers:write', 'vouchers:read']);
      url = (
        await TEST_LEDGER.simulator.start({
          now: () => new Date(),
          master: { accounts: [], departments: [], employees: [], suppliers: [] },
        })
      ).url;
    });
    after(async () => t.close());

    const connect = (payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: '/api/v1/connections', headers: auth, payload });

    it('lists the installed connectors with their settings and credential schemas', async () => {
      const res = await t.request({ url: '/api/v1/connectors', headers: auth });
      assert.equal(res.statusCode, 200, res.body);
      const items = res.json<{ items: { type: string; settings: object; credentials: object }[] }>().items;
      assert.deepEqual(
        items.map((c) => c.type),
        [...CONNECTORS.map((c) => c.manifest.id), 'test-ledger'],
      );
      const ledger = items.find((c) => c.type === 'test-ledger');
      assert.deepEqual(Object.keys(ledger?.credentials ?? {}), ['token']);
      assert.equal((ledger?.settings as { required?: string[] }).required?.[0], 'ledger');
    });

    it('refuses an unknown type with 422 listing the installed ones', async () => {
      const res = await connect({
        name: 'x',
        type: 'no-such-erp',
        baseUrl: url,
        settings: {},
        credentials: {},
      });
      assert.equal(res.statusCode, 422, res.body);
      const error = res.json<{ errors: { pointer: string; code: string; message: string }[] }>().errors[0];
      assert.equal(error?.pointer, '/type');
      assert.equal(error.code, 'unknown_connection_type');
      assert.match(error.message, /kingdee-k3cloud, .*test-ledger/);
    });

    it('checks settings and credentials against the definition, naming the field', async () => {
      const noLedger = await connect({
        name: 'x',
        type: 'test-ledger',
        baseUrl: url,
        settings: { acctId: '1' },
        credentials: { token: 'secret-token' },
      });
      assert.equal(noLedger.statusCode, 422, noLedger.body);
      assert.deepEqual(
        noLedger
          .json<{ errors: { pointer: string }[] }>()
          .errors.map((e) => e.pointer)
          .sort(),
        ['/settings/acctId', '/settings/ledger'],
      );
      const shortToken = await connect({
        name: 'x',
        type: 'test-ledger',
        baseUrl: url,
        settings: { ledger: 'main' },
        credentials: { token: 'short' },
      });
      assert.equal(shortToken.statusCode, 422, shortToken.body);
      assert.equal(
        shortToken.json<{ errors: { pointer: string }[] }>().errors[0]?.pointer,
        '/credentials/token',
      );
      const sftp = await connect({
        name: 'x',
        type: 'test-ledger',
        baseUrl: 'sftp://127.0.0.1:22/exchange',
        settings: { ledger: 'main' },
        credentials: { token: 'secret-token' },
      });
      assert.equal(sftp.statusCode, 422, sftp.body);
      const wrongScheme = sftp.json<{ errors: { pointer: string; message: string }[] }>().errors[0];
      assert.equal(wrongScheme?.pointer, '/baseUrl', 'a scheme its manifest does not name');
      assert.match(wrongScheme.message, /http:\/\/ or https:\/\//);
      const list = await t.request({ url: '/api/v1/connections', headers: auth });
      assert.equal(list.json<{ items: object[] }>().items.length, 0, 'nothing stored');
    });

    it('posts a voucher through it exactly once, traced, with a dry run on the way', async () => {
      const created = await connect({
        name: '测试账簿',
        type: 'test-ledger',
        baseUrl: url,
        settings: { ledger: 'main' },
        credentials: { token: 'secret-token' },
      });
      assert.equal(created.statusCode, 201, created.body);
      const connectionId = created.json<{ id: string; rateLimitRps: number }>().id;
      assert.equal(created.json<{ rateLimitRps: number }>().rateLimitRps, 50, "the manifest's default rate");
      const dry = await t.request({
        method: 'POST',
        url: `/api/v1/connections/${connectionId}/dry-run`,
        headers: auth,
        payload: { kind: 'voucher', document: voucher },
      });
      assert.equal(dry.statusCode, 200, dry.body);
      assert.equal(dry.json<{ erpObject: string }>().erpObject, 'JOURNAL');
      const submitted = await t.request({
        method: 'POST',
        url: '/api/v1/vouchers',
        headers: auth,
        payload: { connectionId, documentId: 'PLUG-1', voucher },
      });
      assert.equal(submitted.statusCode, 202, submitted.body);
      const id = submitted.json<{ id: string }>().id;
      const posted = await until('posted', async () => {
        const p = (await t.request({ url: `/api/v1/postings/${id}`, headers: auth })).json<{
          status: string;
          erpNumber: string;
        }>();
        return p.status === 'posted' ? p : undefined;
      });
      assert.equal(posted.erpNumber, 'TL-1');
      assert.equal(books.get(url)?.size, 1);
      assert.equal([...(books.get(url)?.values() ?? [])][0]?.lines, 2);
    });

    it("parks a refusal with the ERP's own message and the reason it recognised, in both languages", async () => {
      const list = await t.request({ url: '/api/v1/connections', headers: auth });
      const connectionId = list.json<{ items: { id: string }[] }>().items[0]!.id;
      const closed = { ...voucher, date: '2025-12-31', period: '2025-12' };
      const submitted = await t.request({
        method: 'POST',
        url: '/api/v1/vouchers',
        headers: auth,
        payload: { connectionId, documentId: 'PLUG-CLOSED', voucher: closed },
      });
      assert.equal(submitted.statusCode, 202, submitted.body);
      const id = submitted.json<{ id: string }>().id;
      type Parked = {
        status: string;
        lastError: { code: string; message: string; reason: string; reasonText: Record<string, string> };
      };
      const parked = await until('rejected', async () => {
        const p = (await t.request({ url: `/api/v1/postings/${id}`, headers: auth })).json<Parked>();
        return p.status === 'rejected' ? p : undefined;
      });
      assert.deepEqual(parked.lastError, {
        code: 'GL-17',
        message: 'Period 2025-12 is closed for posting',
        reason: 'period_closed',
        reasonText: {
          'zh-CN': '会计期间未打开或已关闭',
          'en-US': 'The accounting period is not open in the ERP',
        },
      });
      const trace = await t.request({ url: `/api/v1/documents/${id}/trace`, headers: auth });
      const rejected = trace
        .json<{ events: { kind: string; detail: Record<string, unknown> }[] }>()
        .events.find((e) => e.kind === 'rejected');
      assert.deepEqual(rejected?.detail, {
        code: 'GL-17',
        message: 'Period 2025-12 is closed for posting',
        reason: 'period_closed',
      });
    });
  });
}

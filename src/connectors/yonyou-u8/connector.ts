import type {
  CanonicalDocument,
  Connector,
  ConnectorContext,
  ErpFailure,
  ErpRecord,
  LookupResult,
  MappingProfile,
  PullResult,
  PushResult,
  Rendered,
  VoucherPage,
  VoucherQuery,
} from '../contract.ts';
import { U8Client, type U8Endpoint } from './client.ts';
import { YONYOU_U8_MANIFEST } from './manifest.ts';
import { yonyouSettings } from './map/profile.ts';
import { afterCursor, PULL_RESOURCES, recordOf } from './map/pull.ts';
import { renderU8Voucher } from './map/voucher.ts';
import { listPageOf, nextCursor, u8Period, voucherListParams, voucherOfListed } from './map/voucher-list.ts';

const unsupported = (what: string): ErpFailure => ({
  outcome: 'rejected',
  code: 'unsupported',
  message: `Yonyou U8+ connector cannot ${what}`,
});

/** Only vouchers are pushed; the other kinds are refused by the hub before they get here. */
export function renderYonyou(
  document: CanonicalDocument,
  reference: string,
  profile: MappingProfile,
): Rendered {
  if (document.kind !== 'voucher') throw new TypeError(`yonyou-u8 does not push ${document.kind}`);
  return renderU8Voucher(document.value, reference, profile);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A lookup answer of `voucher/get` that says the voucher is not there ([INF]: the wording is not documented). */
const NOT_FOUND = /不存在|未找到|没有找到|查询不到/;

/** A U8+ OpenAPI connection behind the connector contract. */
export function createYonyouConnector(endpoint: U8Endpoint, ctx: ConnectorContext): Connector {
  const client = new U8Client(endpoint, ctx);

  async function push(
    document: CanonicalDocument,
    reference: string,
    profile: MappingProfile,
  ): Promise<PushResult> {
    if (document.kind !== 'voucher') return unsupported(`push ${document.kind}`);
    const bookCurrency = yonyouSettings(profile).bookCurrency;
    if (document.value.currency !== bookCurrency)
      return {
        outcome: 'rejected',
        code: 'currency_not_book_currency',
        message: `voucher currency ${document.value.currency} is not the account set's ${bookCurrency}; the canonical voucher carries no exchange rate`,
      };
    const rendered = renderU8Voucher(document.value, reference, profile);
    const result = await client.post('/api/voucher/add', rendered.payload);
    if (!result.ok) return result.failure;
    const id = result.body['id'];
    if ((typeof id === 'string' && id !== '') || typeof id === 'number')
      return { outcome: 'success', erpId: String(id), erpNumber: String(id) };
    // accepted without an id (an asynchronous acknowledgement): stored or not, we cannot tell yet
    return {
      outcome: 'ambiguous',
      code: 'no_id',
      message: `accepted without a voucher id: ${JSON.stringify(result.body).slice(0, 400)}`,
    };
  }

  async function listAll(resource: string, rows: number): Promise<{ records: ErpRecord[] } | ErpFailure> {
    const records: ErpRecord[] = [];
    for (let page = 1; ; page++) {
      const result = await client.get(`/api/${resource}/batch_get`, {
        page_index: String(page),
        rows_per_page: String(rows),
      });
      if (!result.ok) return result.failure;
      const list = result.body[resource];
      if (Array.isArray(list)) for (const row of list) if (isRecord(row)) records.push(recordOf(row));
      const pages = Number(result.body['page_count'] ?? 1);
      if (!Array.isArray(list) || list.length === 0 || !(page < pages)) return { records };
    }
  }

  /** One page of the period's vouchers (`voucher/batch_get`, B4): whole vouchers, page after page. */
  async function listVouchers(query: VoucherQuery): Promise<VoucherPage> {
    const at = u8Period(query.period);
    if (at === undefined)
      return { outcome: 'rejected', code: 'bad_period', message: `not a period: ${query.period}` };
    const page = listPageOf(query);
    if (page === undefined)
      return {
        outcome: 'rejected',
        code: 'bad_cursor',
        message: `not a voucher-list cursor: ${query.after ?? ''}`,
      };
    const result = await client.get('/api/voucher/batch_get', voucherListParams(at, page), true);
    if (!result.ok) return result.failure;
    const list = result.body['voucher'];
    // an empty period may come back without the array
    if (list !== undefined && !Array.isArray(list))
      return {
        outcome: 'transient',
        code: 'unknown_answer',
        message: JSON.stringify(result.body).slice(0, 500),
      };
    let vouchers;
    try {
      vouchers = (list ?? []).map(voucherOfListed);
    } catch (error) {
      return { outcome: 'transient', code: 'unreadable_answer', message: String(error) };
    }
    const pages = Number(result.body['page_count']);
    const more = vouchers.length === page.rows && (!Number.isFinite(pages) || page.index < pages);
    return { vouchers, next: more ? nextCursor(page) : null };
  }

  return {
    manifest: YONYOU_U8_MANIFEST,
    async test() {
      const started = performance.now();
      const result = await client.get('/api/vendor/batch_get', { page_index: '1', rows_per_page: '1' });
      const latencyMs = Math.round(performance.now() - started);
      if (!result.ok) return { ok: false, latencyMs, ...result.failure };
      return { ok: true, latencyMs, detail: `signed in as ${endpoint.fromAccount} to ${endpoint.toAccount}` };
    },
    render: renderYonyou,
    push,
    async pushBatch(items, profile): Promise<PushResult[]> {
      // voucher/add takes one voucher a call (batchLimit 1): one call per item, in order
      const results: PushResult[] = [];
      for (const item of items) results.push(await push(item.document, item.externalReference, profile));
      return results;
    },
    async lookup(kind, reference): Promise<LookupResult> {
      if (kind !== 'voucher') return unsupported(`look up ${kind}`);
      const result = await client.get('/api/voucher/get', { id: reference });
      if (!result.ok)
        return result.failure.outcome === 'rejected' && NOT_FOUND.test(result.failure.message)
          ? { found: false }
          : result.failure;
      const voucher = result.body['voucher'];
      if (!isRecord(voucher)) return { found: false };
      if (voucher['reserve2'] !== undefined && voucher['reserve2'] !== reference)
        return {
          outcome: 'ambiguous',
          code: 'other_voucher',
          message: `voucher/get answered another voucher for ${reference}`,
        };
      const id = voucher['id'];
      const erpId = typeof id === 'string' || typeof id === 'number' ? String(id) : '';
      return { found: true, erpId, erpNumber: erpId };
    },
    async pull(object, after, limit): Promise<PullResult> {
      const resource = Object.hasOwn(PULL_RESOURCES, object) ? PULL_RESOURCES[object] : undefined;
      if (resource === undefined) return unsupported(`pull ${object}`);
      // no modification filter exists: list everything, then keep what comes after the cursor
      const all = await listAll(resource, limit);
      if (!('records' in all)) return all;
      return { records: afterCursor(all.records, after, limit) };
    },
    listVouchers,
    close: async () => {},
  };
}

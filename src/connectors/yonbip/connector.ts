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
import { asRead, YonBipClient, type YonBipEndpoint } from './client.ts';
import { YONBIP_MANIFEST } from './manifest.ts';
import { DEFAULT_YONBIP_SETTINGS, yonbipSettings } from './map/profile.ts';
import { pageAfter, PULL_OBJECTS, vendorRecord } from './map/pull.ts';
import { renderYonBipVoucher } from './map/voucher.ts';
import { cursorOf, pageOf, voucherListRequest, voucherOfRecord, yonbipPeriod } from './map/voucher-list.ts';

export const VOUCHER_SAVE = '/fi/ficloud/openapi/voucher/addVoucher';
export const VOUCHER_QUERY = '/fi/ficloud/openapi/voucher/queryVouchers';

export interface YonBipConnection extends YonBipEndpoint {
  /** The account book lookups search (the profile's book when pushing). */
  readonly accbookCode: string;
  /** How far back (by the voucher's `ts`) a lookup searches, days. */
  readonly lookupDays: number;
}

const unsupported = (what: string): ErpFailure => ({
  outcome: 'rejected',
  code: 'unsupported',
  message: `Yonyou YonBIP connector cannot ${what}`,
});

/** Only vouchers are pushed; the hub refuses the other kinds before they get here. */
export function renderYonBip(
  document: CanonicalDocument,
  reference: string,
  profile: MappingProfile,
): Rendered {
  if (document.kind !== 'voucher') throw new TypeError(`yonbip does not push ${document.kind}`);
  return renderYonBipVoucher(document.value, reference, profile);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** China time as YonBIP writes timestamps (`yyyy-MM-dd HH:mm:ss`, UTC+8) ([INF] for `ts` filters). */
export const beijingTime = (at: Date): string =>
  new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** Header fields a voucher list record may carry our reference in (lower-case list, camelCase detail). */
const REFERENCE_FIELDS = ['externalsourcedataid', 'externalSourceDataId', 'businessid', 'businessId'];

const PAGE = 1000;
const MAX_PAGES = 50;

/** A YonBIP open-platform connection behind the connector contract. */
export function createYonBipConnector(connection: YonBipConnection, ctx: ConnectorContext): Connector {
  const client = new YonBipClient(connection, ctx);

  async function push(
    document: CanonicalDocument,
    reference: string,
    profile: MappingProfile,
  ): Promise<PushResult> {
    if (document.kind !== 'voucher') return unsupported(`push ${document.kind}`);
    const { bookCurrency } = yonbipSettings(profile);
    if (document.value.currency !== bookCurrency)
      return {
        outcome: 'rejected',
        code: 'currency_not_book_currency',
        message: `voucher currency ${document.value.currency} is not the book's ${bookCurrency}; the canonical voucher carries no exchange rate`,
      };
    const rendered = renderYonBipVoucher(document.value, reference, profile);
    const result = await client.call('POST', VOUCHER_SAVE, rendered.payload);
    if (!result.ok) return result.failure;
    const data = result.body['data'];
    const id = isRecord(data) ? text(data['voucherId']) || text(data['id']) : '';
    if (id === '')
      return {
        outcome: 'ambiguous',
        code: 'no_voucher_id',
        message: `saved without a voucher id: ${JSON.stringify(result.body).slice(0, 400)}`,
      };
    const billCode = isRecord(data) ? text(data['billCode']) : '';
    return { outcome: 'success', erpId: id, erpNumber: billCode || id };
  }

  async function lookup(reference: string): Promise<LookupResult> {
    const now = ctx.now();
    const window = {
      accbookCode: connection.accbookCode,
      tsStart: beijingTime(new Date(now.getTime() - connection.lookupDays * 86_400_000)),
      tsEnd: beijingTime(new Date(now.getTime() + 86_400_000)),
    };
    for (let pageIndex = 1; pageIndex <= MAX_PAGES; pageIndex++) {
      const result = await client.call('POST', VOUCHER_QUERY, {
        ...window,
        pager: { pageIndex, pageSize: PAGE },
      });
      if (!result.ok) return asRead(result.failure);
      const data = result.body['data'];
      const list = isRecord(data) ? data['recordList'] : undefined;
      if (!Array.isArray(list))
        return {
          outcome: 'transient',
          code: 'unknown_answer',
          message: JSON.stringify(result.body).slice(0, 500),
        };
      for (const record of list) {
        const header = isRecord(record) && isRecord(record['header']) ? record['header'] : undefined;
        if (header === undefined || !REFERENCE_FIELDS.some((f) => header[f] === reference)) continue;
        const erpId = text(header['id']);
        return {
          found: true,
          erpId,
          erpNumber: text(header['billcode']) || text(header['billCode']) || erpId,
        };
      }
      const total = Number(isRecord(data) ? data['recordCount'] : 0);
      if (list.length < PAGE || !(pageIndex * PAGE < total)) return { found: false };
    }
    return {
      outcome: 'transient',
      code: 'too_many_vouchers',
      message: `more than ${MAX_PAGES * PAGE} vouchers in the lookup window`,
    };
  }

  async function pull(
    object: string,
    after: { modifiedAt: string | null; number: string | null },
    limit: number,
  ): Promise<PullResult> {
    const path = Object.hasOwn(PULL_OBJECTS, object) ? PULL_OBJECTS[object] : undefined;
    if (path === undefined) return unsupported(`pull ${object}`);
    const rows: ErpRecord[] = [];
    const pageSize = Math.max(1, Math.min(limit, YONBIP_MANIFEST.pulls['suppliers']?.pageLimit ?? 500));
    // `simple.pubts` narrows to rows changed since the watermark; the cursor then drops what came before
    const since =
      after.modifiedAt === null || after.modifiedAt === '' ? {} : { simple: { pubts: after.modifiedAt } };
    for (let pageIndex = 1; ; pageIndex++) {
      const result = await client.call('POST', path, { pageIndex, pageSize, ...since });
      if (!result.ok) return asRead(result.failure);
      const data = result.body['data'];
      const list = isRecord(data) ? data['recordList'] : undefined;
      if (!Array.isArray(list))
        return {
          outcome: 'transient',
          code: 'unknown_answer',
          message: JSON.stringify(result.body).slice(0, 500),
        };
      for (const row of list) if (isRecord(row)) rows.push(vendorRecord(row));
      const pages = Number(isRecord(data) ? (data['pageCount'] ?? 1) : 1);
      if (list.length === 0 || !(pageIndex < pages)) break;
    }
    return { records: pageAfter(rows, after, limit) };
  }

  /** One page of the period's vouchers (queryVouchers, C4): whole vouchers, page after page. */
  async function listVouchers(query: VoucherQuery): Promise<VoucherPage> {
    const period = yonbipPeriod(query.period);
    if (period === undefined)
      return { outcome: 'rejected', code: 'bad_period', message: `not a period: ${query.period}` };
    const page = pageOf(query);
    if (page === undefined)
      return {
        outcome: 'rejected',
        code: 'bad_cursor',
        message: `not a voucher-list cursor: ${query.after ?? ''}`,
      };
    const result = await client.call(
      'POST',
      VOUCHER_QUERY,
      voucherListRequest(connection.accbookCode, period, page),
      {},
      true,
    );
    if (!result.ok) return asRead(result.failure);
    const data = result.body['data'];
    const list = isRecord(data) ? data['recordList'] : undefined;
    if (!Array.isArray(list))
      return {
        outcome: 'transient',
        code: 'unknown_answer',
        message: JSON.stringify(result.body).slice(0, 500),
      };
    let vouchers;
    try {
      vouchers = list.map((record) => voucherOfRecord(record, REFERENCE_FIELDS));
    } catch (error) {
      return { outcome: 'transient', code: 'unreadable_answer', message: String(error) };
    }
    const total = Number(isRecord(data) ? data['recordCount'] : 0);
    // a full page is followed by another unless the record count says it was the last
    const more =
      list.length === page.pageSize && (!Number.isFinite(total) || page.pageIndex * page.pageSize < total);
    return { vouchers, next: more ? cursorOf(page) : null };
  }

  return {
    manifest: YONBIP_MANIFEST,
    async test() {
      const started = performance.now();
      const result = await client.call('POST', '/digitalModel/vendor/list', { pageIndex: 1, pageSize: 1 });
      const latencyMs = Math.round(performance.now() - started);
      if (!result.ok) return { ok: false, latencyMs, ...asRead(result.failure) };
      return { ok: true, latencyMs, detail: `tenant ${connection.tenantId}, app ${connection.appKey}` };
    },
    render: renderYonBip,
    push,
    async pushBatch(items, profile) {
      const results: PushResult[] = [];
      for (const item of items) results.push(await push(item.document, item.externalReference, profile));
      return results;
    },
    lookup: (kind, reference) =>
      kind === 'voucher' ? lookup(reference) : Promise.resolve(unsupported(`look up ${kind}`)),
    pull,
    listVouchers,
    close: async () => {},
  };
}

export const DEFAULT_ACCBOOK = DEFAULT_YONBIP_SETTINGS.accbookCode;

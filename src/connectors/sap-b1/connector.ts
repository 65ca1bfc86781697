import type {
  BatchItem,
  CanonicalDocument,
  Connector,
  ConnectorContext,
  DocumentKind,
  ErpFailure,
  ErpRecord,
  ErpVoucher,
  LookupResult,
  MappingProfile,
  PullCursor,
  PullResult,
  PushResult,
  Rendered,
  VoucherPage,
  VoucherQuery,
} from '../contract.ts';
import { isCurrencyCode } from '../../model/currencies.ts';
import { B1Client, type B1Endpoint } from './client.ts';
import { asRead, classifyAnswer, isDuplicateReference, type Classified } from './errors.ts';
import { SAP_B1_BATCH_LIMIT, SAP_B1_MANIFEST } from './manifest.ts';
import { JOURNAL_REFERENCE_FIELD, renderJournalEntry } from './map/journal-entry.ts';
import { sapB1Settings } from './map/profile.ts';
import { BILL_REFERENCE_FIELD, renderPurchaseInvoice } from './map/purchase-invoice.ts';
import { pageAfter, PULL_OBJECTS } from './map/pull.ts';
import { PAYMENT_REFERENCE_FIELD, renderVendorPayment } from './map/vendor-payment.ts';
import { cursorOf, periodDays, voucherListResource, voucherOf } from './map/voucher-list.ts';
import { REFERENCE_MAX } from './map/wire.ts';
import type { BatchAnswer } from './multipart.ts';
import { collectionOf, dateLiteral, literal, queryString, resourceOfLink } from './odata.ts';

/** Per document kind: its entity set, where our reference is, and its key and user-visible number. */
const KINDS: Readonly<
  Record<
    DocumentKind,
    { readonly entitySet: string; readonly field: string; readonly id: string; readonly number: string }
  >
> = {
  voucher: { entitySet: 'JournalEntries', field: JOURNAL_REFERENCE_FIELD, id: 'JdtNum', number: 'Number' },
  supplier_bill: {
    entitySet: 'PurchaseInvoices',
    field: BILL_REFERENCE_FIELD,
    id: 'DocEntry',
    number: 'DocNum',
  },
  payment: { entitySet: 'VendorPayments', field: PAYMENT_REFERENCE_FIELD, id: 'DocEntry', number: 'DocNum' },
};

/** Pure: the Service Layer request for a document (what a dry run shows). */
export function renderSapB1(
  document: CanonicalDocument,
  reference: string,
  profile: MappingProfile,
): Rendered {
  switch (document.kind) {
    case 'voucher':
      return renderJournalEntry(document.value, reference, profile);
    case 'supplier_bill':
      return renderPurchaseInvoice(document.value, reference, profile);
    case 'payment':
      return renderVendorPayment(document.value, reference, profile);
  }
}

/** What stops a document before any call: a reference B1 cannot hold, a journal entry in a foreign currency. */
function refusedBeforeSending(
  document: CanonicalDocument,
  reference: string,
  profile: MappingProfile,
): ErpFailure | undefined {
  if ([...reference].length > REFERENCE_MAX)
    return {
      outcome: 'rejected',
      code: 'reference_too_long',
      message: `external reference ${reference} is longer than the ${REFERENCE_MAX} characters B1 keeps in ${KINDS[document.kind].field}`,
    };
  const local = sapB1Settings(profile).localCurrency;
  if (document.kind === 'voucher' && document.value.currency !== local)
    return {
      outcome: 'rejected',
      code: 'currency_not_local_currency',
      message: `voucher currency ${document.value.currency} is not the company's local currency ${local}; the canonical voucher carries no exchange rate`,
    };
  return undefined;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** The created record's key and number → success; a 201 without them is ambiguous (look it up). */
function created(
  kind: DocumentKind,
  status: number,
  body: Readonly<Record<string, unknown>> | undefined,
): PushResult {
  const { id, number } = KINDS[kind];
  const erpId = text(body?.[id]);
  if (erpId !== '') return { outcome: 'success', erpId, erpNumber: text(body?.[number]) || erpId };
  return {
    outcome: 'ambiguous',
    code: 'no_key',
    message: `HTTP ${status} without ${id}: ${JSON.stringify(body ?? null).slice(0, 300)}`,
  };
}

const unsupported = (what: string): ErpFailure => ({
  outcome: 'rejected',
  code: 'unsupported',
  message: `SAP Business One connector cannot ${what}`,
});

/** Pages of a pull read before it gives up on reaching `limit` records after the cursor. */
const MAX_PULL_PAGES = 200;

/** A Service Layer connection behind the connector contract. */
export function createSapB1Connector(endpoint: B1Endpoint, ctx: ConnectorContext): Connector {
  const client = new B1Client(endpoint, ctx);

  async function lookup(kind: DocumentKind, reference: string): Promise<LookupResult> {
    const { entitySet, field, id, number } = KINDS[kind];
    const answer = await client.get(
      `${entitySet}?${queryString({
        $filter: `${field} eq ${literal(reference)}`,
        $select: `${id},${number},${field}`,
        $orderby: id,
        $top: 10,
      })}`,
    );
    if (!answer.ok) return answer.failure;
    // a case-insensitive collation may match other spellings: only our reference, as written, counts
    const row = collectionOf(answer.body).rows.find((r) => r[field] === reference);
    if (row === undefined) return { found: false };
    const erpId = text(row[id]);
    return { found: true, erpId, erpNumber: text(row[number]) || erpId };
  }

  /** A refusal that says the reference is taken means our document is there already: find it. */
  async function settled(kind: DocumentKind, reference: string, failure: ErpFailure): Promise<PushResult> {
    if (!isDuplicateReference(failure)) return failure;
    const found = await lookup(kind, reference);
    ctx.log('sap-b1.duplicate_reference', { kind, reference, found: 'found' in found && found.found });
    return 'found' in found && found.found
      ? { outcome: 'success', erpId: found.erpId, erpNumber: found.erpNumber }
      : failure;
  }

  async function push(
    document: CanonicalDocument,
    reference: string,
    profile: MappingProfile,
  ): Promise<PushResult> {
    const refused = refusedBeforeSending(document, reference, profile);
    if (refused !== undefined) return refused;
    const rendered = renderSapB1(document, reference, profile);
    const answer: Classified = await client.post(rendered.erpObject, rendered.payload);
    if (answer.ok) return created(document.kind, answer.status, answer.body);
    return settled(document.kind, reference, answer.failure);
  }

  /** One changeset's answers → the item's result: its 201, or the one error answer of the changeset. */
  async function resultOf(
    kind: DocumentKind,
    reference: string,
    answers: readonly BatchAnswer[],
  ): Promise<PushResult> {
    const [answer] = answers;
    if (answer === undefined || answers.length !== 1)
      return {
        outcome: 'ambiguous',
        code: 'unreadable_batch',
        message: `${answers.length} answers for one document`,
      };
    const classified = classifyAnswer(answer.status, answer.headers['content-type'], answer.body, true);
    if (classified.ok) return created(kind, classified.status, classified.body);
    return settled(kind, reference, classified.failure);
  }

  /**
   * One `$batch` call per up to `batchLimit` documents, **one changeset per document**: B1 rolls a
   * failed changeset back as a whole (§2.6), so a changeset of several documents would turn one
   * refusal into the refusal of all; separate changesets keep each document's own result. The batch
   * is still one call: a lost answer leaves every item in it ambiguous.
   */
  async function pushChunk(items: readonly BatchItem[], profile: MappingProfile): Promise<PushResult[]> {
    const results: (PushResult | undefined)[] = items.map((item) =>
      refusedBeforeSending(item.document, item.externalReference, profile),
    );
    const sent = items.flatMap((item, i) => (results[i] === undefined ? [{ item, i }] : []));
    if (sent.length === 0) return results as PushResult[];
    const batch = await client.batch(
      sent.map(({ item }, n) => {
        const rendered = renderSapB1(item.document, item.externalReference, profile);
        return [
          {
            method: 'POST' as const,
            path: client.pathOf(rendered.erpObject),
            contentId: String(n + 1),
            body: JSON.stringify(rendered.payload),
          },
        ];
      }),
    );
    for (const [n, { item, i }] of sent.entries())
      results[i] = batch.ok
        ? await resultOf(item.document.kind, item.externalReference, batch.answers[n] ?? [])
        : batch.failure;
    return results as PushResult[];
  }

  async function pull(object: string, after: PullCursor, limit: number): Promise<PullResult> {
    const spec = Object.hasOwn(PULL_OBJECTS, object) ? PULL_OBJECTS[object] : undefined;
    if (spec === undefined) return unsupported(`pull ${object}`);
    const size = Math.max(1, Math.min(limit, 500));
    const filters = spec.filter === undefined ? [] : [spec.filter];
    const since = after.modifiedAt?.slice(0, 10) ?? '';
    if (spec.tracksChanges && since !== '')
      filters.push(`UpdateDate ge ${dateLiteral(endpoint.version, since)}`);
    if (!spec.tracksChanges && after.number !== null) filters.push(`${spec.key} gt ${literal(after.number)}`);
    let resource = `${spec.entitySet}?${queryString({
      $filter: filters.map((f) => (filters.length > 1 ? `(${f})` : f)).join(' and '),
      $select: spec.select.join(','),
      // $skip paging: order by a key so that pages neither repeat nor skip (§2.3)
      $orderby: spec.tracksChanges ? `UpdateDate,UpdateTime,${spec.key}` : spec.key,
      $top: spec.tracksChanges ? undefined : size,
    })}`;
    const records: ErpRecord[] = [];
    for (let page = 0; page < MAX_PULL_PAGES; page++) {
      const answer = await client.get(resource, size);
      if (!answer.ok) return answer.failure;
      const { rows, next } = collectionOf(answer.body);
      records.push(...rows.map((row) => spec.record(row)));
      if (rows.length === 0 || next === undefined || pageAfter(records, after, limit).length >= limit) break;
      const linked = resourceOfLink(next, client.root);
      if (linked === undefined)
        return {
          outcome: 'transient',
          code: 'foreign_next_link',
          message: `next page outside the service: ${next}`,
        };
      resource = linked;
    }
    return { records: pageAfter(records, after, limit) };
  }

  let localCurrency: string | undefined;

  /**
   * The company's local currency, the currency of every journal line's `Debit`/`Credit`: asked once of
   * `CompanyService_GetAdminInfo` ([inferred]: the Service Layer's form of the DI API's CompanyService
   * GetAdminInfo; a read, though B1 takes it as a POST).
   */
  async function companyCurrency(): Promise<string | ErpFailure> {
    if (localCurrency !== undefined) return localCurrency;
    const answer = await client.post('CompanyService_GetAdminInfo', {});
    if (!answer.ok) return asRead(answer.failure);
    const code = text(answer.body?.['LocalCurrency']);
    if (!isCurrencyCode(code))
      return {
        outcome: 'rejected',
        code: 'local_currency_not_iso',
        message: `the company's local currency ${JSON.stringify(code)} is not an ISO 4217 code FinBridge knows`,
      };
    localCurrency = code;
    return code;
  }

  async function listVouchers(query: VoucherQuery): Promise<VoucherPage> {
    const days = periodDays(query.period);
    if (days === undefined)
      return /^\d{4}-1[3-6]$/.test(query.period)
        ? // B1's posting periods are date ranges: no entry belongs to a special period
          { vouchers: [], next: null }
        : { outcome: 'rejected', code: 'bad_period', message: `not a period: ${query.period}` };
    const currency = await companyCurrency();
    if (typeof currency !== 'string') return currency;
    const size = Math.max(1, Math.min(query.limit, SAP_B1_MANIFEST.voucherList?.pageLimit ?? 100));
    let resource = voucherListResource(endpoint.version, days, cursorOf(query), size);
    const vouchers: ErpVoucher[] = [];
    for (let page = 0; page < MAX_PULL_PAGES; page++) {
      const answer = await client.get(resource, size, true);
      if (!answer.ok) return answer.failure;
      const { rows, next } = collectionOf(answer.body);
      for (const row of rows) {
        const voucher = voucherOf(row, currency);
        if (typeof voucher === 'string')
          return { outcome: 'transient', code: 'unreadable_answer', message: voucher };
        vouchers.push(voucher);
      }
      if (rows.length === 0 || next === undefined || vouchers.length >= size) break;
      const linked = resourceOfLink(next, client.root);
      if (linked === undefined)
        return {
          outcome: 'transient',
          code: 'foreign_next_link',
          message: `next page outside the service: ${next}`,
        };
      resource = linked;
    }
    const last = vouchers.at(-1);
    return { vouchers, next: last === undefined || vouchers.length < size ? null : last.erpId };
  }

  return {
    manifest: SAP_B1_MANIFEST,
    async test() {
      const started = performance.now();
      const answer = await client.get(`ChartOfAccounts?${queryString({ $select: 'Code', $top: 1 })}`);
      const latencyMs = Math.round(performance.now() - started);
      if (!answer.ok) return { ok: false, latencyMs, ...answer.failure };
      const version = client.b1Version;
      return {
        ok: true,
        latencyMs,
        detail: `signed in to ${endpoint.companyDb} as ${endpoint.userName} through /b1s/${endpoint.version}`,
        ...(version === undefined ? {} : { version }),
      };
    },
    render: renderSapB1,
    push,
    async pushBatch(items, profile): Promise<PushResult[]> {
      const results: PushResult[] = [];
      for (let at = 0; at < items.length; at += SAP_B1_BATCH_LIMIT)
        results.push(...(await pushChunk(items.slice(at, at + SAP_B1_BATCH_LIMIT), profile)));
      return results;
    },
    lookup,
    pull,
    listVouchers,
    close: () => client.logout(),
  };
}

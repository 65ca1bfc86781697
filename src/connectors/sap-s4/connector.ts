import type {
  BatchItem,
  CanonicalDocument,
  Connector,
  ConnectorContext,
  DocumentKind,
  ErpFailure,
  ErpRecord,
  LookupResult,
  MappingProfile,
  PullCursor,
  PullResult,
  PushResult,
  Rendered,
  VoucherPage,
  VoucherQuery,
} from '../contract.ts';
import type { VoucherValue } from '../../model/voucher.ts';
import { S4Client, type S4Endpoint } from './client.ts';
import { DUPLICATE_INVOICE, sapMessage } from './errors.ts';
import { JOURNAL_ENTRIES_PER_CALL, SAP_S4_MANIFEST } from './manifest.ts';
import { renderJournalEntries, SOAP_ACTION } from './map/journal-entry.ts';
import { PULL_OBJECTS, type PullScope } from './map/pull.ts';
import { messageHeaderOf, referenceKey } from './map/reference.ts';
import { renderSupplierInvoice } from './map/supplier-invoice.ts';
import { cursorOf, documentOf, itemsResource, periodFilter, vouchersOf } from './map/voucher-list.ts';
import { collectionOf, entityOf, queryOf, stringLiteral, textOf } from './odata.ts';
import { xmlElement, XML_DECLARATION, type XmlNode } from './xml.ts';

export const SUPPLIER_INVOICE_SERVICE = 'API_SUPPLIERINVOICE_PROCESS_SRV';
export const JOURNAL_ITEM_SERVICE = 'API_JOURNALENTRYITEMBASIC_SRV';
/** Where document-level lookups go when a build's journal items lack `AccountingDocument` (§1.7). */
export const ACCOUNTING_CUBE_SERVICE = 'API_OPLACCTGDOCITEMCUBE_SRV';

export interface S4Connection extends S4Endpoint {
  readonly chartOfAccounts: string;
  readonly controllingArea: string;
}

const unsupported = (what: string): ErpFailure => ({
  outcome: 'rejected',
  code: 'unsupported',
  message: `SAP S/4HANA connector cannot ${what}`,
});

/** Journal entries (vouchers) and supplier invoices; payments are refused by the hub before they get here. */
export function renderS4(document: CanonicalDocument, reference: string, profile: MappingProfile): Rendered {
  if (document.kind === 'voucher')
    return renderJournalEntries([{ voucher: document.value, reference }], profile);
  if (document.kind === 'supplier_bill') return renderSupplierInvoice(document.value, reference, profile);
  throw new TypeError(`sap-s4 does not push ${document.kind}`);
}

/** The XML of a rendered SOAP request. */
const soapText = (rendered: Rendered): string =>
  XML_DECLARATION + xmlElement('soapenv:Envelope', rendered.payload['soapenv:Envelope'] as XmlNode);

/** A lookup that found the document more than once keeps the first (lowest number) and says so. */
function firstDocument(
  rows: readonly Readonly<Record<string, unknown>>[],
  number: string,
  others: readonly string[],
): { erpId: string; erpNumber: string; count: number } | undefined {
  const keys = new Map<string, { erpId: string; erpNumber: string }>();
  for (const row of rows) {
    const erpNumber = textOf(row, number);
    if (erpNumber === '') continue;
    const erpId = erpNumber + others.map((f) => textOf(row, f)).join('');
    keys.set(erpId, { erpId, erpNumber });
  }
  const sorted = [...keys.values()].sort((a, b) => (a.erpId < b.erpId ? -1 : a.erpId > b.erpId ? 1 : 0));
  const first = sorted[0];
  return first === undefined ? undefined : { ...first, count: sorted.length };
}

/** An S/4HANA connection behind the connector contract. */
export function createS4Connector(connection: S4Connection, ctx: ConnectorContext): Connector {
  const client = new S4Client(connection, ctx);
  /** Set once a build answered that its journal items lack `AccountingDocument` (§1.7). */
  let journalItemsLackDocument = false;

  async function pushVouchers(
    entries: readonly { voucher: VoucherValue; reference: string }[],
    profile: MappingProfile,
  ): Promise<PushResult[]> {
    const rendered = renderJournalEntries(entries, profile, ctx.now().toISOString());
    const ids = entries.map((e) => messageHeaderOf(e.reference).id);
    return client.postJournalEntries(soapText(rendered), SOAP_ACTION, ids);
  }

  async function lookupVoucher(reference: string): Promise<LookupResult> {
    const filter = `DocumentReferenceID eq ${stringLiteral(referenceKey(reference))}`;
    const query = queryOf({
      $filter: filter,
      $select: 'AccountingDocument,CompanyCode,FiscalYear',
      $top: '100',
      $format: 'json',
    });
    let answer = journalItemsLackDocument
      ? undefined
      : await client.read(JOURNAL_ITEM_SERVICE, `A_JournalEntryItemBasic${query}`);
    if (
      answer === undefined ||
      (!answer.ok &&
        answer.failure.outcome === 'rejected' &&
        /AccountingDocument/.test(answer.failure.message))
    ) {
      if (!journalItemsLackDocument) ctx.log('sap-s4.lookup_fallback', { service: ACCOUNTING_CUBE_SERVICE });
      journalItemsLackDocument = true;
      answer = await client.read(ACCOUNTING_CUBE_SERVICE, `A_OperationalAcctgDocItemCube${query}`);
    }
    if (!answer.ok) return answer.failure;
    const page = collectionOf(answer.body);
    if (page === undefined)
      return {
        outcome: 'transient',
        code: 'unreadable_answer',
        message: 'journal items answer without d.results',
      };
    const found = firstDocument(page.results, 'AccountingDocument', ['CompanyCode', 'FiscalYear']);
    if (found === undefined) return { found: false };
    if (found.count > 1) ctx.log('sap-s4.lookup_duplicates', { reference, documents: found.count });
    return { found: true, erpId: found.erpId, erpNumber: found.erpNumber };
  }

  async function lookupInvoice(reference: string): Promise<LookupResult> {
    const answer = await client.read(
      SUPPLIER_INVOICE_SERVICE,
      `A_SupplierInvoice${queryOf({
        $filter: `SupplierInvoiceIDByInvcgParty eq ${stringLiteral(referenceKey(reference))}`,
        $select: 'SupplierInvoice,FiscalYear',
        $top: '10',
        $format: 'json',
      })}`,
    );
    if (!answer.ok) return answer.failure;
    const page = collectionOf(answer.body);
    if (page === undefined)
      return {
        outcome: 'transient',
        code: 'unreadable_answer',
        message: 'supplier invoices answer without d.results',
      };
    const found = firstDocument(page.results, 'SupplierInvoice', ['FiscalYear']);
    if (found === undefined) return { found: false };
    if (found.count > 1) ctx.log('sap-s4.lookup_duplicates', { reference, documents: found.count });
    return { found: true, erpId: found.erpId, erpNumber: found.erpNumber };
  }

  async function pushInvoice(
    document: Extract<CanonicalDocument, { kind: 'supplier_bill' }>,
    reference: string,
    profile: MappingProfile,
  ): Promise<PushResult> {
    const rendered = renderSupplierInvoice(document.value, reference, profile);
    const answer = await client.create(SUPPLIER_INVOICE_SERVICE, 'A_SupplierInvoice', rendered.payload);
    if (!answer.ok) {
      // S/4 configured to refuse a duplicate invoice: it is there already, under our reference
      if (answer.failure.outcome === 'rejected' && answer.failure.code === DUPLICATE_INVOICE) {
        const existing = await lookupInvoice(reference);
        if ('found' in existing && existing.found)
          return { outcome: 'success', erpId: existing.erpId, erpNumber: existing.erpNumber };
      }
      return answer.failure;
    }
    const warning = sapMessage(answer.headers);
    if (warning !== undefined) ctx.log('sap-s4.sap_message', { reference, ...warning });
    const created = entityOf(answer.body);
    const number = created === undefined ? '' : textOf(created, 'SupplierInvoice');
    const year = created === undefined ? '' : textOf(created, 'FiscalYear');
    if (number === '')
      return {
        outcome: 'ambiguous',
        code: 'no_document',
        message: `created without a supplier invoice number: ${JSON.stringify(answer.body).slice(0, 400)}`,
      };
    return { outcome: 'success', erpId: `${number}${year}`, erpNumber: number };
  }

  async function push(
    document: CanonicalDocument,
    reference: string,
    profile: MappingProfile,
  ): Promise<PushResult> {
    if (document.kind === 'voucher') {
      const [result] = await pushVouchers([{ voucher: document.value, reference }], profile);
      return result ?? { outcome: 'ambiguous', code: 'no_confirmation', message: 'no result' };
    }
    if (document.kind === 'supplier_bill') return pushInvoice(document, reference, profile);
    return unsupported(`push ${document.kind}`);
  }

  async function pull(object: string, after: PullCursor, limit: number): Promise<PullResult> {
    const spec = Object.hasOwn(PULL_OBJECTS, object) ? PULL_OBJECTS[object] : undefined;
    if (spec === undefined) return unsupported(`pull ${object}`);
    const scope: PullScope = {
      chartOfAccounts: connection.chartOfAccounts,
      controllingArea: connection.controllingArea,
      language: connection.language,
      today: ctx.now().toISOString().slice(0, 10),
    };
    const records: ErpRecord[] = [];
    let answer = await client.read(spec.service, spec.resource(after, limit, scope));
    // server-driven paging (§1.4): follow `__next` until the page is full or there is no more
    for (;;) {
      if (!answer.ok) return answer.failure;
      const page = collectionOf(answer.body);
      if (page === undefined)
        return {
          outcome: 'transient',
          code: 'unreadable_answer',
          message: `${spec.entitySet} answer without d.results`,
        };
      records.push(...page.results.map((row) => spec.record(row, scope)));
      if (page.next === undefined || records.length >= limit) break;
      answer = await client.readNext(page.next);
    }
    return { records: records.slice(0, limit) };
  }

  async function listVouchers(query: VoucherQuery): Promise<VoucherPage> {
    const filter = periodFilter(query.period);
    if (filter === undefined)
      return { outcome: 'rejected', code: 'bad_period', message: `not a period: ${query.period}` };
    const skip = cursorOf(query);
    const rows: Readonly<Record<string, unknown>>[] = [];
    const read = (from: number) =>
      client.read(JOURNAL_ITEM_SERVICE, itemsResource(filter, !journalItemsLackDocument, from, query.limit));
    let answer = await read(skip);
    if (
      !journalItemsLackDocument &&
      !answer.ok &&
      answer.failure.outcome === 'rejected' &&
      /AccountingDocument/.test(answer.failure.message)
    ) {
      journalItemsLackDocument = true;
      answer = await read(skip);
    }
    // server-driven paging (§1.4): follow `__next` until the page is full or there is no more
    for (;;) {
      if (!answer.ok) return answer.failure;
      const page = collectionOf(answer.body);
      if (page === undefined)
        return {
          outcome: 'transient',
          code: 'unreadable_answer',
          message: 'journal items answer without d.results',
        };
      rows.push(...page.results);
      if (page.next === undefined || rows.length >= query.limit) break;
      answer = await client.readNext(page.next);
    }
    if (rows.length < query.limit) return { vouchers: vouchersOf(rows), next: null };
    // a full page may end inside a document: the next page starts at its first item
    const lastKey = documentOf(rows[rows.length - 1] ?? {}).key;
    let cut = rows.length;
    while (cut > 0 && documentOf(rows[cut - 1] ?? {}).key === lastKey) cut--;
    if (cut > 0) return { vouchers: vouchersOf(rows.slice(0, cut)), next: String(skip + cut) };
    // one document fills the page: read on to its end
    for (let from = skip + rows.length; ; from += query.limit) {
      const more = await read(from);
      if (!more.ok) return more.failure;
      const page = collectionOf(more.body)?.results ?? [];
      const own = page.filter((row) => documentOf(row).key === lastKey);
      rows.push(...own);
      if (own.length < page.length || page.length < query.limit) break;
    }
    return { vouchers: vouchersOf(rows), next: String(skip + rows.length) };
  }

  return {
    manifest: SAP_S4_MANIFEST,
    async test() {
      const started = performance.now();
      const answer = await client.read(
        'API_BUSINESS_PARTNER',
        `A_BusinessPartner${queryOf({ $top: '1', $select: 'BusinessPartner', $inlinecount: 'allpages', $format: 'json' })}`,
      );
      const latencyMs = Math.round(performance.now() - started);
      if (!answer.ok) return { ok: false, latencyMs, ...answer.failure };
      const count = collectionOf(answer.body)?.count;
      const version = answer.headers['dataserviceversion'];
      const who =
        connection.auth.kind === 'basic'
          ? `communication user ${connection.auth.username}`
          : `OAuth client ${connection.auth.clientId}`;
      return {
        ok: true,
        latencyMs,
        detail: `signed in as ${who}${count === undefined ? '' : `; ${count} business partners`}`,
        ...(typeof version === 'string' && version !== ''
          ? { version: `OData V2 (dataserviceversion ${version})` }
          : {}),
      };
    },
    render: renderS4,
    push,
    async pushBatch(items: readonly BatchItem[], profile): Promise<PushResult[]> {
      const results: PushResult[] = [];
      const vouchers = items.every((i) => i.document.kind === 'voucher');
      if (!vouchers) {
        // supplier invoices go one deep insert a call (batchLimit 1)
        for (const item of items) results.push(await push(item.document, item.externalReference, profile));
        return results;
      }
      // the synchronous service confirms every entry of a bulk request in its answer (§1.3)
      for (let i = 0; i < items.length; i += JOURNAL_ENTRIES_PER_CALL) {
        const chunk = items.slice(i, i + JOURNAL_ENTRIES_PER_CALL).map((item) => ({
          voucher: (item.document as Extract<CanonicalDocument, { kind: 'voucher' }>).value,
          reference: item.externalReference,
        }));
        results.push(...(await pushVouchers(chunk, profile)));
      }
      return results;
    },
    async lookup(kind: DocumentKind, reference: string): Promise<LookupResult> {
      if (kind === 'voucher') return lookupVoucher(reference);
      if (kind === 'supplier_bill') return lookupInvoice(reference);
      return unsupported(`look up ${kind}`);
    },
    pull,
    listVouchers,
    close: async () => {},
  };
}

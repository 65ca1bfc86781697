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
  PullResult,
  PushResult,
  Rendered,
  ErpVoucher,
  VoucherPage,
  VoucherQuery,
} from '../contract.ts';
import { MEDIA, OracleClient, type Deadline, type OracleEndpoint } from './client.ts';
import { isDuplicateRefusal, refusal, type Json } from './errors.ts';
import { JournalImport } from './journal-import.ts';
import { ORACLE_FUSION_MANIFEST } from './manifest.ts';
import { isFinished } from './map/ess.ts';
import { batchNameOf, quoted } from './map/identifiers.ts';
import { renderInvoice, withSupplierName } from './map/invoice.ts';
import { journalRows, renderJournal } from './map/journal.ts';
import { oracleSettings } from './map/profile.ts';
import { afterCursorQuery, PULL_RESOURCES, SUPPLIER_ORDER, supplierRecord } from './map/pull.ts';
import {
  cursorOf,
  periodNameFor,
  voucherListParams,
  vouchersOfBatch,
  type VoucherListSettings,
} from './map/voucher-list.ts';

export interface OracleOptions {
  readonly endpoint: OracleEndpoint;
  /** First wait between ESS status polls, ms (doubling up to 5 s). */
  readonly essPollMs: number;
  /** How listed journals are read back: period names and where the natural account sits. */
  readonly voucherList: VoucherListSettings;
}

const unsupported = (what: string): ErpFailure => ({
  outcome: 'rejected',
  code: 'unsupported',
  message: `Oracle Fusion connector cannot ${what}`,
});

export function renderOracle(
  document: CanonicalDocument,
  reference: string,
  profile: MappingProfile,
): Rendered {
  switch (document.kind) {
    case 'voucher':
      return renderJournal(document.value, reference, profile);
    case 'supplier_bill':
      return renderInvoice(document.value, reference, profile);
    case 'payment':
      throw new TypeError('oracle-fusion does not push payments');
  }
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const itemsOf = (body: Json): Json[] => (Array.isArray(body['items']) ? (body['items'] as Json[]) : []);

/** How long a supplier's name read from /suppliers is reused for invoices. */
const SUPPLIER_NAME_MS = 10 * 60_000;

/** An Oracle Fusion Cloud ERP connection behind the connector contract. */
export function createOracleConnector(options: OracleOptions, ctx: ConnectorContext): Connector {
  const client = new OracleClient(options.endpoint, ctx);
  const journals = new JournalImport(client, options.essPollMs);
  const supplierNames = new Map<string, { readonly name: string; readonly at: number }>();

  /** The name Oracle has for a SupplierNumber (POST /invoices takes names). */
  async function supplierName(number: string, deadline: Deadline): Promise<{ name: string } | ErpFailure> {
    const cached = supplierNames.get(number);
    if (cached !== undefined && performance.now() - cached.at < SUPPLIER_NAME_MS)
      return { name: cached.name };
    const result = await client.get(
      'suppliers',
      { q: `SupplierNumber = ${quoted(number)}`, onlyData: 'true', limit: '2' },
      deadline,
    );
    if (!result.ok) return result.failure;
    const name = text(itemsOf(result.body)[0]?.['Supplier']);
    if (name === '')
      return refusal(
        'supplier_not_found',
        `Oracle has no supplier with SupplierNumber ${number} (GET /suppliers?q=SupplierNumber='${number}')`,
      );
    supplierNames.set(number, { name, at: performance.now() });
    return { name };
  }

  async function findInvoice(reference: string, deadline: Deadline): Promise<LookupResult> {
    const result = await client.get(
      'invoices',
      {
        q: `InvoiceNumber = ${quoted(reference)}`,
        fields: 'InvoiceId,InvoiceNumber,VoucherNumber',
        onlyData: 'true',
        limit: '2',
      },
      deadline,
    );
    if (!result.ok) return result.failure;
    const invoice = itemsOf(result.body).find((item) => text(item['InvoiceNumber']) === reference);
    return invoice === undefined ? { found: false } : { found: true, ...invoiceIds(invoice) };
  }

  const invoiceIds = (invoice: Json) => ({
    erpId: text(invoice['InvoiceId']),
    erpNumber: text(invoice['VoucherNumber']) || text(invoice['InvoiceId']),
  });

  async function pushInvoice(rendered: Rendered, reference: string): Promise<PushResult> {
    const deadline = client.deadline();
    const name = await supplierName(text(rendered.payload['SupplierNumber']), deadline);
    if (!('name' in name)) return name;
    const result = await client.post('invoices', withSupplierName(rendered.payload, name.name), {
      type: MEDIA.item,
      write: true,
      deadline,
    });
    if (result.ok) {
      const ids = invoiceIds(result.body);
      return ids.erpId === ''
        ? {
            outcome: 'ambiguous',
            code: 'no_invoice_id',
            message: `created without an InvoiceId: ${JSON.stringify(result.body).slice(0, 300)}`,
          }
        : { outcome: 'success', ...ids };
    }
    if (!isDuplicateRefusal(result.failure)) return result.failure;
    // the invoice number is our reference: the invoice Oracle already has is this document
    const found = await findInvoice(reference, deadline);
    if (!('found' in found))
      return {
        ...found,
        outcome: 'ambiguous',
        message: `${result.failure.message} (then: ${found.message})`,
      };
    return found.found
      ? { outcome: 'success', erpId: found.erpId, erpNumber: found.erpNumber }
      : result.failure;
  }

  async function push(
    document: CanonicalDocument,
    reference: string,
    profile: MappingProfile,
  ): Promise<PushResult> {
    switch (document.kind) {
      case 'voucher': {
        const rows = journalRows(document.value, reference, profile, []);
        const [result] = await journals.run([rows], oracleSettings(profile));
        return result ?? { outcome: 'ambiguous', code: 'no_result', message: 'no result for the journal' };
      }
      case 'supplier_bill':
        return pushInvoice(renderInvoice(document.value, reference, profile), reference);
      case 'payment':
        return unsupported('push payments');
    }
  }

  async function pushBatch(items: readonly BatchItem[], profile: MappingProfile): Promise<PushResult[]> {
    const vouchers = items.flatMap((item) =>
      item.document.kind === 'voucher'
        ? [journalRows(item.document.value, item.externalReference, profile, [])]
        : [],
    );
    if (vouchers.length === items.length && vouchers.length > 0)
      return journals.run(vouchers, oracleSettings(profile));
    // invoices are created one a call (POST /invoices takes one)
    const results: PushResult[] = [];
    for (const item of items) results.push(await push(item.document, item.externalReference, profile));
    return results;
  }

  async function lookupJournal(reference: string): Promise<LookupResult> {
    const deadline = client.deadline();
    const name = batchNameOf(reference);
    const batches = await journals.findBatches([name], deadline);
    if ('failure' in batches) return batches.failure;
    const batch = batches.found.get(name);
    if (batch !== undefined) {
      journals.pending.settle(reference);
      return { found: true, ...batch };
    }
    // not (yet) there: while an import this process submitted is still running, it may still come
    const requestId = journals.pending.requestOf(reference);
    if (requestId === undefined) return { found: false };
    const status = await journals.status(requestId, deadline);
    if ('failure' in status) return { ...status.failure, outcome: 'ambiguous' };
    if (!isFinished(status.status))
      return {
        outcome: 'ambiguous',
        code: `ESS ${status.status || 'unknown'}`,
        message: `Import Journals request ${requestId} for ${name} is still ${status.status || 'unreported'}`,
      };
    journals.pending.settle(reference);
    return { found: false };
  }

  async function pullSuppliers(after: Parameters<Connector['pull']>[1], limit: number): Promise<PullResult> {
    const deadline = client.deadline();
    const q = afterCursorQuery(after);
    const today = ctx.now().toISOString().slice(0, 10);
    const records: ErpRecord[] = [];
    // Oracle may return fewer rows than asked (a 500 cap, the 499 quirk) and say hasMore: go on by offset
    for (let offset = 0; records.length < limit;) {
      const result = await client.get(
        'suppliers',
        {
          ...(q === undefined ? {} : { q }),
          orderBy: SUPPLIER_ORDER,
          limit: String(Math.min(500, limit - records.length)),
          offset: String(offset),
          onlyData: 'true',
        },
        deadline,
      );
      if (!result.ok) return result.failure;
      const page = itemsOf(result.body);
      records.push(...page.map((item) => supplierRecord(item, today)));
      offset += page.length;
      if (result.body['hasMore'] !== true || page.length === 0) break;
    }
    return { records: records.slice(0, limit) };
  }

  /** Pages of batches a listing reads before it gives up on filling its page. */
  const MAX_LIST_CALLS = 50;

  async function listVouchers(query: VoucherQuery): Promise<VoucherPage> {
    const periodName = periodNameFor(query.period, options.voucherList);
    if (periodName === undefined)
      return { outcome: 'rejected', code: 'bad_period', message: `not a period: ${query.period}` };
    const deadline = client.deadline();
    const size = Math.max(1, Math.min(query.limit, ORACLE_FUSION_MANIFEST.voucherList?.pageLimit ?? 100));
    let after = cursorOf(query);
    let batches = 0;
    const vouchers: ErpVoucher[] = [];
    // a pod may hand back fewer batches than asked (§3.8) and say hasMore: go on after the last one
    for (let call = 0; call < MAX_LIST_CALLS && batches < size; call++) {
      const result = await client.get(
        'journalBatches',
        voucherListParams(periodName, after, size - batches),
        deadline,
        true,
      );
      if (!result.ok) return result.failure;
      const page = itemsOf(result.body);
      for (const batch of page) {
        const listed = vouchersOfBatch(batch, query.period, options.voucherList);
        if (typeof listed === 'string')
          return { outcome: 'transient', code: 'unreadable_answer', message: listed };
        vouchers.push(...listed);
        after = BigInt(text(batch['JeBatchId']));
        batches += 1;
      }
      if (result.body['hasMore'] !== true || page.length === 0) break;
    }
    return { vouchers, next: batches < size ? null : String(after) };
  }

  return {
    manifest: ORACLE_FUSION_MANIFEST,
    async test() {
      const started = performance.now();
      const result = await client.get('suppliers', { limit: '1', onlyData: 'true' }, client.deadline());
      const latencyMs = Math.round(performance.now() - started);
      if (!result.ok) return { ok: false, latencyMs, ...result.failure };
      const framework = client.frameworkVersion();
      return {
        ok: true,
        latencyMs,
        detail: `read /suppliers as ${options.endpoint.auth.kind === 'basic' ? 'a basic-auth user' : 'a JWT bearer'}`,
        ...(framework === undefined ? {} : { version: `11.13.18.05 (REST-Framework-Version ${framework})` }),
      };
    },
    render: renderOracle,
    push,
    pushBatch,
    async lookup(kind: DocumentKind, reference: string): Promise<LookupResult> {
      switch (kind) {
        case 'voucher':
          return lookupJournal(reference);
        case 'supplier_bill':
          return findInvoice(reference, client.deadline());
        case 'payment':
          return unsupported('look up payments');
      }
    },
    async pull(object, after, limit): Promise<PullResult> {
      if (!Object.hasOwn(PULL_RESOURCES, object)) return unsupported(`pull ${object}`);
      return pullSuppliers(after, limit);
    },
    listVouchers,
    close: async () => {},
  };
}

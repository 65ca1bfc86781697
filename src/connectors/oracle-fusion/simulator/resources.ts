import type { StoredSupplier } from './book.ts';
import { getIntegration, postIntegration, runOverdue, type IntegrationsContext } from './erp-integrations.ts';
import { createInvoice, INVOICE_ATTRIBUTES, invoiceView } from './invoices.ts';
import { getJournalBatches } from './journal-batches.ts';
import {
  collection,
  errorAnswer,
  itemAnswer,
  QueryError,
  withLinks,
  type Answer,
  type Caller,
} from './rest.ts';

/**
 * The resources the simulated tenant serves under /fscmRestApi/resources/11.13.18.05: suppliers (and
 * their sites), Payables invoices, ERP Integrations and journal batches with their journal headers and
 * lines (read only: no REST creates a journal, §3.5; journal-batches.ts). A child a resource does not
 * have, or a path longer than the resource, is a 404 in Oracle's error shape.
 */
export type Params = Readonly<Record<string, string | undefined>>;

const SUPPLIER_ATTRIBUTES = new Set([
  'SupplierId',
  'Supplier',
  'SupplierNumber',
  'AlternateName',
  'TaxOrganizationType',
  'SupplierType',
  'Status',
  'InactiveDate',
  'TaxpayerId',
  'CreationDate',
  'CreatedBy',
  'LastUpdateDate',
  'LastUpdatedBy',
]);

const supplierRow = (s: StoredSupplier) => ({
  SupplierId: s.SupplierId,
  Supplier: s.Supplier,
  SupplierNumber: s.SupplierNumber,
  AlternateName: null,
  TaxOrganizationType: 'Corporation',
  SupplierType: 'Supplier',
  Status: s.Status,
  InactiveDate: null,
  TaxpayerId: s.TaxpayerId === '' ? null : s.TaxpayerId,
  CreationDate: s.CreationDate,
  CreatedBy: 'FIN_IMPL',
  LastUpdateDate: s.LastUpdateDate,
  LastUpdatedBy: 'FIN_IMPL',
});

const notFound = (caller: Caller, what: string): Answer =>
  errorAnswer(caller, 404, [{ detail: `${what} wasn't found.` }]);

function get(ctx: IntegrationsContext, caller: Caller, parts: readonly string[], params: Params): Answer {
  const [resource, id, child, childName, ...deeper] = parts;
  const onlyData = params['onlyData'] === 'true';
  const { book } = ctx;
  switch (resource) {
    case 'suppliers': {
      const rows = [...book.suppliers.values()].map(supplierRow);
      if (id === undefined)
        return collection(
          caller,
          'suppliers',
          rows,
          params,
          SUPPLIER_ATTRIBUTES,
          (r) => `${caller.root}/suppliers/${String(r['SupplierId'])}`,
          ['sites'],
        );
      const row = rows.find((r) => String(r.SupplierId) === id);
      if (row === undefined) return notFound(caller, `The supplier ${id}`);
      if (child === 'child' && childName === 'sites' && deeper.length === 0)
        return collection(
          caller,
          `suppliers/${id}/child/sites`,
          ctx.tenant.supplierSites.map((site, i) => ({
            SupplierSiteId: row.SupplierId * 10 + i,
            SupplierSite: site,
            ProcurementBU: ctx.tenant.businessUnits[0] ?? '',
            SitePurposePayFlag: true,
          })),
          params,
          new Set(['SupplierSiteId', 'SupplierSite', 'ProcurementBU', 'SitePurposePayFlag']),
          (r) => `${caller.root}/suppliers/${id}/child/sites/${String(r['SupplierSiteId'])}`,
        );
      return child === undefined
        ? itemAnswer(200, withLinks(row, `${caller.root}/suppliers/${id}`, 'suppliers', ['sites'], onlyData))
        : notFound(caller, `The resource ${parts.slice(2).join('/')}`);
    }
    case 'invoices': {
      if (id === undefined)
        return collection(
          caller,
          'invoices',
          book.invoices.map((i) => invoiceView(caller, i, true, false)),
          params,
          INVOICE_ATTRIBUTES,
          (r) => `${caller.root}/invoices/${String(r['InvoiceId'])}`,
          ['invoiceLines'],
        );
      const invoice = book.invoices.find((i) => String(i.InvoiceId) === id);
      if (invoice === undefined || child !== undefined) return notFound(caller, `The invoice ${id}`);
      return itemAnswer(200, invoiceView(caller, invoice, onlyData, true));
    }
    case 'journalBatches':
      return getJournalBatches(ctx, caller, parts, params);
    case 'erpintegrations':
      return id === undefined ? getIntegration(ctx, caller, params) : notFound(caller, `The request ${id}`);
    default:
      return notFound(caller, `The resource ${resource ?? ''}`);
  }
}

function post(
  ctx: IntegrationsContext,
  caller: Caller,
  parts: readonly string[],
  body: unknown,
): { answer: Answer; commits: boolean } {
  const [resource, id] = parts;
  const none = { commits: false };
  if (id !== undefined)
    return { answer: errorAnswer(caller, 405, [{ detail: 'POST isn’t supported on this item.' }]), ...none };
  if (resource === 'invoices') return createInvoice(ctx, caller, body);
  if (resource === 'erpintegrations') {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return {
        answer: errorAnswer(caller, 400, [{ detail: 'The request payload is not a JSON object.' }]),
        ...none,
      };
    return postIntegration(ctx, caller, body as Record<string, unknown>);
  }
  if (resource === 'journalBatches' || resource === 'suppliers')
    return {
      answer: errorAnswer(caller, 405, [
        {
          detail:
            resource === 'journalBatches'
              ? 'Journal batches are created by Journal Import, not by POST.'
              : 'POST isn’t supported here.',
        },
      ]),
      ...none,
    };
  return { answer: notFound(caller, `The resource ${resource ?? ''}`), ...none };
}

/** A business call to a resource (path parts after the version), answered; whether it committed. */
export function serveResource(
  ctx: IntegrationsContext,
  caller: Caller,
  method: string,
  parts: readonly string[],
  params: Params,
  body: unknown,
): { answer: Answer; commits: boolean } {
  runOverdue(ctx);
  try {
    if (method === 'GET') return { answer: get(ctx, caller, parts, params), commits: false };
    if (method === 'POST') return post(ctx, caller, parts, body);
    return {
      answer: errorAnswer(caller, 405, [{ detail: `${method} isn’t supported by the simulator.` }]),
      commits: false,
    };
  } catch (error) {
    if (error instanceof QueryError)
      return { answer: errorAnswer(caller, 400, [{ detail: error.message }]), commits: false };
    throw error;
  }
}

import type { CanonicalDocument, DocumentKind } from '../connectors/contract.ts';
import { orThrow, parsePayment, parseSupplierBill } from '../model/payables.ts';
import { voucherOrThrow } from '../model/voucher.ts';

/** Wire document of a kind → validated canonical value (or the field-level refusal). */
export function parseDocument(kind: DocumentKind, input: unknown): CanonicalDocument {
  switch (kind) {
    case 'voucher':
      return { kind, value: voucherOrThrow(input) };
    case 'supplier_bill':
      return { kind, value: orThrow(parseSupplierBill(input)) };
    case 'payment':
      return { kind, value: orThrow(parsePayment(input)) };
  }
}

/** What the `validated` trace event says about a document. */
export function documentSummary(document: CanonicalDocument): Record<string, unknown> {
  switch (document.kind) {
    case 'voucher':
      return {
        lines: document.value.lines.length,
        total: document.value.totalMinor.toString(),
        currency: document.value.currency,
        balanced: true,
      };
    case 'supplier_bill':
      return {
        supplier: document.value.supplierCode,
        lines: document.value.lines.length,
        total: document.value.totalMinor.toString(),
        tax: document.value.taxMinor.toString(),
        currency: document.value.currency,
      };
    case 'payment':
      return {
        payee: `${document.value.payeeKind}:${document.value.payeeCode}`,
        total: document.value.amountMinor.toString(),
        currency: document.value.currency,
      };
  }
}

/**
 * Documents about one supplier are sent in order — the supplier's bill before its payment — unless
 * the caller gives its own ordering key.
 */
export function defaultOrderingKey(document: CanonicalDocument): string | undefined {
  if (document.kind === 'supplier_bill') return `supplier:${document.value.supplierCode}`;
  if (document.kind === 'payment' && document.value.payeeKind === 'supplier')
    return `supplier:${document.value.payeeCode}`;
  return undefined;
}

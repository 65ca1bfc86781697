import {
  STANDARD_EXPENSE_CATEGORIES,
  type StandardExpenseCategory,
} from '../../model/enums/expense-categories.ts';
import type { InvoiceType } from '../../model/enums/invoice-types.ts';
import { allocate } from '../../model/money.ts';
import { deductibleInputVat, type PassengerTicket } from '../../standards/cn/passenger-transport.ts';

/**
 * Deductible input VAT of an invoice used for an expense of a standard category (cn-finance-standards
 * §7): meals, entertainment and welfare never; most categories only with a special invoice, by its
 * printed tax; tolls by the printed tax; domestic passenger transport by the printed tax of an
 * e-invoice, else by the deemed formula of its ticket (air 9% on fare + fuel surcharge, rail 9%,
 * road and water 3%). Paper taxi receipts and international tickets deduct nothing.
 */
export interface InvoiceForDeduction {
  readonly type: InvoiceType;
  readonly amountMinor: bigint;
  readonly taxMinor: bigint;
  readonly totalMinor: bigint;
  readonly passenger?: {
    readonly transport: 'air' | 'rail' | 'road' | 'water';
    readonly fuelSurchargeMinor?: bigint;
    readonly domestic?: boolean;
  };
}

const SPECIAL: ReadonlySet<InvoiceType> = new Set([
  'vat_special',
  'vat_e_special',
  'digital_special',
  'vat_freight_special',
  'motor_vehicle',
]);
const PRINTED_TAX_E_INVOICES: ReadonlySet<InvoiceType> = new Set([
  ...SPECIAL,
  'vat_e_general',
  'digital_general',
  'vat_e_toll',
  'digital_rail',
  'digital_air',
]);

export const vatTreatmentOf = (category: StandardExpenseCategory) =>
  STANDARD_EXPENSE_CATEGORIES.find((c) => c.code === category)?.inputVat ?? 'never';

export function deductibleTaxOf(invoice: InvoiceForDeduction, category: StandardExpenseCategory): bigint {
  switch (vatTreatmentOf(category)) {
    case 'never':
      return 0n;
    case 'special-invoice':
      return SPECIAL.has(invoice.type) ? invoice.taxMinor : 0n;
    case 'printed-tax':
      return PRINTED_TAX_E_INVOICES.has(invoice.type) ? invoice.taxMinor : 0n;
    case 'passenger-transport':
      return passengerTax(invoice);
  }
}

function passengerTax(invoice: InvoiceForDeduction): bigint {
  if (invoice.passenger?.domestic === false) return 0n;
  if (PRINTED_TAX_E_INVOICES.has(invoice.type) && invoice.taxMinor > 0n) return invoice.taxMinor;
  const ticket = ticketOf(invoice);
  return ticket === null ? 0n : deductibleInputVat(ticket);
}

function ticketOf(invoice: InvoiceForDeduction): PassengerTicket | null {
  switch (invoice.type) {
    case 'air_itinerary':
    case 'digital_air':
      return {
        kind: 'air',
        fareFen: invoice.amountMinor,
        fuelSurchargeFen: invoice.passenger?.fuelSurchargeMinor ?? 0n,
      };
    case 'train_ticket':
    case 'digital_rail':
      return { kind: 'rail', faceAmountFen: invoice.totalMinor };
    case 'passenger_ticket':
      return {
        kind: invoice.passenger?.transport === 'water' ? 'water' : 'road',
        faceAmountFen: invoice.totalMinor,
      };
    default:
      return null;
  }
}

/**
 * The deductible tax of an expense line: the sum over its invoices, scaled down in proportion when
 * the line claims less than the invoices' face value (a shared bill claimed in part).
 */
export function lineDeductibleTax(
  lineAmountMinor: bigint,
  invoices: readonly { deductibleMinor: bigint; totalMinor: bigint }[],
): bigint {
  const deductible = invoices.reduce((s, i) => s + i.deductibleMinor, 0n);
  const face = invoices.reduce((s, i) => s + i.totalMinor, 0n);
  if (deductible === 0n || face <= lineAmountMinor) return deductible;
  const [share] = allocate({ minor: deductible, currency: 'CNY' }, [lineAmountMinor, face - lineAmountMinor]);
  return share?.minor ?? 0n;
}

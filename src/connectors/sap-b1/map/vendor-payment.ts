import type { PaymentValue } from '../../../model/payables.ts';
import { entryOf, mapValue, type Explanation, type MappingProfile, type Rendered } from '../../contract.ts';
import { sapB1Settings } from './profile.ts';
import { amountOf, fitted } from './wire.ts';

/**
 * Where our reference rides on an outgoing payment: `Remarks` (OVPM.Comments, nvarchar(254)). The
 * reference file does not document `VendorPayments`; the field names follow B1's `Payments` object
 * and are [inferred].
 */
export const PAYMENT_REFERENCE_FIELD = 'Remarks';
const JOURNAL_REMARKS_MAX = 50;

/**
 * Pure canonical Payment → `POST /VendorPayments` body [inferred]: a payment on account
 * (`rSupplier` for suppliers and employees — an employee is paid through the business partner the
 * company keeps for them — `rCustomer` for customers) from the G/L account of the payment method:
 * `CashAccount`/`CashSum` for cash, `TransferAccount`/`TransferSum`/`TransferDate` otherwise.
 */
export function renderVendorPayment(
  payment: PaymentValue,
  reference: string,
  profile: MappingProfile,
): Rendered {
  const settings = sapB1Settings(profile);
  const payee =
    payment.payeeKind === 'supplier'
      ? mapValue(profile.valueMaps, 'suppliers', payment.payeeCode)
      : payment.payeeKind === 'employee'
        ? mapValue(profile.valueMaps, 'employees', payment.payeeCode)
        : { to: payment.payeeCode, rule: 'identity' };
  const explain: Explanation[] = [
    {
      source: '/payeeCode',
      field: 'CardCode',
      from: payment.payeeCode,
      to: payee.to,
      rule: payee.rule,
      ...(payment.payeeKind === 'customer' ? {} : { object: 'suppliers' }),
    },
  ];
  const byBank =
    payment.bankAccountCode === undefined
      ? undefined
      : entryOf(settings.bankAccounts, payment.bankAccountCode);
  const byMethod = entryOf(settings.paymentAccounts, payment.method);
  const account = byBank ?? byMethod ?? payment.bankAccountCode ?? '';
  const cash = payment.method === 'cash';
  explain.push({
    source: byBank === undefined ? '/method' : '/bankAccountCode',
    field: cash ? 'CashAccount' : 'TransferAccount',
    from: byBank === undefined ? payment.method : (payment.bankAccountCode ?? ''),
    to: account,
    rule:
      byBank !== undefined
        ? `settings.bankAccounts[${JSON.stringify(payment.bankAccountCode)}]`
        : byMethod !== undefined
          ? `settings.paymentAccounts[${JSON.stringify(payment.method)}]`
          : 'identity',
    object: 'accounts',
  });
  explain.push({
    source: '/externalReference',
    field: PAYMENT_REFERENCE_FIELD,
    from: reference,
    to: reference,
    rule: 'identity',
  });
  const sum = amountOf(payment.amountMinor, payment.currency);
  return {
    erpObject: 'VendorPayments',
    operation: 'POST',
    payload: {
      DocType: payment.payeeKind === 'customer' ? 'rCustomer' : 'rSupplier',
      CardCode: payee.to,
      DocDate: payment.paidOn,
      TaxDate: payment.paidOn,
      ...(payment.currency === settings.localCurrency ? {} : { DocCurrency: payment.currency }),
      ...(cash
        ? { CashAccount: account, CashSum: sum }
        : { TransferAccount: account, TransferSum: sum, TransferDate: payment.paidOn }),
      [PAYMENT_REFERENCE_FIELD]: reference,
      ...(payment.memo === undefined || payment.memo === ''
        ? {}
        : { JournalRemarks: fitted(payment.memo, JOURNAL_REMARKS_MAX).text }),
    },
    explain,
  };
}

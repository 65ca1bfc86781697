import { exponentOf } from '../../../model/currencies.ts';
import { formatMinor } from '../../../model/money.ts';
import type { VoucherValue } from '../../../model/voucher.ts';
import {
  mapVoucherLine,
  entryOf,
  type Explanation,
  type MappingProfile,
  type Rendered,
} from '../../contract.ts';
import { yonyouSettings } from './profile.ts';

/** `external system` value that makes U8 keep our reference in `reserve2` (B5). */
export const EXTERNAL_SYSTEM = 'CDM';

/**
 * A decimal written into the JSON as a bare number literal, digit for digit (`1200.00`), the way U8's
 * examples carry amounts (B5) — the text never passes through a float.
 */
const jsonDecimal = (text: string): unknown =>
  (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(text);

/**
 * Pure canonical Voucher → `POST /api/voucher/add` body (B5): debit lines under `debit.entry`, credit
 * lines under `credit.entry`, `entry_id` numbering all lines in document order; our reference in
 * `reserve2` with `voucher_making_system` "CDM". Amounts are in the book currency: 本币 and 原币 alike.
 */
export function renderU8Voucher(voucher: VoucherValue, reference: string, profile: MappingProfile): Rendered {
  const settings = yonyouSettings(profile);
  const explain: Explanation[] = [];
  const amount = (minor: bigint) => jsonDecimal(formatMinor(minor, exponentOf(voucher.currency)));
  const currency = entryOf(settings.currencyNames, voucher.currency) ?? voucher.currency;
  const voucherType = entryOf(settings.voucherTypes, voucher.word) ?? voucher.word;
  explain.push({
    source: '/word',
    field: 'voucher.voucher_type',
    from: voucher.word,
    to: voucherType,
    rule:
      entryOf(settings.voucherTypes, voucher.word) === undefined
        ? 'identity'
        : `settings.voucherTypes[${JSON.stringify(voucher.word)}]`,
  });
  const debit: Record<string, unknown>[] = [];
  const credit: Record<string, unknown>[] = [];
  voucher.lines.forEach((line, i) => {
    const isDebit = line.debitMinor !== 0n;
    const side = isDebit ? 'debit' : 'credit';
    const at = `voucher.${side}.entry[${(isDebit ? debit : credit).length}]`;
    const { account, dimensions } = mapVoucherLine(
      line,
      i,
      profile.valueMaps,
      {
        account: `${at}.account_code`,
        slotOf: (dimension) => entryOf(settings.auxiliaryFields, dimension),
        dimensionField: (field) => `${at}.auxiliary.${field}`,
      },
      explain,
    );
    const value = isDebit ? line.debitMinor : line.creditMinor;
    const entry = {
      entry_id: i + 1,
      account_code: account,
      abstract: line.summary,
      currency,
      exchange_rate2: 1,
      ...(isDebit
        ? { natural_debit_currency: amount(value), primary_debit_amount: amount(value) }
        : { natural_credit_currency: amount(value), primary_credit_amount: amount(value) }),
      ...(dimensions.length > 0
        ? { auxiliary: Object.fromEntries(dimensions.map((d) => [d.slot, d.code])) }
        : {}),
    };
    (isDebit ? debit : credit).push(entry);
  });
  explain.push({
    source: '/externalReference',
    field: 'voucher.reserve2',
    from: reference,
    to: reference,
    rule: `identity, with voucher_making_system ${EXTERNAL_SYSTEM}`,
  });
  return {
    erpObject: 'voucher',
    operation: 'add',
    payload: {
      voucher: {
        voucher_type: voucherType,
        fiscal_year: Number(voucher.period.slice(0, 4)),
        accounting_period: Number(voucher.period.slice(5)),
        voucher_id: '',
        date: voucher.date,
        enter: settings.enter,
        attachment_number: 0,
        voucher_making_system: EXTERNAL_SYSTEM,
        reserve2: reference,
        debit: { entry: debit },
        credit: { entry: credit },
      },
    },
    explain,
  };
}

import { exponentOf } from '../../../model/currencies.ts';
import { formatMinor } from '../../../model/money.ts';
import type { VoucherValue } from '../../../model/voucher.ts';

/** Pure canonical Voucher → GL_VOUCHER `Model` mapping (A7.1). Amounts are sent as exact decimal strings. */
export interface VoucherMapping {
  readonly accountBook: string;
  /** 凭证字 code in the ERP per canonical voucher word. */
  readonly voucherGroups: Readonly<Record<string, string>>;
  /** ERP currency number per ISO code. */
  readonly currencies: Readonly<Record<string, string>>;
  readonly exchangeRateType: string;
  /** Our account code → ERP account number (identity when absent). */
  readonly accounts: Readonly<Record<string, string>>;
  /** Auxiliary dimension → FDetailID flex slot. */
  readonly dimensionSlots: Readonly<Record<string, string>>;
}

export const DEFAULT_VOUCHER_MAPPING: VoucherMapping = {
  accountBook: '001',
  voucherGroups: { 记: 'PRE001', 收: 'PRE002', 付: 'PRE003', 转: 'PRE004' },
  currencies: { CNY: 'PRE001', HKD: 'PRE002', USD: 'PRE007' },
  exchangeRateType: 'HLTX01_SYS',
  accounts: {},
  dimensionSlots: {
    supplier: 'FDETAILID__FFLEX4',
    department: 'FDETAILID__FFLEX5',
    customer: 'FDETAILID__FFLEX6',
    employee: 'FDETAILID__FFLEX7',
    project: 'FDETAILID__FFLEX9',
  },
};

export function toGlVoucherModel(
  voucher: VoucherValue,
  reference: string,
  mapping: VoucherMapping,
): Record<string, unknown> {
  const currency = mapping.currencies[voucher.currency] ?? voucher.currency;
  const money = (minor: bigint) => formatMinor(minor, exponentOf(voucher.currency));
  return {
    FVOUCHERID: 0,
    FAccountBookID: { FNumber: mapping.accountBook },
    FDate: voucher.date,
    FVOUCHERGROUPID: { FNumber: mapping.voucherGroups[voucher.word] ?? 'PRE001' },
    FVOUCHERGROUPNO: '',
    FEntity: voucher.lines.map((line) => {
      const dimensions = Object.entries(line.aux).flatMap(([dimension, code]) => {
        const slot = mapping.dimensionSlots[dimension];
        return slot === undefined ? [] : [[slot, { FNumber: code }] as const];
      });
      const amount = line.debitMinor !== 0n ? line.debitMinor : line.creditMinor;
      return {
        FEXPLANATION: line.summary,
        FACCOUNTID: { FNumber: mapping.accounts[line.accountCode] ?? line.accountCode },
        ...(dimensions.length > 0 ? { FDetailID: Object.fromEntries(dimensions) } : {}),
        FCURRENCYID: { FNumber: currency },
        FEXCHANGERATETYPE: { FNumber: mapping.exchangeRateType },
        FEXCHANGERATE: 1,
        FAMOUNTFOR: money(amount),
        FDEBIT: money(line.debitMinor),
        FCREDIT: money(line.creditMinor),
        FBUSNO: reference,
      };
    }),
  };
}

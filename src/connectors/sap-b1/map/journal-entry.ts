import type { VoucherValue } from '../../../model/voucher.ts';
import {
  entryOf,
  mapVoucherLine,
  type Explanation,
  type MappingProfile,
  type Rendered,
} from '../../contract.ts';
import { sapB1Settings } from './profile.ts';
import { amountOf, fitted } from './wire.ts';

/** Where our reference rides on a journal entry: OJDT.Ref2, nvarchar(100), queryable (§2.5). */
export const JOURNAL_REFERENCE_FIELD = 'Reference2';
/** OJDT.Memo and JDT1.LineMemo: 50 characters on every release. */
const MEMO_MAX = 50;

/**
 * Pure canonical Voucher → `POST /JournalEntries` body (§2.4): the voucher date as `ReferenceDate`,
 * `TaxDate` and `DueDate`; the summary as `Memo`; our reference in `Reference2`; one
 * `JournalEntryLines` row per line with its G/L `AccountCode`, `Debit`/`Credit` in the local currency
 * (exact number literals) and the dimensions in the fields the profile names (department →
 * `CostingCode`, project → `ProjectCode`, supplier → `ShortName`).
 */
export function renderJournalEntry(
  voucher: VoucherValue,
  reference: string,
  profile: MappingProfile,
): Rendered {
  const settings = sapB1Settings(profile);
  const explain: Explanation[] = [];
  const memo = fitted(voucher.summary, MEMO_MAX);
  explain.push({
    source: '/summary',
    field: 'Memo',
    from: voucher.summary,
    to: memo.text,
    rule: memo.cut ? `identity, cut to ${MEMO_MAX} characters (OJDT.Memo)` : 'identity',
  });
  const lines = voucher.lines.map((line, i) => {
    const { account, dimensions } = mapVoucherLine(
      line,
      i,
      profile.valueMaps,
      {
        account: `JournalEntryLines[${i}].AccountCode`,
        slotOf: (dimension) => entryOf(settings.dimensionFields, dimension),
        dimensionField: (field) => `JournalEntryLines[${i}].${field}`,
      },
      explain,
    );
    const lineMemo = fitted(line.summary, MEMO_MAX);
    return {
      AccountCode: account,
      Debit: amountOf(line.debitMinor, voucher.currency),
      Credit: amountOf(line.creditMinor, voucher.currency),
      LineMemo: lineMemo.text,
      ...Object.fromEntries(dimensions.map((d) => [d.slot, d.code])),
    };
  });
  explain.push({
    source: '/externalReference',
    field: JOURNAL_REFERENCE_FIELD,
    from: reference,
    to: reference,
    rule: 'identity',
  });
  return {
    erpObject: 'JournalEntries',
    operation: 'POST',
    payload: {
      ReferenceDate: voucher.date,
      TaxDate: voucher.date,
      DueDate: voucher.date,
      Memo: memo.text,
      [JOURNAL_REFERENCE_FIELD]: reference,
      JournalEntryLines: lines,
    },
    explain,
  };
}

/**
 * What a voucher-file column can hold: a field of the voucher (repeated on every row, the way Chinese
 * ERPs' import templates carry the voucher head on each entry), a field of the row's line, or a
 * constant. Each source has a type that decides how its value is written (a date format, an amount
 * format, direction labels, plain text).
 */
export type SourceType = 'text' | 'date' | 'amount' | 'direction';

export interface SourceInfo {
  readonly scope: 'voucher' | 'line' | 'constant';
  readonly type: SourceType;
  readonly description: string;
}

/** Auxiliary dimensions (辅助核算) a column can carry, by the canonical name of the line's `aux`. */
export const DIMENSIONS = ['department', 'employee', 'supplier', 'customer', 'project'] as const;

const FIXED: Readonly<Record<string, SourceInfo>> = {
  reference: { scope: 'voucher', type: 'text', description: 'our external reference' },
  date: { scope: 'voucher', type: 'date', description: 'the voucher date' },
  period: { scope: 'voucher', type: 'text', description: 'the fiscal period, YYYY-MM' },
  year: { scope: 'voucher', type: 'text', description: 'the fiscal year' },
  month: { scope: 'voucher', type: 'text', description: 'the period number (1–12, 13–16 special)' },
  word: { scope: 'voucher', type: 'text', description: 'the voucher word (凭证字) as the ERP names it' },
  summary: { scope: 'voucher', type: 'text', description: 'the voucher summary' },
  currency: { scope: 'voucher', type: 'text', description: 'the ISO 4217 currency code' },
  company: { scope: 'voucher', type: 'text', description: 'the company code' },
  preparer: { scope: 'voucher', type: 'text', description: 'the preparer (制单人) of the profile' },
  total: { scope: 'voucher', type: 'amount', description: 'the voucher total' },
  'line.no': { scope: 'line', type: 'text', description: 'the line number from 1' },
  'line.summary': { scope: 'line', type: 'text', description: 'the line summary (摘要)' },
  'line.account': { scope: 'line', type: 'text', description: 'the ERP account of the line' },
  'line.debit': { scope: 'line', type: 'amount', description: 'the debit amount (needs line.credit)' },
  'line.credit': { scope: 'line', type: 'amount', description: 'the credit amount (needs line.debit)' },
  'line.amount': { scope: 'line', type: 'amount', description: 'one signed amount per line' },
  'line.direction': { scope: 'line', type: 'direction', description: 'the side, 借 or 贷' },
  'line.expenseCategory': { scope: 'line', type: 'text', description: 'the expense category' },
  'line.taxRate': { scope: 'line', type: 'text', description: 'the VAT rate of a tax line' },
  constant: { scope: 'constant', type: 'text', description: 'the column value as it is' },
};

/** The source's description, or undefined when the layout names a field that does not exist. */
export function sourceInfo(source: string): SourceInfo | undefined {
  if (Object.hasOwn(FIXED, source)) return FIXED[source];
  const dimension = dimensionOf(source);
  return dimension === undefined
    ? undefined
    : { scope: 'line', type: 'text', description: `the line's ${dimension} (辅助核算)` };
}

/** `line.aux.department` → `department`; undefined for anything else. */
export function dimensionOf(source: string): string | undefined {
  const match = /^line\.aux\.([a-z]+)$/.exec(source);
  const name = match?.[1];
  return name !== undefined && (DIMENSIONS as readonly string[]).includes(name) ? name : undefined;
}

/** Every source a layout may name, for messages. */
export const KNOWN_SOURCES: readonly string[] = [
  ...Object.keys(FIXED),
  ...DIMENSIONS.map((d) => `line.aux.${d}`),
];

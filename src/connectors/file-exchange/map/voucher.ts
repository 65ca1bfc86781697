import { exponentOf } from '../../../model/currencies.ts';
import type { VoucherLineValue, VoucherValue } from '../../../model/voucher.ts';
import {
  entryOf,
  mapVoucherLine,
  type Explanation,
  type MappingProfile,
  type Rendered,
} from '../../contract.ts';
import { formatAmount, formatDate } from '../layout/formats.ts';
import type { AmountFormat, VoucherColumn, VoucherLayout } from '../layout/schema.ts';
import { dimensionOf } from '../layout/sources.ts';
import { voucherFileName } from './names.ts';
import { fileExchangeProfile } from './profile.ts';

/**
 * Pure canonical Voucher → the table of a voucher file under a layout: one row per line, the voucher
 * fields repeated on every row (the way import templates group rows into a voucher), each column
 * written as its source says. Every mapped value is explained, named by its column title and row.
 */
export interface VoucherTable {
  readonly fileName: string;
  readonly header: readonly string[] | null;
  readonly rows: readonly (readonly string[])[];
}

export const DEFAULT_DATE_FORMAT = 'yyyy-MM-dd';
export const DEFAULT_AMOUNT: AmountFormat = { decimalSeparator: '.', thousandsSeparator: '' };
export const DEFAULT_LABELS = { debit: '借', credit: '贷' } as const;

/** What one line's amount columns say. */
function lineAmount(line: VoucherLineValue, column: VoucherColumn, exponent: number): string {
  const format = column.amount ?? DEFAULT_AMOUNT;
  const text = (minor: bigint) =>
    minor === 0n && format.zero === 'blank' ? '' : formatAmount(minor, exponent, format);
  switch (column.source) {
    case 'line.debit':
      return text(line.debitMinor);
    case 'line.credit':
      return text(line.creditMinor);
    default: {
      const sign = format.sign ?? 'debit-positive';
      const signed = line.debitMinor - line.creditMinor;
      return text(
        sign === 'debit-positive'
          ? signed
          : sign === 'credit-positive'
            ? -signed
            : signed < 0n
              ? -signed
              : signed,
      );
    }
  }
}

export function renderVoucherTable(
  voucher: VoucherValue,
  reference: string,
  profile: MappingProfile,
  layout: VoucherLayout,
  explain: Explanation[],
): VoucherTable {
  const settings = fileExchangeProfile(profile);
  const exponent = exponentOf(voucher.currency);
  const fileName = voucherFileName(layout.fileName, reference, 1);
  const titleOf = (source: string) => layout.columns.find((c) => c.source === source)?.title;
  const word = entryOf(settings.voucherWords, voucher.word);
  const wordTitle = titleOf('word');
  if (wordTitle !== undefined)
    explain.push({
      source: '/word',
      field: wordTitle,
      from: voucher.word,
      to: word ?? voucher.word,
      rule: word === undefined ? 'identity' : `settings.voucherWords[${JSON.stringify(voucher.word)}]`,
    });
  explain.push({
    source: '/externalReference',
    field: `${titleOf('reference') ?? 'reference'}, file ${fileName}`,
    from: reference,
    to: reference,
    rule: `identity; the file name is ${layout.fileName}`,
  });
  const head: Readonly<Record<string, string>> = {
    reference,
    date: voucher.date,
    period: voucher.period,
    year: voucher.period.slice(0, 4),
    month: String(Number(voucher.period.slice(5))),
    word: word ?? voucher.word,
    summary: voucher.summary,
    currency: voucher.currency,
    company: voucher.companyCode,
    preparer: settings.preparer,
  };
  const rows = voucher.lines.map((line, i) => {
    const at = (title: string) => `${title}[${i + 1}]`;
    const { account, dimensions } = mapVoucherLine(
      line,
      i,
      profile.valueMaps,
      {
        account: at(titleOf('line.account') ?? 'line.account'),
        slotOf: (dimension) => (titleOf(`line.aux.${dimension}`) === undefined ? undefined : dimension),
        dimensionField: (dimension) => at(titleOf(`line.aux.${dimension}`) ?? dimension),
      },
      explain,
    );
    return layout.columns.map((column): string => {
      const dimension = dimensionOf(column.source);
      if (dimension !== undefined) return dimensions.find((d) => d.slot === dimension)?.code ?? '';
      switch (column.source) {
        case 'constant':
          return column.value ?? '';
        case 'date':
          return formatDate(voucher.date, column.dateFormat ?? DEFAULT_DATE_FORMAT);
        case 'total':
          return formatAmount(voucher.totalMinor, exponent, column.amount ?? DEFAULT_AMOUNT);
        case 'line.no':
          return String(i + 1);
        case 'line.summary':
          return line.summary;
        case 'line.account':
          return account;
        case 'line.debit':
        case 'line.credit':
        case 'line.amount':
          return lineAmount(line, column, exponent);
        case 'line.direction': {
          const labels = column.labels ?? DEFAULT_LABELS;
          return line.debitMinor !== 0n ? labels.debit : labels.credit;
        }
        case 'line.expenseCategory':
          return line.expenseCategory ?? '';
        case 'line.taxRate':
          return line.taxRate ?? '';
        default:
          return head[column.source] ?? '';
      }
    });
  });
  return { fileName, header: layout.headerRow ? layout.columns.map((c) => c.title) : null, rows };
}

/** The dry-run view of a voucher file: its name, how it is written, and its rows. */
export function renderVoucherFile(
  voucher: VoucherValue,
  reference: string,
  profile: MappingProfile,
  layout: VoucherLayout,
  layoutName: string,
): Rendered {
  const explain: Explanation[] = [];
  const table = renderVoucherTable(voucher, reference, profile, layout, explain);
  return {
    erpObject: 'voucher file',
    operation: 'write',
    payload: {
      fileName: table.fileName,
      layout: layoutName,
      format: layout.format,
      ...(layout.format === 'csv'
        ? { encoding: layout.encoding ?? 'utf-8', delimiter: layout.delimiter ?? ',' }
        : { sheet: layout.sheetName ?? 'Sheet1' }),
      header: table.header,
      rows: table.rows,
    },
    explain,
  };
}

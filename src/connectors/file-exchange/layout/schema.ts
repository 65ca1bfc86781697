import { Type, type Static, type TSchema } from 'typebox';

/**
 * File layouts as data: what a voucher file, an acknowledgement file and a master-data file look like
 * (format, encoding, delimiter, header row, columns). The schemas say what a layout may hold; the
 * rules between its parts (a debit column without its credit partner, a date format with no year, a
 * title the encoding cannot write) are checked by `check.ts` when a connection is saved.
 */

export const ENCODINGS = ['utf-8', 'utf-8-bom', 'gbk'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const Encoding = Type.Union([Type.Literal('utf-8'), Type.Literal('utf-8-bom'), Type.Literal('gbk')], {
  description: 'utf-8, utf-8-bom (UTF-8 with a byte-order mark, what Excel expects) or gbk.',
});
const Delimiter = Type.String({
  minLength: 1,
  maxLength: 1,
  description: 'The field separator of a CSV file: , ; | or a tab.',
});
const Title = Type.String({
  minLength: 1,
  maxLength: 60,
  description: 'The column title in the header row.',
});

export const AmountFormat = Type.Object(
  {
    decimalSeparator: Type.Union([Type.Literal('.'), Type.Literal(',')], {
      description: 'The decimal point: . (1234.50) or , (1234,50).',
    }),
    thousandsSeparator: Type.Union(
      [Type.Literal(''), Type.Literal(','), Type.Literal('.'), Type.Literal(' '), Type.Literal("'")],
      { description: 'Digit grouping: none (1234.50), , (1,234.50), . (1.234,50), space or apostrophe.' },
    ),
    zero: Type.Optional(
      Type.Union([Type.Literal('zero'), Type.Literal('blank')], {
        description: 'How the empty side of a debit/credit pair is written: 0.00 (default) or nothing.',
      }),
    ),
    sign: Type.Optional(
      Type.Union(
        [Type.Literal('debit-positive'), Type.Literal('credit-positive'), Type.Literal('absolute')],
        {
          description:
            'For a single amount column (line.amount): debits positive and credits negative (default), the reverse, or always positive with a line.direction column saying the side.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type AmountFormat = Static<typeof AmountFormat>;

export const VoucherColumn = Type.Object(
  {
    title: Title,
    source: Type.String({
      minLength: 1,
      maxLength: 60,
      description:
        'What the column holds: a voucher field (reference, date, period, year, month, word, summary, currency, company, preparer, total), a line field (line.no, line.summary, line.account, line.debit, line.credit, line.amount, line.direction, line.aux.<dimension>, line.expenseCategory, line.taxRate) or constant.',
    }),
    value: Type.Optional(Type.String({ maxLength: 200, description: 'The text of a constant column.' })),
    dateFormat: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 24,
        description:
          'For date columns: yyyy, yy, MM, M, dd, d and literal separators (yyyy-MM-dd, yyyyMMdd, yyyy/MM/dd).',
      }),
    ),
    amount: Type.Optional(AmountFormat),
    labels: Type.Optional(
      Type.Object(
        {
          debit: Type.String({ minLength: 1, maxLength: 10 }),
          credit: Type.String({ minLength: 1, maxLength: 10 }),
        },
        {
          additionalProperties: false,
          description: 'For line.direction: the words for each side (借/贷, D/C).',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type VoucherColumn = Static<typeof VoucherColumn>;

export const VoucherLayout = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { description: 'csv or xlsx (Excel).' }),
    encoding: Type.Optional(Encoding),
    delimiter: Type.Optional(Delimiter),
    lineEnding: Type.Optional(Type.Union([Type.Literal('crlf'), Type.Literal('lf')])),
    headerRow: Type.Boolean({ description: 'Whether the first row holds the column titles.' }),
    sheetName: Type.Optional(
      Type.String({ minLength: 1, maxLength: 31, description: 'The xlsx worksheet.' }),
    ),
    fileName: Type.String({
      minLength: 5,
      maxLength: 120,
      description:
        'The name each voucher file is written under, with {reference} standing for our external reference (FB_{reference}.csv).',
    }),
    columns: Type.Array(VoucherColumn, { minItems: 1, maxItems: 80 }),
  },
  { additionalProperties: false },
);
export type VoucherLayout = Static<typeof VoucherLayout>;

export const ACK_FIELDS = ['reference', 'status', 'erpNumber', 'erpId', 'message', 'ignore'] as const;
export type AckField = (typeof ACK_FIELDS)[number];

export const AckLayout = Type.Object(
  {
    encoding: Encoding,
    delimiter: Delimiter,
    headerRow: Type.Boolean(),
    fileName: Type.String({
      minLength: 5,
      maxLength: 120,
      description:
        'The name the ERP writes its acknowledgement under, with {name} standing for the voucher file name without its extension ({name}.ack.csv).',
    }),
    columns: Type.Array(
      Type.Object(
        {
          title: Title,
          field: Type.Union([
            Type.Literal('reference'),
            Type.Literal('status'),
            Type.Literal('erpNumber'),
            Type.Literal('erpId'),
            Type.Literal('message'),
            Type.Literal('ignore'),
          ]),
        },
        { additionalProperties: false },
      ),
      { minItems: 2, maxItems: 20 },
    ),
    okValues: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { minItems: 1, maxItems: 10 }),
    errorValues: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);
export type AckLayout = Static<typeof AckLayout>;

export const MasterLayout = Type.Object(
  {
    fileName: Type.String({
      minLength: 1,
      maxLength: 120,
      description: 'Which files hold the object, * matching any text (suppliers_*.csv).',
    }),
    encoding: Encoding,
    delimiter: Delimiter,
    columns: Type.Array(
      Type.Object(
        {
          title: Title,
          field: Type.String({
            minLength: 1,
            maxLength: 60,
            description: 'number, name, usable, modifiedAt, or data.<key> to keep the value under that key.',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 2, maxItems: 40 },
    ),
    usableValues: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
      maxItems: 10,
      description: 'Values of the usable column that mean the record may be used (启用, 1, Y).',
    }),
    watermark: Type.Union([Type.Literal('column'), Type.Literal('file-mtime')], {
      description:
        "What a record's modification time is: its modifiedAt column, or its file's modification time.",
    }),
  },
  { additionalProperties: false },
);
export type MasterLayout = Static<typeof MasterLayout>;

export const VOUCHER_LIST_FIELDS = [
  'erpId',
  'erpNumber',
  'word',
  'date',
  'period',
  'reference',
  'account',
  'debit',
  'credit',
  'currency',
  'status',
  'ignore',
] as const;
export type VoucherListField = (typeof VOUCHER_LIST_FIELDS)[number];

const titledColumns = <T extends TSchema>(field: T, min: number, description: string) =>
  Type.Array(Type.Object({ title: Title, field }, { additionalProperties: false }), {
    minItems: min,
    maxItems: 40,
    description,
  });

/**
 * The voucher list a reconciliation asks the ERP for (对账): we drop a request file naming the period
 * and a request id; the ERP's export job answers with the period's vouchers in one or more part files
 * (one row per entry, a voucher never split across parts) and, last, a done file saying how many parts
 * and vouchers it wrote. Every file is a CSV with a header row, in the layout's encoding.
 */
export const VoucherListLayout = Type.Object(
  {
    encoding: Encoding,
    delimiter: Delimiter,
    requestFile: Type.String({
      minLength: 5,
      maxLength: 120,
      description:
        'The request file we write, with {period} and {request} (FBLIST_{period}_{request}.req.csv).',
    }),
    partFile: Type.String({
      minLength: 5,
      maxLength: 120,
      description:
        'Each export part the ERP writes, with {period}, {request} and {part} (001, 002, …): FBLIST_{period}_{request}_{part}.csv.',
    }),
    doneFile: Type.String({
      minLength: 5,
      maxLength: 120,
      description: 'The file the ERP writes after the last part, with {period} and {request}.',
    }),
    requestColumns: titledColumns(
      Type.Union([Type.Literal('period'), Type.Literal('request'), Type.Literal('requestedAt')]),
      2,
      'The request file’s columns.',
    ),
    doneColumns: titledColumns(
      Type.Union([Type.Literal('parts'), Type.Literal('vouchers')]),
      1,
      'The done file’s columns.',
    ),
    columns: titledColumns(
      Type.Union([
        Type.Literal('erpId'),
        Type.Literal('erpNumber'),
        Type.Literal('word'),
        Type.Literal('date'),
        Type.Literal('period'),
        Type.Literal('reference'),
        Type.Literal('account'),
        Type.Literal('debit'),
        Type.Literal('credit'),
        Type.Literal('currency'),
        Type.Literal('status'),
        Type.Literal('ignore'),
      ]),
      5,
      'The export part’s columns, one row per entry.',
    ),
    dateFormat: Type.String({ minLength: 2, maxLength: 24, description: 'How the date column is written.' }),
    amount: AmountFormat,
    reversedValues: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
      maxItems: 10,
      description: 'Values of the status column that mean the voucher is reversed or cancelled (作废, 冲销).',
    }),
  },
  { additionalProperties: false },
);
export type VoucherListLayout = Static<typeof VoucherListLayout>;

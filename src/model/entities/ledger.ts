import { Type } from 'typebox';
import { ACCOUNT_TYPES, AUX_DIMENSIONS, VOUCHER_WORDS } from '../enums/voucher-words.ts';
import { STANDARD_EXPENSE_CATEGORIES } from '../enums/expense-categories.ts';
import {
  Amount,
  CalendarDate,
  Code,
  CurrencyCode,
  enumOf,
  FiscalPeriod,
  Id,
  Lines,
  Name,
  Rate,
  Status,
  Text,
} from '../common.ts';

/** Account (会计科目): chart of accounts entry with balance direction and required auxiliary dimensions. */
export const AccountFields = {
  code: Code,
  name: Name,
  type: enumOf(ACCOUNT_TYPES, 'Account class (科目类别).'),
  balanceDirection: Type.Union([Type.Literal('debit'), Type.Literal('credit')], { description: '余额方向.' }),
  parentCode: Type.Optional(Code),
  auxDimensions: Type.Optional(
    Type.Array(enumOf(AUX_DIMENSIONS, 'Auxiliary dimension.'), {
      uniqueItems: true,
      description: '辅助核算 every voucher line on this account must carry.',
    }),
  ),
  postable: Type.Optional(
    Type.Boolean({ description: 'Leaf account that vouchers may post to.', default: true }),
  ),
  status: Type.Optional(Status),
};

/** ExpenseCategory (费用类别): a company's own category, mapped to a standard one and to accounts. */
export const ExpenseCategoryFields = {
  code: Code,
  name: Name,
  standardCategory: enumOf(STANDARD_EXPENSE_CATEGORIES, 'The standard category this maps to.'),
  managementAccountCode: Type.Optional(Code),
  salesAccountCode: Type.Optional(Code),
  parentCode: Type.Optional(Code),
  status: Type.Optional(Status),
};

/** Currency enabled for a company, with its minor-unit exponent. */
export const CurrencyFields = {
  code: CurrencyCode,
  name: Name,
  exponent: Type.Integer({ minimum: 0, maximum: 4, description: 'Digits after the decimal point.' }),
  symbol: Type.Optional(Type.String({ maxLength: 5 })),
  status: Type.Optional(Status),
};

/** ExchangeRate: units of `quote` per one unit of `base`, valid from a date. */
export const ExchangeRateFields = {
  base: CurrencyCode,
  quote: CurrencyCode,
  rate: Type.String({ pattern: '^[0-9]{1,12}(\\.[0-9]{1,10})?$', description: 'Exact decimal rate.' }),
  rateType: Type.Union([Type.Literal('spot'), Type.Literal('monthly'), Type.Literal('budget')], {
    default: 'spot',
  }),
  effectiveOn: CalendarDate,
};

/** TaxRate: a company's tax code bound to a legal rate and its input/output tax accounts. */
export const TaxRateFields = {
  code: Code,
  name: Name,
  kind: Type.Union([Type.Literal('rate'), Type.Literal('levy'), Type.Literal('exempt')]),
  rate: Rate,
  validFrom: CalendarDate,
  validTo: Type.Optional(CalendarDate),
  inputTaxAccountCode: Type.Optional(Code),
  outputTaxAccountCode: Type.Optional(Code),
};

export const AuxValues = Type.Object(
  {
    department: Type.Optional(Code),
    employee: Type.Optional(Code),
    supplier: Type.Optional(Code),
    customer: Type.Optional(Code),
    project: Type.Optional(Code),
    cost_center: Type.Optional(Code),
  },
  { additionalProperties: false, description: '辅助核算 values by dimension, as master-data codes.' },
);

export const VoucherLine = Type.Object(
  {
    summary: Type.String({ minLength: 1, maxLength: 200, description: '摘要.' }),
    accountCode: Code,
    debit: Type.Optional(Amount),
    credit: Type.Optional(Amount),
    aux: Type.Optional(AuxValues),
    expenseCategory: Type.Optional(
      Type.String({
        ...Code,
        description:
          '费用类别 of an expense line; when set, the mapping profile may choose the ERP account by it.',
      }),
    ),
    taxRate: Type.Optional(
      Type.String({
        ...Rate,
        description:
          'VAT rate of a tax line (e.g. "0.06"); the mapping profile may choose the ERP tax account by it.',
      }),
    ),
    originalCurrency: Type.Optional(CurrencyCode),
    originalAmount: Type.Optional(Amount),
    exchangeRate: Type.Optional(Type.String({ pattern: '^[0-9]{1,12}(\\.[0-9]{1,10})?$' })),
  },
  {
    additionalProperties: false,
    description: 'A debit or a credit on one account (never both, never zero).',
  },
);

/**
 * Voucher (记账凭证): a journal entry. Always balanced: Σ debit = Σ credit in minor units, at least one
 * line on each side. Amounts are in `currency` (the company's base currency).
 */
export const VoucherFields = {
  companyCode: Code,
  date: CalendarDate,
  period: FiscalPeriod,
  word: enumOf(VOUCHER_WORDS, '凭证字.'),
  number: Type.Optional(
    Type.Integer({ minimum: 1, description: '凭证号, assigned by the ledger if absent.' }),
  ),
  currency: CurrencyCode,
  summary: Type.String({ minLength: 1, maxLength: 200 }),
  attachments: Type.Optional(Type.Integer({ minimum: 0, description: '附单据数.' })),
  lines: Lines(VoucherLine, 'Voucher lines (分录).'),
  externalReference: Type.Optional(
    Type.String({ maxLength: 80, description: 'Idempotency reference written into the ERP.' }),
  ),
  sourceDocumentId: Type.Optional(Id),
  preparedBy: Type.Optional(Code),
  note: Type.Optional(Text('Free note.')),
};

import { Type } from 'typebox';
import { INVOICE_TYPES } from '../enums/invoice-types.ts';
import {
  Amount,
  CalendarDate,
  Code,
  CurrencyCode,
  enumOf,
  FiscalPeriod,
  Id,
  Lines,
  Money,
  Name,
  Rate,
  Text,
  Uscc,
} from '../common.ts';

export const InvoiceLine = Type.Object(
  {
    itemName: Type.String({
      minLength: 1,
      maxLength: 200,
      description: '项目名称, e.g. "*信息技术服务*软件维护费".',
    }),
    specification: Type.Optional(Type.String({ maxLength: 100 })),
    unit: Type.Optional(Type.String({ maxLength: 20 })),
    quantity: Type.Optional(Type.String({ pattern: '^-?[0-9]{1,16}(\\.[0-9]{1,13})?$' })),
    unitPrice: Type.Optional(Type.String({ pattern: '^-?[0-9]{1,16}(\\.[0-9]{1,15})?$' })),
    amount: Amount,
    taxRate: Type.Union([Rate, Type.Literal('exempt')], { description: 'Rate or "exempt" (免税).' }),
    tax: Amount,
    taxClassificationCode: Type.Optional(
      Type.String({ pattern: '^[0-9]{19}$', description: '税收分类编码.' }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Invoice (发票): a Chinese VAT invoice or ticket. Legacy invoices are identified by code + number,
 * fully-digital (数电) ones by their 20-digit number. Amounts are CNY; `total` = `amount` + `tax`.
 */
export const InvoiceFields = {
  type: enumOf(INVOICE_TYPES, 'Invoice type.'),
  code: Type.Optional(
    Type.String({ pattern: '^[0-9]{10}([0-9]{2})?$', description: '发票代码 (legacy only).' }),
  ),
  number: Type.String({
    pattern: '^([0-9]{8}|[0-9]{20}|[0-9A-Za-z]{6,30})$',
    description: '发票号码: 8 digits, or 20 for 数电票.',
  }),
  issuedOn: CalendarDate,
  buyerName: Name,
  buyerTaxId: Type.Optional(Uscc),
  sellerName: Name,
  sellerTaxId: Type.Optional(Uscc),
  lines: Type.Optional(Type.Array(InvoiceLine, { maxItems: 2000 })),
  amount: Amount,
  tax: Amount,
  total: Amount,
  currency: CurrencyCode,
  checkCode: Type.Optional(
    Type.String({ pattern: '^[0-9]{20}$', description: '校验码 (legacy e-invoices).' }),
  ),
  remark: Type.Optional(Text('备注.')),
  passenger: Type.Optional(
    Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 50, description: 'Traveller named on the ticket.' }),
        transport: Type.Union(
          [Type.Literal('air'), Type.Literal('rail'), Type.Literal('road'), Type.Literal('water')],
          { description: 'Passenger transport kind, for the deemed input-VAT formula.' },
        ),
        fuelSurcharge: Type.Optional(Amount),
        civilAviationFund: Type.Optional(Amount),
        domestic: Type.Optional(Type.Boolean({ default: true })),
        travelEndOn: Type.Optional(CalendarDate),
      },
      {
        additionalProperties: false,
        description: 'Passenger tickets: who travelled and how (air: amount = fare, excluding the fund).',
      },
    ),
  ),
};

export const ExpenseClaimLine = Type.Object(
  {
    categoryCode: Code,
    description: Type.String({ minLength: 1, maxLength: 200 }),
    occurredOn: CalendarDate,
    amount: Amount,
    tax: Type.Optional(Amount),
    invoiceIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
    departmentCode: Type.Optional(Code),
    costCenterCode: Type.Optional(Code),
    projectCode: Type.Optional(Code),
    city: Type.Optional(Type.String({ maxLength: 50 })),
    nights: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 366, description: 'Hotel nights, for the per-diem standard.' }),
    ),
    days: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 366, description: 'Days covered by a meal or daily allowance.' }),
    ),
    tripEndOn: Type.Optional(
      Type.String({ ...CalendarDate, description: 'Last day of the trip this expense belongs to.' }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'One expense: gross amount and its invoices; the deductible input VAT is derived from the invoices.',
  },
);

/** ExpenseClaim (报销单): header plus lines. */
export const ExpenseClaimFields = {
  number: Type.Optional(Type.String({ maxLength: 40 })),
  employeeCode: Code,
  departmentCode: Code,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  currency: CurrencyCode,
  claimedOn: CalendarDate,
  lines: Lines(ExpenseClaimLine, 'Expense lines.'),
  projectCode: Type.Optional(Code),
  advanceIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
  requestId: Type.Optional(Id),
  supplierCode: Type.Optional(
    Type.String({
      ...Code,
      description:
        '对公报销: the expense is owed to this supplier, not to the employee (credited to 应付账款).',
    }),
  ),
};

/** ExpenseRequest (费用申请单): approval in advance for spending that claims later draw down. */
export const ExpenseRequestFields = {
  employeeCode: Code,
  departmentCode: Code,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  currency: CurrencyCode,
  requestedOn: CalendarDate,
  projectCode: Type.Optional(Code),
  lines: Lines(
    Type.Object(
      {
        categoryCode: Code,
        description: Type.String({ minLength: 1, maxLength: 200 }),
        occurredOn: Type.String({ ...CalendarDate, description: 'Planned date.' }),
        amount: Amount,
        departmentCode: Type.Optional(Code),
        projectCode: Type.Optional(Code),
        city: Type.Optional(Type.String({ maxLength: 50 })),
      },
      { additionalProperties: false },
    ),
    'Planned expenses.',
  ),
};

/** Advance (借款单): cash lent to an employee, later offset against claims or repaid. */
export const AdvanceFields = {
  employeeCode: Code,
  departmentCode: Code,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  currency: CurrencyCode,
  amount: Amount,
  requestedOn: CalendarDate,
  categoryCode: Type.Optional(Code),
  expectedRepaymentOn: Type.Optional(CalendarDate),
  projectCode: Type.Optional(Code),
  requestId: Type.Optional(Id),
};

export const SupplierBillLine = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 200 }),
    categoryCode: Code,
    amount: Type.String({ ...Amount, description: '价税合计: gross amount, tax included.' }),
    taxRate: Rate,
    departmentCode: Type.Optional(Code),
    projectCode: Type.Optional(Code),
  },
  {
    additionalProperties: false,
    description: 'One expense on a supplier bill; tax is derived from the gross.',
  },
);

/** SupplierBill (应付单): what we owe a supplier for an expense, before it is paid. */
export const SupplierBillFields = {
  number: Type.Optional(
    Type.String({ maxLength: 40, description: 'Our bill number or the invoice number.' }),
  ),
  supplierCode: Code,
  date: CalendarDate,
  dueDate: Type.Optional(CalendarDate),
  currency: CurrencyCode,
  lines: Lines(SupplierBillLine, 'Expense lines.'),
  memo: Type.Optional(Text('备注.')),
};

/** Payment (付款): paying a claim, a supplier bill or an advance. */
export const PaymentFields = {
  number: Type.Optional(Type.String({ maxLength: 40 })),
  payeeKind: Type.Union([Type.Literal('employee'), Type.Literal('supplier'), Type.Literal('customer')]),
  payeeCode: Code,
  amount: Money,
  paidOn: CalendarDate,
  method: Type.Union([
    Type.Literal('bank_transfer'),
    Type.Literal('cash'),
    Type.Literal('bill'),
    Type.Literal('other'),
  ]),
  bankAccountCode: Type.Optional(Code),
  payeeBankAccount: Type.Optional(Type.String({ maxLength: 40 })),
  sourceDocumentIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  memo: Type.Optional(Text('附言.')),
};

/** Budget (预算): an amount for department × category × period, optionally for a project. */
export const BudgetFields = {
  departmentCode: Code,
  categoryCode: Code,
  period: Type.Union(
    [FiscalPeriod, Type.String({ pattern: '^[0-9]{4}$' }), Type.String({ pattern: '^[0-9]{4}-Q[1-4]$' })],
    {
      description: 'A period (2026-11), a quarter (2026-Q4) or a year (2026).',
    },
  ),
  projectCode: Type.Optional(Code),
  amount: Money,
  control: Type.Union([Type.Literal('warn'), Type.Literal('block')], {
    description: 'What happens when exceeded.',
  }),
};

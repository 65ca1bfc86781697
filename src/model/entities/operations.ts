import { Type } from 'typebox';
import { Amount, CalendarDate, Code, CurrencyCode, Lines, Money, Text } from '../common.ts';

const Quantity = Type.String({
  pattern: '^-?[0-9]{1,16}(\\.[0-9]{1,6})?$',
  description: 'Exact decimal quantity.',
});
const UnitPrice = Type.String({
  pattern: '^[0-9]{1,16}(\\.[0-9]{1,10})?$',
  description: 'Exact decimal unit price.',
});

/** BankStatementLine (银行对账单行): one movement on a company bank account, for reconciliation. */
export const BankStatementLineFields = {
  bankAccountNumber: Type.String({ pattern: '^[0-9A-Za-z -]{4,40}$' }),
  bookedOn: CalendarDate,
  valueOn: Type.Optional(CalendarDate),
  amount: Money,
  direction: Type.Union([Type.Literal('in'), Type.Literal('out')]),
  counterpartyName: Type.Optional(Type.String({ maxLength: 200 })),
  counterpartyAccount: Type.Optional(Type.String({ maxLength: 40 })),
  bankReference: Type.String({
    minLength: 1,
    maxLength: 80,
    description: 'The bank’s own transaction id (unique per account).',
  }),
  memo: Type.Optional(Text('附言 / purpose.')),
};

const OrderLine = Type.Object(
  {
    itemCode: Code,
    description: Type.Optional(Type.String({ maxLength: 200 })),
    quantity: Quantity,
    unitPrice: UnitPrice,
    amount: Amount,
    taxRate: Type.Optional(Type.String({ pattern: '^[0-9](\\.[0-9]{1,4})?$' })),
    tax: Type.Optional(Amount),
  },
  { additionalProperties: false },
);

/** PurchaseOrder (采购订单). */
export const PurchaseOrderFields = {
  number: Code,
  supplierCode: Code,
  orderedOn: CalendarDate,
  currency: CurrencyCode,
  lines: Lines(OrderLine, 'Order lines.'),
  departmentCode: Type.Optional(Code),
};

/** SalesOrder (销售订单). */
export const SalesOrderFields = {
  number: Code,
  customerCode: Code,
  orderedOn: CalendarDate,
  currency: CurrencyCode,
  lines: Lines(OrderLine, 'Order lines.'),
};

/** InventoryMovement (出入库): goods in or out of a warehouse, valued in the base currency. */
export const InventoryMovementFields = {
  number: Code,
  kind: Type.Union([
    Type.Literal('receipt'),
    Type.Literal('issue'),
    Type.Literal('transfer'),
    Type.Literal('adjustment'),
  ]),
  movedOn: CalendarDate,
  warehouseCode: Code,
  lines: Lines(
    Type.Object(
      {
        itemCode: Code,
        quantity: Quantity,
        unitCost: Type.Optional(UnitPrice),
        amount: Type.Optional(Amount),
      },
      { additionalProperties: false },
    ),
    'Movement lines.',
  ),
  sourceOrderNumber: Type.Optional(Code),
};

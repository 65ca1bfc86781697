import { Type, type TObject, type TProperties, type TSchema } from 'typebox';
import { Id, Timestamp } from './common.ts';
import {
  CompanyFields,
  CostCenterFields,
  DepartmentFields,
  EmployeeFields,
  ProjectFields,
} from './entities/organization.ts';
import { CustomerFields, SupplierFields } from './entities/parties.ts';
import {
  AccountFields,
  CurrencyFields,
  ExchangeRateFields,
  ExpenseCategoryFields,
  TaxRateFields,
  VoucherFields,
} from './entities/ledger.ts';
import {
  BudgetFields,
  ExpenseRequestFields,
  AdvanceFields,
  ExpenseClaimFields,
  InvoiceFields,
  PaymentFields,
  SupplierBillFields,
} from './entities/expense.ts';
import {
  BankStatementLineFields,
  InventoryMovementFields,
  PurchaseOrderFields,
  SalesOrderFields,
} from './entities/operations.ts';

/** Fields FinBridge assigns to every stored record. */
export const RecordMeta = {
  id: Id,
  version: Type.Integer({ minimum: 1, description: 'Optimistic-lock version; send it back on update.' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export interface EntityDefinition {
  readonly name: string;
  readonly description: string;
  /** What a client sends to create one. */
  readonly input: TObject;
  /** What FinBridge returns: the input plus record metadata. */
  readonly entity: TObject;
}

function define<P extends TProperties>(name: string, description: string, fields: P) {
  const input = Type.Object(fields, { additionalProperties: false, title: `${name}Input`, description });
  const entity = Type.Object(
    { ...RecordMeta, ...fields },
    { additionalProperties: false, title: name, description },
  );
  return { name, description, input, entity } satisfies EntityDefinition;
}

/** The canonical model: every entity of the standard data interface. */
export const ENTITIES = {
  Company: define(
    'Company',
    'A company (tenant): legal entity, base currency, fiscal calendar.',
    CompanyFields,
  ),
  Department: define('Department', 'Department (部门) in the org chart.', DepartmentFields),
  CostCenter: define('CostCenter', 'Cost center (成本中心).', CostCenterFields),
  Employee: define('Employee', 'Employee (职员).', EmployeeFields),
  Supplier: define('Supplier', 'Supplier (供应商) with USCC tax id and bank accounts.', SupplierFields),
  Customer: define('Customer', 'Customer (客户).', CustomerFields),
  Project: define('Project', 'Project (项目).', ProjectFields),
  Account: define('Account', 'Chart-of-accounts entry (会计科目).', AccountFields),
  ExpenseCategory: define(
    'ExpenseCategory',
    'Expense category (费用类别) mapped to accounts.',
    ExpenseCategoryFields,
  ),
  Currency: define('Currency', 'Currency enabled for the company (ISO 4217).', CurrencyFields),
  ExchangeRate: define('ExchangeRate', 'Exchange rate (汇率) valid from a date.', ExchangeRateFields),
  TaxRate: define('TaxRate', 'Tax code (税率) with its validity and tax accounts.', TaxRateFields),
  Invoice: define('Invoice', 'Chinese VAT invoice or ticket (发票).', InvoiceFields),
  ExpenseClaim: define('ExpenseClaim', 'Expense claim (报销单).', ExpenseClaimFields),
  ExpenseRequest: define(
    'ExpenseRequest',
    'Expense pre-approval request (费用申请单).',
    ExpenseRequestFields,
  ),
  Advance: define('Advance', 'Employee advance (借款单).', AdvanceFields),
  SupplierBill: define('SupplierBill', 'Supplier bill (应付单) for expenses.', SupplierBillFields),
  Payment: define('Payment', 'Payment (付款单).', PaymentFields),
  Voucher: define('Voucher', 'Journal voucher (记账凭证), always balanced.', VoucherFields),
  BankStatementLine: define('BankStatementLine', 'Bank statement line (银行流水).', BankStatementLineFields),
  Budget: define('Budget', 'Budget (预算) by department × category × period.', BudgetFields),
  PurchaseOrder: define('PurchaseOrder', 'Purchase order (采购订单).', PurchaseOrderFields),
  InventoryMovement: define('InventoryMovement', 'Inventory movement (出入库单).', InventoryMovementFields),
  SalesOrder: define('SalesOrder', 'Sales order (销售订单).', SalesOrderFields),
} as const;

export type EntityName = keyof typeof ENTITIES;

/** Standalone JSON Schema 2020-12 document for publishing at /schemas/{name}.json. */
export function jsonSchemaDocument(name: string, schema: TSchema, baseUrl: string): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${baseUrl}/schemas/${name}.json`,
    ...structuredClone(schema),
  };
}

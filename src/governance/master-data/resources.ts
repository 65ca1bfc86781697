import type { TObject } from 'typebox';
import { exponentOf, isCurrencyCode } from '../../model/currencies.ts';
import type { Failure } from '../../model/result.ts';
import { ENTITIES, type EntityDefinition } from '../../model/schemas.ts';
import { describeUsccProblem, validateUscc } from '../../standards/cn/uscc.ts';
import type { MasterReferenceColumns, MasterTableName } from '../../platform/store/tables.ts';

export type Fields = Record<string, unknown>;

/**
 * A master-data resource: which canonical entity it stores, where, which fields are promoted to columns
 * (to be filtered and constrained by foreign keys), which fields reference other master data, and the
 * domain checks its schema cannot express. Everything else about a resource is generic.
 */
export interface MasterResource {
  /** URL segment under /api/v1/. */
  readonly path: string;
  readonly table: MasterTableName;
  readonly entity: EntityDefinition;
  readonly label: { readonly zh: string; readonly en: string };
  /** The business key, unique per company, stored as `code`. */
  naturalKey(fields: Fields): string;
  displayName(fields: Fields): string;
  /** Canonical field → promoted column. */
  readonly columns: Readonly<Partial<Record<string, keyof MasterReferenceColumns>>>;
  /** Canonical field → the resource whose `code` it names. */
  readonly references: Readonly<Record<string, string>>;
  check?(fields: Fields): Failure[];
}

const str = (fields: Fields, name: string): string => {
  const value = fields[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

function checkTaxId(fields: Fields): Failure[] {
  const taxId = fields['taxId'];
  if (typeof taxId !== 'string') return [];
  const result = validateUscc(taxId);
  if (result.valid || result.problem === undefined) return [];
  return [
    {
      code: 'invalid_uscc',
      pointer: '/taxId',
      params: {
        reason: describeUsccProblem(result.problem, 'zh-CN'),
        reasonEn: describeUsccProblem(result.problem, 'en-US'),
      },
    },
  ];
}

const byCode = (entity: EntityDefinition, path: string, table: MasterTableName, zh: string, en: string) => ({
  path,
  table,
  entity,
  label: { zh, en },
  naturalKey: (f: Fields) => str(f, 'code'),
  displayName: (f: Fields) => str(f, 'name'),
});

export const MASTER_RESOURCES: readonly MasterResource[] = [
  {
    ...byCode(ENTITIES.Department, 'departments', 'departments', '部门', 'Department'),
    columns: {
      parentCode: 'parent_code',
      managerEmployeeCode: 'manager_employee_code',
      costCenterCode: 'cost_center_code',
      kind: 'kind',
    },
    references: {
      parentCode: 'departments',
      managerEmployeeCode: 'employees',
      costCenterCode: 'cost-centers',
    },
  },
  {
    ...byCode(ENTITIES.CostCenter, 'cost-centers', 'cost_centers', '成本中心', 'Cost center'),
    columns: { departmentCode: 'department_code' },
    references: { departmentCode: 'departments' },
  },
  {
    ...byCode(ENTITIES.Employee, 'employees', 'employees', '职员', 'Employee'),
    columns: { departmentCode: 'department_code', managerCode: 'manager_code' },
    references: { departmentCode: 'departments', managerCode: 'employees' },
  },
  {
    ...byCode(ENTITIES.Supplier, 'suppliers', 'suppliers', '供应商', 'Supplier'),
    columns: { taxId: 'tax_id' },
    references: {},
    check: checkTaxId,
  },
  {
    ...byCode(ENTITIES.Customer, 'customers', 'customers', '客户', 'Customer'),
    columns: { taxId: 'tax_id' },
    references: {},
    check: checkTaxId,
  },
  {
    ...byCode(ENTITIES.Project, 'projects', 'projects', '项目', 'Project'),
    columns: { managerEmployeeCode: 'manager_employee_code' },
    references: { managerEmployeeCode: 'employees' },
    check: (f) =>
      typeof f['startOn'] === 'string' && typeof f['endOn'] === 'string' && f['endOn'] < f['startOn']
        ? [
            {
              code: 'date_range_invalid',
              pointer: '/endOn',
              params: { start: f['startOn'], end: f['endOn'] },
            },
          ]
        : [],
  },
  {
    ...byCode(ENTITIES.Account, 'accounts', 'accounts', '会计科目', 'Account'),
    columns: { parentCode: 'parent_code', type: 'kind' },
    references: { parentCode: 'accounts' },
    check: (f) =>
      f['parentCode'] !== undefined && f['parentCode'] === f['code']
        ? [{ code: 'self_reference', pointer: '/parentCode', params: { field: 'parentCode' } }]
        : [],
  },
  {
    ...byCode(
      ENTITIES.ExpenseCategory,
      'expense-categories',
      'expense_categories',
      '费用类别',
      'Expense category',
    ),
    columns: {
      parentCode: 'parent_code',
      standardCategory: 'kind',
      managementAccountCode: 'management_account_code',
      salesAccountCode: 'sales_account_code',
    },
    references: {
      parentCode: 'expense-categories',
      managementAccountCode: 'accounts',
      salesAccountCode: 'accounts',
    },
  },
  {
    ...byCode(ENTITIES.Currency, 'currencies', 'currencies', '币种', 'Currency'),
    columns: {},
    references: {},
    check: (f) => {
      const code = str(f, 'code');
      if (!isCurrencyCode(code))
        return [{ code: 'unknown_currency', pointer: '/code', params: { currency: code } }];
      return f['exponent'] !== exponentOf(code)
        ? [
            {
              code: 'exponent_mismatch',
              pointer: '/exponent',
              params: { currency: code, expected: exponentOf(code), actual: String(f['exponent']) },
            },
          ]
        : [];
    },
  },
  {
    path: 'exchange-rates',
    table: 'exchange_rates',
    entity: ENTITIES.ExchangeRate,
    label: { zh: '汇率', en: 'Exchange rate' },
    naturalKey: (f) =>
      `${str(f, 'base')}-${str(f, 'quote')}-${str(f, 'rateType') || 'spot'}-${str(f, 'effectiveOn')}`,
    displayName: (f) => `${str(f, 'base')}/${str(f, 'quote')} ${str(f, 'effectiveOn')}`,
    columns: { base: 'base_currency', quote: 'quote_currency', effectiveOn: 'effective_on' },
    references: {},
    check: (f) => {
      const failures: Failure[] = [];
      if (f['base'] === f['quote'])
        failures.push({ code: 'same_currency', pointer: '/quote', params: { currency: str(f, 'quote') } });
      if (typeof f['rate'] === 'string' && /^0+(\.0+)?$/.test(f['rate'])) {
        failures.push({ code: 'rate_not_positive', pointer: '/rate' });
      }
      return failures;
    },
  },
];

export const resourceByPath = (path: string): MasterResource | undefined =>
  MASTER_RESOURCES.find((r) => r.path === path);

/** The fields of the entity that FinBridge stores in the shared core columns rather than attributes. */
export const hasField = (schema: TObject, field: string): boolean => Object.hasOwn(schema.properties, field);

import { Type } from 'typebox';
import { CalendarDate, Code, CurrencyCode, Name, Status, Text, Uscc } from '../common.ts';

/** Company — the tenant: one legal entity with its base currency and fiscal calendar. */
export const CompanyFields = {
  code: Code,
  name: Name,
  taxId: Uscc,
  baseCurrency: CurrencyCode,
  fiscalCalendar: Type.Object(
    {
      firstMonth: Type.Integer({
        minimum: 1,
        maximum: 12,
        default: 1,
        description: 'Month the fiscal year starts (China: 1).',
      }),
      specialPeriods: Type.Integer({
        minimum: 0,
        maximum: 4,
        default: 0,
        description: 'Closing periods 13–16 after month 12.',
      }),
    },
    {
      additionalProperties: false,
      description: 'Fiscal calendar: 12 monthly periods plus optional special periods.',
    },
  ),
  accountingStandard: Type.Union([Type.Literal('CAS'), Type.Literal('ASBE-small'), Type.Literal('IFRS')], {
    description: 'CAS = 企业会计准则, ASBE-small = 小企业会计准则.',
  }),
  address: Type.Optional(Text('Registered address.')),
};

/** Department (部门): a node of the org chart; `kind` decides management vs sales expense accounts. */
export const DepartmentFields = {
  code: Code,
  name: Name,
  parentCode: Type.Optional(Code),
  kind: Type.Union(
    [Type.Literal('management'), Type.Literal('sales'), Type.Literal('production'), Type.Literal('rnd')],
    {
      description:
        'Expense nature: management → 管理费用, sales → 销售费用, production → 制造费用, rnd → 研发费用.',
    },
  ),
  managerEmployeeCode: Type.Optional(Code),
  costCenterCode: Type.Optional(Code),
  status: Type.Optional(Status),
};

/** Cost center (成本中心). */
export const CostCenterFields = {
  code: Code,
  name: Name,
  departmentCode: Type.Optional(Code),
  status: Type.Optional(Status),
};

/** Employee (职员): claimant, approver, and auxiliary dimension on vouchers. */
export const EmployeeFields = {
  code: Code,
  name: Name,
  departmentCode: Code,
  email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
  mobile: Type.Optional(Type.String({ pattern: '^\\+?[0-9 -]{5,20}$' })),
  managerCode: Type.Optional(Code),
  grade: Type.Optional(Type.String({ maxLength: 20, description: 'Job grade, used by per-diem standards.' })),
  bankAccount: Type.Optional(Type.String({ maxLength: 40, description: 'Salary card for reimbursements.' })),
  status: Type.Optional(Status),
};

/** Project (项目): an auxiliary dimension and a budget axis. */
export const ProjectFields = {
  code: Code,
  name: Name,
  managerEmployeeCode: Type.Optional(Code),
  startOn: Type.Optional(CalendarDate),
  endOn: Type.Optional(CalendarDate),
  status: Type.Optional(Status),
};

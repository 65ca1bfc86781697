import type { Writer } from '../platform/audit/audit-log.ts';
import type { CompanyRecord } from '../platform/store/companies.ts';
import { replaceSecret } from '../platform/security/secrets.ts';
import { randomToken } from '../platform/security/secrets-hash.ts';
import { tenantDb, type TenantDb } from '../platform/store/tenant-scope.ts';
import { DomainError } from '../model/result.ts';
import { createExternalApprover } from '../finance/approvals/external.ts';
import { createExpenseDocument, type ExpenseContext } from '../finance/expenses/expense-documents.ts';
import { decideExpenseTask, withdrawExpense } from '../finance/expenses/lifecycle/approve.ts';
import { submitExpense } from '../finance/expenses/lifecycle/submit.ts';
import { registerInvoice } from '../finance/invoices/invoices.ts';
import {
  DEFAULT_APPROVAL_POLICY,
  DEFAULT_AUDIT_POLICY,
  getRuleSet,
  saveRuleSet,
} from '../finance/rules/rule-sets.ts';
import { DEMO_SUPPLIERS } from './demo-company.ts';
import type { DemoBudgetSystem } from './budget-system.ts';
import type { DemoPlatform } from './erp.ts';

/**
 * A month of expense activity for the demo company, made through the same services the API uses:
 * invoices (one refused as a duplicate, one near-duplicate flagged), claims across departments —
 * posted into the ERP, waiting for approval, over budget, rejected, withdrawn, refused by a blocking
 * budget — an advance paid out, and an external budget system taking part as an approval step.
 */
export interface ExpenseDemoSummary {
  readonly seeded: boolean;
  readonly documents: number;
  readonly invoices: number;
}

const seller = (i: number) => DEMO_SUPPLIERS[i % DEMO_SUPPLIERS.length] ?? {};

export async function seedExpenseDemo(
  platform: DemoPlatform,
  company: CompanyRecord,
  budgetSystem: DemoBudgetSystem,
): Promise<ExpenseDemoSummary> {
  const { database, security, clock } = platform;
  const db = tenantDb(database.db, company.id);
  const writer: Writer = { actor: 'system:demo', audit: security.audit };
  await connectBudgetSystem(db, platform, writer, budgetSystem);
  const existing = await db.selectFrom('expense_documents').select('id').limit(1).executeTakeFirst();
  if (existing !== undefined) return { seeded: false, documents: 0, invoices: 0 };

  if ((await getRuleSet(db, 'approval')).version === 0)
    await saveRuleSet(
      db,
      writer,
      'approval',
      {
        ...DEFAULT_APPROVAL_POLICY,
        steps: [
          ...DEFAULT_APPROVAL_POLICY.steps,
          {
            id: 'budget_system',
            nameZh: '预算系统校验',
            nameEn: 'Budget system check',
            when: { categories: ['ADS'] },
            approvers: { kind: 'external', approver: 'BUDGET-SYS' },
          },
        ],
      },
      '广告费需预算系统确认 / advertising needs the budget system',
    );
  if ((await getRuleSet(db, 'audit')).version === 0)
    await saveRuleSet(
      db,
      writer,
      'audit',
      {
        ...DEFAULT_AUDIT_POLICY,
        rules: { ...DEFAULT_AUDIT_POLICY.rules, duplicate_invoice: 'warn' },
        holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
        workdays: ['2026-09-28', '2026-10-10'],
        perDiem: {
          ...DEFAULT_AUDIT_POLICY.perDiem,
          standards: [
            { grades: ['P3', 'P4', 'P5'], tier: '1', hotelPerNight: '600.00', mealsPerDay: '150.00' },
            { grades: ['P6', 'P7'], tier: '1', hotelPerNight: '800.00', mealsPerDay: '200.00' },
            { grades: ['P3', 'P4', 'P5'], tier: '2', hotelPerNight: '450.00', mealsPerDay: '120.00' },
            { grades: ['P3', 'P4', 'P5'], tier: '3', hotelPerNight: '350.00', mealsPerDay: '100.00' },
          ],
          hotelCategories: ['HOTEL'],
          mealCategories: ['MEAL'],
        },
      },
      '演示公司差旅标准 / demo travel policy',
    );

  const today = clock.now().toISOString().slice(0, 10);
  const day = (n: number) =>
    `${today.slice(0, 8)}${String(Math.min(n, Number(today.slice(8)))).padStart(2, '0')}`;
  const ctx: ExpenseContext = { db, writer, company, actorCode: null, privileged: true };
  let serial = 0;
  let invoices = 0;
  const invoice = async (
    type: string,
    net: string,
    tax: string,
    total: string,
    item: string,
    rate: string,
    on: string,
    supplier = 0,
  ) => {
    const s = seller(supplier);
    const view = await registerInvoice(
      db,
      writer,
      {
        type,
        number: `${on.slice(2, 4)}317${String(++serial).padStart(15, '0')}`,
        issuedOn: on,
        buyerName: company.name,
        buyerTaxId: company.taxId,
        sellerName: String(s['name']),
        sellerTaxId: String(s['taxId']),
        lines: [{ itemName: item, amount: net, taxRate: rate, tax }],
        amount: net,
        tax,
        total,
        currency: 'CNY',
      },
      { buyer: { name: company.name, taxId: company.taxId }, source: 'structured' },
    );
    invoices += 1;
    return view.id;
  };
  const claim = (
    employeeCode: string,
    departmentCode: string,
    title: string,
    on: string,
    lines: Record<string, unknown>[],
    extra: Record<string, unknown> = {},
  ) =>
    createExpenseDocument(ctx, 'claim', {
      employeeCode,
      departmentCode,
      title,
      currency: 'CNY',
      claimedOn: on,
      lines,
      ...extra,
    });
  const decide = async (documentId: string, decision: 'approve' | 'reject', comment?: string) => {
    const task = await db
      .selectFrom('approval_tasks')
      .select(['id', 'assignee_code'])
      .where('document_id', '=', documentId)
      .where('status', '=', 'pending')
      .where('kind', '=', 'person')
      .executeTakeFirstOrThrow();
    await decideExpenseTask(
      db,
      { ...writer, actor: `system:demo(${task.assignee_code ?? ''})` },
      company.code,
      task.assignee_code,
      {
        taskId: task.id,
        decision,
        ...(comment === undefined ? {} : { comment }),
      },
    );
  };
  const tolerate = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  };

  // 1. a trip, approved and posted into the ERP
  const hotel = await invoice(
    'digital_special',
    '1500.00',
    '90.00',
    '1590.00',
    '*住宿服务*住宿费',
    '0.06',
    day(5),
    2,
  );
  const rail = await invoice(
    'digital_rail',
    '507.34',
    '45.66',
    '553.00',
    '*运输服务*铁路旅客运输',
    '0.09',
    day(3),
    3,
  );
  const trip = await claim('E011', 'SALES-E', '北京客户拜访差旅', day(6), [
    {
      categoryCode: 'HOTEL',
      description: '北京住宿 3 晚',
      occurredOn: day(5),
      amount: '1590.00',
      invoiceIds: [hotel],
      city: '北京',
      nights: 3,
      tripEndOn: day(5),
    },
    {
      categoryCode: 'TRAVEL',
      description: '上海—北京高铁',
      occurredOn: day(3),
      amount: '553.00',
      invoiceIds: [rail],
    },
    { categoryCode: 'TAXI', description: '市内打车', occurredOn: day(4), amount: '85.50' },
  ]);
  await submitExpense(ctx, trip.id);
  await decide(trip.id, 'approve', '同意');
  // the same invoice registered a second time is refused
  await tolerate(() =>
    registerInvoice(
      db,
      writer,
      {
        type: 'digital_special',
        number: `${day(5).slice(2, 4)}317${String(1).padStart(15, '0')}`,
        issuedOn: day(5),
        buyerName: company.name,
        buyerTaxId: company.taxId,
        sellerName: 'x',
        amount: '1500.00',
        tax: '90.00',
        total: '1590.00',
        currency: 'CNY',
      },
      { buyer: { name: company.name, taxId: company.taxId }, source: 'structured' },
    ),
  );

  // 2. a near-duplicate hotel invoice: flagged, waiting for the manager
  const lookalike = await invoice(
    'digital_special',
    '1500.00',
    '90.00',
    '1590.00',
    '*住宿服务*住宿费',
    '0.06',
    day(5),
    2,
  );
  const second = await claim('E012', 'SALES-E', '北京出差住宿', day(7), [
    {
      categoryCode: 'HOTEL',
      description: '北京住宿',
      occurredOn: day(5),
      amount: '1590.00',
      invoiceIds: [lookalike],
      city: '北京',
      nights: 3,
    },
  ]);
  await submitExpense(ctx, second.id);

  // 3. entertainment over a warning budget, through the manager, waiting for finance
  const meal = await invoice(
    'digital_general',
    '15094.34',
    '905.66',
    '16000.00',
    '*餐饮服务*餐费',
    '0.06',
    day(8),
    4,
  );
  const entertain = await claim('E014', 'SALES-S', '重点客户招待', day(8), [
    {
      categoryCode: 'ENTERTAIN',
      description: '客户晚宴',
      occurredOn: day(8),
      amount: '16000.00',
      invoiceIds: [meal],
    },
  ]);
  await submitExpense(ctx, entertain.id);
  await decide(entertain.id, 'approve', '重点客户，同意');

  // 4–5. advertising: the budget system accepts the small one and refuses the large one
  const booth = await claim('E016', 'MKT', '展会物料制作', day(9), [
    { categoryCode: 'ADS', description: '展台物料', occurredOn: day(9), amount: '3800.00' },
  ]);
  await submitExpense(ctx, booth.id);
  await decide(booth.id, 'approve');
  const campaign = await claim('E016', 'MKT', '线上广告投放', day(10), [
    { categoryCode: 'ADS', description: '信息流广告', occurredOn: day(10), amount: '12000.00' },
  ]);
  await submitExpense(ctx, campaign.id);
  await decide(campaign.id, 'approve'); // the manager (who also heads the department)
  await decide(campaign.id, 'approve'); // finance

  // 6. rejected, 7. waiting, 8. withdrawn
  const dinner = await claim('E019', 'RND', '团队聚餐', day(11), [
    { categoryCode: 'MEAL', description: '项目组聚餐', occurredOn: day(11), amount: '1800.00', days: 1 },
  ]);
  await submitExpense(ctx, dinner.id);
  await decide(dinner.id, 'reject', '超出福利标准，请按部门活动经费申请');
  const software = await invoice(
    'digital_special',
    '1132.08',
    '67.92',
    '1200.00',
    '*信息技术服务*软件订阅费',
    '0.06',
    day(12),
    5,
  );
  const subscription = await claim('E018', 'RND', '开发工具年度订阅', day(12), [
    {
      categoryCode: 'SOFTWARE',
      description: 'IDE 订阅',
      occurredOn: day(12),
      amount: '1200.00',
      invoiceIds: [software],
    },
  ]);
  await submitExpense(ctx, subscription.id);
  const withdrawn = await claim('E020', 'RND', '培训报名费', day(13), [
    { categoryCode: 'TRAINING', description: '线上课程', occurredOn: day(13), amount: '980.00' },
  ]);
  await submitExpense(ctx, withdrawn.id);
  await withdrawExpense(ctx, withdrawn.id, '课程取消');

  // 9. an advance, approved and paid out by voucher (Dr 其他应收款 / Cr 银行存款)
  const advance = await createExpenseDocument(ctx, 'advance', {
    employeeCode: 'E006',
    departmentCode: 'HR',
    title: '校园招聘差旅借款',
    currency: 'CNY',
    amount: '3000.00',
    requestedOn: day(2),
  });
  await submitExpense(ctx, advance.id);
  await decide(advance.id, 'approve');

  // 10. over a blocking budget: stays a draft
  const big = await claim('E011', 'SALES-E', '华东区年度客户巡访', day(14), [
    { categoryCode: 'TRAVEL', description: '巡访差旅打包', occurredOn: day(14), amount: '70000.00' },
  ]);
  await tolerate(() => submitExpense(ctx, big.id));

  platform.wake();
  const documents = await db
    .selectFrom('expense_documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { seeded: true, documents: documents.n, invoices };
}

/** Registers (or re-keys) the demo budget system as the external approver BUDGET-SYS. */
async function connectBudgetSystem(
  db: TenantDb,
  platform: DemoPlatform,
  writer: Writer,
  system: DemoBudgetSystem,
): Promise<void> {
  const row = await db
    .selectFrom('external_approvers')
    .selectAll()
    .where('code', '=', 'BUDGET-SYS')
    .executeTakeFirst();
  if (row === undefined) {
    const created = await createExternalApprover(db, platform.security.keyring, writer, {
      code: 'BUDGET-SYS',
      name: '预算系统（演示）',
      url: system.url,
    });
    system.secret = created.secret;
    return;
  }
  const secret = randomToken('whsec_', 24);
  await replaceSecret(db, platform.security.keyring, platform.clock, row.secret_id, secret);
  await db
    .updateTable('external_approvers')
    .set({ url: system.url, updated_at: platform.clock.now().toISOString() })
    .where('id', '=', row.id)
    .execute();
  system.secret = secret;
}

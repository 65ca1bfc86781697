import { Type, type TLiteral, type TSchema } from 'typebox';
import { InvoiceFields, InvoiceLine } from '../../../model/entities/expense.ts';
import { Amount, CalendarDate, Code, FiscalPeriod, Id, Timestamp } from '../../../model/common.ts';
import type { InvoiceType } from '../../../model/enums/invoice-types.ts';
import { ENTITIES } from '../../../model/schemas.ts';
import type { WireVoucher } from '../../../finance/posting-rules/expense-voucher.ts';
import { SKIP_REASON_CODES } from '../../../finance/approvals/skips.ts';
import type { RuleExplanation } from '../../../finance/rules/explain.ts';
import {
  ApprovalPolicySchema,
  AuditPolicySchema,
  PostingPolicySchema,
} from '../../../finance/rules/rule-sets.ts';

/**
 * What the expense routes answer, field by field: the views the finance functions build
 * (`toDocumentView`, `toTaskView`, `toInvoiceView`, `toBudgetView`, …). Fastify serialises every 2xx
 * answer with these schemas, so a field missing here is dropped from the answer — and the OpenAPI
 * document a client is generated from says exactly what it gets. Money is a decimal string with the
 * currency's digits; dates are YYYY-MM-DD; instants are UTC RFC 3339.
 */

const Nullable = <T extends TSchema>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description === undefined ? {} : { description });
type Literals<V extends readonly string[]> = { -readonly [K in keyof V]: TLiteral<V[K]> };
/** A closed set of strings (statuses, kinds), typed as the union of its values. */
const OneOf = <const V extends readonly [string, ...string[]]>(values: V, description: string) =>
  Type.Union<Literals<V>>(values.map((v) => Type.Literal(v)) as [...Literals<V>], { description });
/** An array; readonly in its static type, as the views build them. */
const List = <T extends TSchema>(item: T, options: { description?: string } = {}) =>
  Type.Immutable(Type.Array(item, options));
/** ISO 4217 code as stored (the company's currencies; GET /standards/currencies lists them). */
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code.' });

export const ExpenseKindSchema = OneOf(
  ['claim', 'request', 'advance'],
  'claim = 报销单, request = 费用申请单, advance = 借款单.',
);
export const ExpenseStatusSchema = OneOf(
  ['draft', 'submitted', 'approving', 'approved', 'posted', 'paid', 'rejected', 'withdrawn', 'reversed'],
  'Lifecycle state: draft → submitted → approving → approved → posted → paid; rejected, withdrawn and reversed off the main line.',
);
export const TaskStatusSchema = OneOf(
  ['waiting', 'pending', 'approved', 'rejected', 'cancelled'],
  'waiting = a later step not reached yet; pending = the assignee’s to decide.',
);
const Labels = Type.Object(
  { zh: Type.String({ description: 'zh-CN.' }), en: Type.String({ description: 'en-US.' }) },
  { description: 'A label or message in both languages.' },
);

/** A finding that did not refuse the document or invoice outright (kept for approvers to see). */
export const WarningSchema = Type.Object(
  {
    rule: Type.String({ description: 'The rule that found it, e.g. near_duplicate_invoice, per_diem.' }),
    pointer: Type.Optional(Type.String({ description: 'JSON pointer to the field concerned.' })),
    zh: Type.String({ description: 'The finding in zh-CN.' }),
    en: Type.String({ description: 'The finding in en-US.' }),
  },
  { description: 'A warning found by the checks.' },
);
export const RiskTagSchema = Type.Object(
  {
    ...WarningSchema.properties,
    severity: OneOf(['warn', 'block'], 'block = the tag that stopped a submission.'),
  },
  { description: 'A risk tag approvers see (audit rules, budget, missing ERP connection).' },
);

/** One line of a claim or request, with what the claimant sent beyond the core fields. */
export const ExpenseLineSchema = Type.Object(
  {
    lineNo: Type.Integer({ minimum: 1, description: 'Position, from 1.' }),
    categoryCode: Code,
    description: Type.String(),
    occurredOn: CalendarDate,
    amount: Type.String({ ...Amount, description: 'Gross amount, tax included.' }),
    deductibleTax: Type.String({
      ...Amount,
      description: 'Deductible input VAT of the line, derived from its invoices.',
    }),
    departmentCode: Code,
    projectCode: Nullable(Type.String(), 'Project code, or null.'),
    invoiceIds: List(Id, { description: 'The invoices the line claims (claims only; [] otherwise).' }),
    tax: Type.Optional(Type.String({ ...Amount, description: 'The tax the claimant stated, if any.' })),
    costCenterCode: Type.Optional(Code),
    city: Type.Optional(Type.String({ description: 'City of the expense (per-diem standards).' })),
    nights: Type.Optional(Type.Integer({ description: 'Hotel nights.' })),
    days: Type.Optional(Type.Integer({ description: 'Days covered by a meal or daily allowance.' })),
    tripEndOn: Type.Optional(
      Type.String({ ...CalendarDate, description: 'Last day of the trip this expense belongs to.' }),
    ),
  },
  { description: 'An expense line as stored.' },
);

export const TransitionSchema = Type.Object(
  {
    at: Timestamp,
    actor: Type.String({
      description:
        'Who moved it, as the audit log names actors: user:<name>, client:<id>, external:<task>, …',
    }),
    from: Nullable(ExpenseStatusSchema, 'The state before; null when the document was created.'),
    to: ExpenseStatusSchema,
    comment: Nullable(Type.String()),
  },
  { description: 'One step of the document’s history.' },
);

/** An approval step a submission routed to no one, and why (`finance/approvals/skips.ts`). */
export const SkippedStepSchema = Type.Object(
  {
    round: Type.Integer({ minimum: 1, description: 'The submission (approval round) that skipped it.' }),
    position: Type.Integer({ minimum: 1, description: 'The step’s position in the approval policy.' }),
    stepId: Type.String({ description: 'The step’s id in the approval policy.' }),
    name: Type.Object(Labels.properties, { description: 'The step’s name.' }),
    reason: OneOf(
      SKIP_REASON_CODES,
      'Why: the step’s conditions do not hold (amount_not_above, amount_above, kind_not_covered, department_not_covered, category_not_covered, project_not_covered), or whom it would ask (approver_is_submitter, same_approver_as_previous, no_manager_above, submitter_heads_department).',
    ),
    params: Type.Record(Type.String(), Type.String(), {
      description: 'Values the message names, e.g. {"amount":"5000.00"}.',
    }),
    message: Type.Object(Labels.properties, { description: 'The reason for people to read.' }),
    at: Timestamp,
  },
  { description: 'An approval step that was skipped, and why.' },
);

/** A claim, request or advance as `toDocumentView` builds it. */
export const ExpenseDocumentSchema = Type.Object(
  {
    id: Id,
    kind: ExpenseKindSchema,
    number: Type.String({ description: 'Document number, e.g. BX202611-0001.' }),
    status: ExpenseStatusSchema,
    statusLabel: Type.Object(Labels.properties, { description: 'The status for people to read.' }),
    revision: Type.Integer({ minimum: 1, description: 'Raised by each correction (更正).' }),
    employeeCode: Code,
    departmentCode: Code,
    projectCode: Nullable(Type.String(), 'Project code, or null.'),
    title: Type.String(),
    currency: Currency,
    date: Type.String({ ...CalendarDate, description: 'Claimed or requested on.' }),
    total: Type.String({ ...Amount, description: 'Gross total of the lines (an advance: its amount).' }),
    deductibleTax: Type.String({ ...Amount, description: 'Deductible input VAT, from the invoices.' }),
    requestId: Nullable(Id, 'The pre-approval request a claim draws on.'),
    advance: Type.Optional(
      Type.Object(
        {
          offset: Type.String({ ...Amount, description: 'Offset against claims.' }),
          repaid: Type.String({ ...Amount, description: 'Repaid in cash.' }),
          outstanding: Type.String({ ...Amount, description: 'Still owed by the employee.' }),
        },
        { description: 'Advances only: what became of the money.' },
      ),
    ),
    advanceIds: Type.Optional(List(Id, { description: 'Claims only: the advances it offsets.' })),
    supplierCode: Type.Optional(
      Type.String({ ...Code, description: '对公报销: the supplier the claim is owed to.' }),
    ),
    riskTags: List(RiskTagSchema),
    approvalPolicyVersion: Nullable(
      Type.Integer(),
      'The approval rule-set version it was submitted under; null before submission.',
    ),
    posting: Nullable(
      Type.Object({
        id: Type.String({ ...Id, description: 'The hub posting (GET /api/v1/postings/{id}).' }),
        erpVoucherNumber: Nullable(Type.String(), 'The ERP’s voucher number, once posted.'),
        erpPeriod: Nullable(Type.String(), 'The ERP period it was posted in.'),
        erpReversalNumber: Nullable(Type.String(), 'The ERP’s number of the red-letter reversal.'),
      }),
      'The voucher’s posting to the ERP; null until approved with an ERP connection.',
    ),
    lines: Nullable(
      List(ExpenseLineSchema),
      'The lines; null in lists (read the document for them); [] for an advance.',
    ),
    transitions: Nullable(List(TransitionSchema), 'Every transition; null in lists.'),
    skippedSteps: Nullable(
      List(SkippedStepSchema),
      'The approval steps each submission skipped, and why; null in lists.',
    ),
    submittedAt: Nullable(Timestamp),
    approvedAt: Nullable(Timestamp),
    postedAt: Nullable(Timestamp),
    paidAt: Nullable(Timestamp),
    createdBy: Type.String(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Type.Integer({ minimum: 1, description: 'Send it back in If-Match to change the document.' }),
  },
  { description: 'An expense claim (报销单), request (申请单) or advance (借款单).' },
);

/** A page of a list: the items and the cursor of the next page (null on the last page). */
export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: List(item),
    nextCursor: Nullable(Type.String(), 'Pass as `cursor` for the next page; null on the last page.'),
  });

/**
 * The voucher is the canonical VoucherInput (a $ref in OpenAPI), checked against it before it is
 * returned; typed as the posting rules' WireVoucher, since the model's enum schemas carry no static type.
 */
export const VoucherPreviewSchema = Type.Unsafe<{
  voucher: WireVoucher;
  balanced: boolean;
  total: string;
  postingPolicyVersion: number;
}>(
  Type.Object({
    voucher: ENTITIES.Voucher.input,
    balanced: Type.Boolean({ description: 'Always true: an unbalanced voucher is refused instead.' }),
    total: Type.String({ ...Amount, description: 'Σ debit = Σ credit.' }),
    postingPolicyVersion: Type.Integer({ description: 'The posting rule-set version that built it.' }),
  }),
);

export const InvoiceSchema = Type.Object(
  {
    id: Id,
    // the canonical enum (codes with their zh/en labels), typed as the codes
    type: Type.Unsafe<InvoiceType>(InvoiceFields.type),
    code: Nullable(Type.String(), '发票代码 (legacy invoices); null for 数电票.'),
    number: Type.String({ description: '发票号码.' }),
    issuedOn: CalendarDate,
    sellerName: Type.String(),
    sellerTaxId: Nullable(Type.String(), 'Seller’s USCC, when the invoice carries one.'),
    buyerName: Type.String(),
    buyerTaxId: Nullable(Type.String(), 'Buyer’s USCC, when the invoice carries one.'),
    amount: Type.String({ ...Amount, description: 'Amount before tax.' }),
    tax: Amount,
    total: Type.String({ ...Amount, description: 'amount + tax.' }),
    currency: Currency,
    status: OneOf(['unused', 'claimed', 'posted'], 'unused → claimed (on a live claim) → posted.'),
    source: OneOf(['structured', 'xml'], 'Registered from data, or imported from 数电票 XML.'),
    ownerEmployeeCode: Nullable(Type.String(), 'The employee who registered it, if one did.'),
    usedBy: Nullable(
      Type.Object({ documentId: Id, number: Type.String() }),
      'The live claim using it (only on a single read); null otherwise.',
    ),
    warnings: List(WarningSchema, { description: 'Near-duplicates and other findings.' }),
    fileSha256: Nullable(Type.String(), 'SHA-256 of the original file (imported XML).'),
    details: Type.Object(
      {
        lines: Type.Optional(List(InvoiceLine)),
        checkCode: InvoiceFields.checkCode,
        remark: InvoiceFields.remark,
        passenger: InvoiceFields.passenger,
      },
      { description: 'What the invoice carries beyond its header: lines, check code, remark, passenger.' },
    ),
    createdAt: Timestamp,
  },
  { description: 'A registered invoice.' },
);

export const AttachmentSchema = Type.Object({
  id: Id,
  documentId: Type.String({ ...Id, description: 'The document (or imported invoice) it belongs to.' }),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer({ minimum: 0 }),
  sha256: Type.String({ description: 'SHA-256 of the content, hex.' }),
  createdAt: Timestamp,
});

const TaskProperties = {
  id: Id,
  documentId: Id,
  round: Type.Integer({ minimum: 1, description: 'Each submission starts a new round.' }),
  stage: Type.Integer({ description: 'The step’s position in the approval policy.' }),
  stepId: Type.String({ description: 'The step’s id in the approval policy.' }),
  kind: OneOf(['person', 'external'], 'An employee decides, or an external system by signed callback.'),
  mode: OneOf(['all', 'any'], 'all = countersign (会签), any = one of them (或签).'),
  assignee: Nullable(Type.String(), 'The employee to decide; null for an external task.'),
  delegatedFrom: Nullable(Type.String(), 'Whom the task was delegated from.'),
  externalApprover: Nullable(Type.String(), 'The external approver’s code.'),
  status: TaskStatusSchema,
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Timestamp),
  comment: Nullable(Type.String()),
  dueAt: Nullable(Timestamp, 'When a reminder is due.'),
  reminders: Type.Integer({ minimum: 0, description: 'Reminders sent so far.' }),
  callout: Nullable(
    Type.Object({
      status: Nullable(OneOf(['pending', 'sent', 'failed'], 'Delivery of the signed callout.')),
      attempts: Type.Integer({ minimum: 0 }),
      error: Nullable(Type.String()),
    }),
    'External tasks only: the callout to the external system.',
  ),
  createdAt: Timestamp,
};
export const ApprovalTaskSchema = Type.Object(TaskProperties, { description: 'An approval task.' });
export const MyApprovalTaskSchema = Type.Object(
  {
    ...TaskProperties,
    document: Type.Object(
      {
        id: Id,
        kind: ExpenseKindSchema,
        number: Type.String(),
        title: Type.String(),
        total: Amount,
        employeeCode: Code,
        riskTags: List(RiskTagSchema),
      },
      { description: 'The document to decide on.' },
    ),
  },
  { description: 'An approval task assigned to me, with its document.' },
);
const SkipSchema = Type.Object(
  {
    reason: SkippedStepSchema.properties.reason,
    params: SkippedStepSchema.properties.params,
    message: Type.Object(Labels.properties, { description: 'The reason for people to read.' }),
  },
  { description: 'Why the step would be skipped.' },
);
/** A submission's dry run (`checkSubmission`): what would refuse it, its risk tags, its approval chain. */
export const SubmissionCheckSchema = Type.Object(
  {
    documentId: Id,
    number: Type.String(),
    ready: Type.Boolean({
      description: 'Nothing found would refuse the submission now (budgets and invoices may still change).',
    }),
    blockers: List(
      Type.Object({
        code: Type.String({ description: 'The registered problem code the refusal would carry.' }),
        pointer: Type.String({ description: 'JSON pointer of the field concerned; "" = the document.' }),
        message: Type.Object(Labels.properties, { description: 'The refusal for people to read.' }),
      }),
      { description: 'What would refuse the submission, as the refusal itself would say it.' },
    ),
    riskTags: List(RiskTagSchema, { description: 'The risk tags the document would get (claims).' }),
    auditPolicyVersion: Nullable(
      Type.Integer(),
      'The audit rule-set version checked (claims); null otherwise.',
    ),
    approval: Type.Object(
      {
        policyVersion: Type.Integer({ minimum: 0 }),
        outcome: OneOf(
          ['approving', 'approved', 'refused'],
          'approving = tasks would open; approved = no step asks anyone; refused = a step finds no approver.',
        ),
        steps: List(
          Type.Object({
            position: Type.Integer({ minimum: 1, description: 'The step’s position in the policy.' }),
            stepId: Type.String(),
            name: Type.Object(Labels.properties, { description: 'The step’s name.' }),
            stage: Nullable(Type.Integer({ minimum: 1 }), 'The stage it would run in; null when skipped.'),
            mode: OneOf(['all', 'any'], 'all = countersign (会签), any = one of them (或签).'),
            approvers: List(Code, { description: 'The employees who would decide.' }),
            externalApprover: Nullable(Type.String(), 'The external approver’s code, for an external step.'),
            skipped: Nullable(SkipSchema, 'Why the step would be skipped; null when it asks someone.'),
          }),
          { description: 'Every step of the policy, in order.' },
        ),
      },
      { description: 'The approval chain the document would take.' },
    ),
  },
  { description: 'What submitting the document would find, found without submitting it.' },
);

const TaskCountsProperties = {
  pending: Type.Integer({ minimum: 0, description: 'Tasks waiting for my decision.' }),
  dueSoon: Type.Integer({ minimum: 0, description: 'Of those, due within `soonHours` (not yet overdue).' }),
  overdue: Type.Integer({ minimum: 0, description: 'Of those, past their due time.' }),
  risky: Type.Integer({ minimum: 0, description: 'Of those, on documents with risk tags.' }),
};
const TaskCounts = Type.Object(TaskCountsProperties);
export const ApprovalTaskCountsSchema = Type.Object(
  {
    asOf: Type.String({ ...Timestamp, description: 'When they were counted (the server’s clock).' }),
    soonHours: Type.Integer({ description: 'The window `dueSoon` counts.' }),
    ...TaskCountsProperties,
    byKind: Type.Object(
      { claim: TaskCounts, request: TaskCounts, advance: TaskCounts },
      { description: 'The same counts per document kind.' },
    ),
  },
  { description: 'How many approval tasks wait for me.' },
);

export const TaskDecisionSchema = Type.Object({
  task: ApprovalTaskSchema,
  document: ExpenseDocumentSchema,
});

export const DelegationSchema = Type.Object({
  id: Id,
  delegatorCode: Code,
  delegateCode: Code,
  fromOn: CalendarDate,
  toOn: CalendarDate,
  reason: Nullable(Type.String()),
});

export const NotificationSchema = Type.Object({
  id: Id,
  kind: OneOf(
    [
      'task_assigned',
      'task_reminder',
      'document_approved',
      'document_rejected',
      'callout_failed',
      'rectification_requested',
    ],
    'What happened.',
  ),
  documentId: Nullable(Id),
  taskId: Nullable(Id),
  message: Labels,
  createdAt: Timestamp,
  readAt: Nullable(Timestamp),
});

export const BudgetSchema = Type.Object({
  id: Id,
  departmentCode: Code,
  categoryCode: Code,
  period: Type.String({ description: 'A period (2026-11), a quarter (2026-Q4) or a year (2026).' }),
  projectCode: Nullable(Type.String(), 'The project, or null for a budget of no single project.'),
  amount: Type.Object(
    { amount: Amount, currency: Currency },
    { description: 'The budget: amount as a decimal string plus ISO 4217 currency.' },
  ),
  control: OneOf(['warn', 'block'], 'What happens when exceeded.'),
  occupied: Type.String({ ...Amount, description: 'Held by submitted documents.' }),
  actual: Type.String({ ...Amount, description: 'Spent by posted documents.' }),
  available: Type.String({ ...Amount, description: 'amount − occupied − actual (negative when overrun).' }),
  version: Type.Integer({ minimum: 1 }),
  updatedAt: Timestamp,
});
export const BudgetExecutionSchema = Type.Object({
  items: List(BudgetSchema),
  totals: Type.Object(
    { budget: Amount, occupied: Amount, actual: Amount, available: Amount },
    { description: 'Sums over the items.' },
  ),
});

const RuleSetOf = <K extends string, B extends TSchema>(kind: K, body: B) =>
  Type.Object({
    kind: Type.Literal(kind),
    version: Type.Integer({ minimum: 0, description: '0 = the built-in default.' }),
    body,
    note: Nullable(Type.String()),
    createdBy: Type.String(),
    createdAt: Nullable(Timestamp, 'null for the built-in default.'),
  });
export const RuleSetSchema = Type.Union(
  [
    RuleSetOf('approval', ApprovalPolicySchema),
    RuleSetOf('audit', AuditPolicySchema),
    RuleSetOf('posting', PostingPolicySchema),
  ],
  { description: 'A version of a rule set; `body` by `kind`.' },
);

export const ExternalApproverSchema = Type.Object({
  id: Id,
  code: Code,
  name: Type.String(),
  url: Type.String({ format: 'uri' }),
  status: OneOf(['active', 'inactive'], 'Only an active approver receives callouts.'),
  createdAt: Timestamp,
});
export const NewExternalApproverSchema = Type.Object({
  ...ExternalApproverSchema.properties,
  secret: Type.String({ description: 'The signing secret; returned this once only.' }),
});

export const ApprovalCallbackSchema = Type.Object({
  taskId: Id,
  status: TaskStatusSchema,
  document: Type.Object({ id: Id, status: ExpenseStatusSchema }),
});

export const PeriodStatusSchema = Type.Object({
  period: FiscalPeriod,
  status: OneOf(['closed', 'open'], 'closed = nothing new is claimed or posted into it.'),
});

export const PayableDocumentSchema = Type.Object(
  {
    id: Id,
    kind: OneOf(['claim', 'advance'], 'claim = 报销单, advance = 借款单.'),
    number: Type.String(),
    title: Type.String(),
    employeeCode: Type.String({ ...Code, description: 'The employee (paid, unless a supplier is named).' }),
    departmentCode: Code,
    supplierCode: Nullable(Type.String(), '对公报销: the supplier to pay instead of the employee.'),
    currency: Currency,
    date: Type.String({ ...CalendarDate, description: 'Claimed or requested on.' }),
    total: Type.String({ ...Amount, description: 'Gross total (an advance: its amount).' }),
    offset: Type.String({ ...Amount, description: 'Claims: offset against the employee’s advances.' }),
    payable: Type.String({ ...Amount, description: 'To pay out: total − offset.' }),
    postedAt: Nullable(Timestamp, 'When the ERP took its voucher.'),
    erpVoucherNumber: Nullable(Type.String(), 'The ERP’s voucher number.'),
  },
  { description: 'A posted claim or advance not yet paid (待付款).' },
);
export const PayablePageSchema = Type.Object({
  items: List(PayableDocumentSchema),
  totals: List(
    Type.Object({
      currency: Currency,
      count: Type.Integer({ minimum: 0 }),
      total: Amount,
      offset: Amount,
      payable: Amount,
    }),
    { description: 'Per currency, over every document to pay (not only this page).' },
  ),
  nextCursor: Nullable(Type.String(), 'Pass as `cursor` for the next page; null on the last page.'),
});

const AUDIT_RULE_NAMES = Object.keys(AuditPolicySchema.properties.rules.properties) as [string, ...string[]];
const AccountChoiceSchema = Type.Object(
  {
    accountCode: Code,
    source: OneOf(
      ['override', 'category_sales', 'category_management'],
      'override = an override of the posting rules; category_sales / category_management = the expense category’s own sales or management account.',
    ),
    overrideIndex: Nullable(
      Type.Integer({ minimum: 0 }),
      'Which override (its position in the posting rules’ overrides), for source override.',
    ),
    fallback: Type.Boolean({
      description:
        'The account the department’s kind asks for is missing on the category, so the other one was used.',
    }),
  },
  { description: 'The expense account of a line and the rule that chose it.' },
);
export const RuleExplanationSchema = Type.Unsafe<RuleExplanation>(
  Type.Object(
    {
      documentId: Id,
      number: Type.String(),
      kind: ExpenseKindSchema,
      status: ExpenseStatusSchema,
      audit: Type.Object(
        {
          version: Type.Integer({ minimum: 0, description: 'The audit rule-set version in force now.' }),
          ran: Type.Boolean({ description: 'False for a draft: the audit rules run when it is submitted.' }),
          rules: List(
            Type.Object({
              rule: OneOf(AUDIT_RULE_NAMES, 'The audit rule.'),
              severity: OneOf(['block', 'warn', 'off'], 'What the rule does now when it finds something.'),
              findings: List(RiskTagSchema, { description: 'What it found on this document at submission.' }),
            }),
          ),
          other: List(RiskTagSchema, { description: 'Findings of other checks (budget, ERP connection).' }),
        },
        { description: 'Each audit rule, its severity and its findings on this document.' },
      ),
      posting: Nullable(
        Type.Object({
          version: Type.Integer({ minimum: 0, description: 'The posting rule-set version in force now.' }),
          date: Type.String({
            ...CalendarDate,
            description: 'The voucher date: the last approval’s day, or today.',
          }),
          word: Type.String({ description: '凭证字.' }),
          overrides: PostingPolicySchema.properties.overrides,
          lines: List(
            Type.Object({
              lineNo: Type.Integer({ minimum: 1 }),
              description: Type.String(),
              categoryCode: Code,
              categoryName: Type.String(),
              departmentCode: Code,
              departmentKind: OneOf(['management', 'sales', 'production', 'rnd'], 'The department’s kind.'),
              amount: Amount,
              deductibleTax: Amount,
              net: Type.String({ ...Amount, description: 'amount − deductibleTax: the expense debit.' }),
              categoryAccounts: Type.Object({
                sales: Nullable(Type.String(), 'The category’s sales expense account (销售费用).'),
                management: Nullable(Type.String(), 'The category’s management expense account (管理费用).'),
              }),
              choice: Nullable(AccountChoiceSchema, 'Null when nothing gives the line an account.'),
            }),
          ),
          payee: OneOf(['employee', 'supplier'], 'Whom the credit is owed to.'),
          accounts: Type.Object(
            {
              inputVat: Code,
              employeePayable: Code,
              supplierPayable: Code,
              advance: Code,
              bank: Code,
            },
            { description: 'The posting rules’ fixed accounts.' },
          ),
          voucher: Nullable(
            ENTITIES.Voucher.input,
            'The voucher these rules build; null when a line has no account.',
          ),
        }),
        'Null for a request (it posts nothing). Run now with the posting rules in force.',
      ),
    },
    {
      description:
        'Why a claim was handled as it was: each audit rule and its findings, and the posting rule that chose each line’s account.',
    },
  ),
);

export const ClosedPeriodSchema = Type.Object(
  {
    period: FiscalPeriod,
    status: Type.Literal('closed', {
      description: 'Only closed periods are listed; any other period is open.',
    }),
    closedBy: Type.String({ description: 'Who closed it, as the audit log names actors (user:<name>, …).' }),
    closedAt: Timestamp,
  },
  { description: 'A closed accounting period (结账): nothing new is claimed or posted into it.' },
);

/**
 * Named in OpenAPI's components (and referenced by `$ref` wherever a route answers with one), so a
 * generated client gets one named type per view instead of a copy per operation.
 */
export const EXPENSE_RESPONSE_COMPONENTS: Readonly<Record<string, TSchema>> = {
  ExpenseDocumentView: ExpenseDocumentSchema,
  ExpenseLineView: ExpenseLineSchema,
  DocumentTransition: TransitionSchema,
  RiskTag: RiskTagSchema,
  CheckWarning: WarningSchema,
  VoucherPreview: VoucherPreviewSchema,
  InvoiceView: InvoiceSchema,
  AttachmentView: AttachmentSchema,
  ApprovalTaskView: ApprovalTaskSchema,
  MyApprovalTaskView: MyApprovalTaskSchema,
  TaskDecision: TaskDecisionSchema,
  DelegationView: DelegationSchema,
  NotificationView: NotificationSchema,
  BudgetView: BudgetSchema,
  BudgetExecution: BudgetExecutionSchema,
  RuleSetView: RuleSetSchema,
  ExternalApproverView: ExternalApproverSchema,
  NewExternalApprover: NewExternalApproverSchema,
  ApprovalCallbackResult: ApprovalCallbackSchema,
  PeriodStatusView: PeriodStatusSchema,
  SkippedApprovalStep: SkippedStepSchema,
  ApprovalTaskCounts: ApprovalTaskCountsSchema,
  SubmissionCheck: SubmissionCheckSchema,
  ClosedPeriodView: ClosedPeriodSchema,
  PayableDocumentView: PayableDocumentSchema,
  PayablePage: PayablePageSchema,
  RuleExplanation: RuleExplanationSchema,
};

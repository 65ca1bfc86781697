import { Type, type Static, type TObject } from 'typebox';
import { Amount, CurrencyCode, Id, Timestamp } from './common.ts';
import type { CurrencyCode as Currency } from './currencies.ts';
import { REJECTION_REASON_NAMES } from './erp-rejections.ts';

/**
 * The business events FinBridge publishes — through the event log (`GET /api/v1/events`) and to
 * webhook subscribers — each with the schema of its `data`. Part of the data interface partners code
 * against (docs/webhooks.md). A module that changes state appends its event in the same transaction
 * (src/platform/events/log.ts); a new event is one entry here plus that one call where its state
 * changes. Payments and reconciliation will add `payment.paid`, `payment.returned` and
 * `reconciliation.differences_found` the same way when their modules exist.
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** An expense claim (报销单), pre-approval request (事前申请) or advance (借款) that changed status. */
export const ExpenseEventData = Type.Object(
  {
    id: Id,
    kind: Type.Union([Type.Literal('claim'), Type.Literal('request'), Type.Literal('advance')]),
    number: Type.String({ description: 'The document number, e.g. BX-2026-000123.' }),
    status: Type.String({ description: 'Its status now.' }),
    previousStatus: Type.String({ description: 'Its status before this change.' }),
    employeeCode: Type.String(),
    departmentCode: Type.String(),
    total: Type.Object(
      { amount: Amount, currency: Type.Unsafe<Currency>(CurrencyCode) },
      {
        additionalProperties: false,
        description: 'Money: amount as a decimal string plus ISO 4217 currency.',
      },
    ),
    actor: Type.String({
      description: 'Who made the change: user:<id>, client:<id>, external:<task> or system:hub.',
    }),
    comment: Nullable(Type.String()),
    erpVoucherNumber: Nullable(Type.String({ description: 'The ERP voucher number, once posted.' })),
  },
  { additionalProperties: false },
);

const PostingFields = {
  postingId: Id,
  connectionId: Id,
  documentType: Type.String({ description: 'voucher, supplier_bill or payment.' }),
  documentId: Type.String({ description: 'The submitting module’s (or client’s) id of the document.' }),
};

/** The ERP holds the document now. */
export const PostingPostedData = Type.Object(
  { ...PostingFields, erpNumber: Type.String({ description: 'The ERP’s document number.' }) },
  { additionalProperties: false },
);

/** The ERP refused the document (`posting.rejected`), or the hub gave up after its retries (`posting.dead`). */
export const PostingRefusedData = Type.Object(
  {
    ...PostingFields,
    code: Type.String({ description: 'The ERP’s code, or the hub’s (e.g. exhausted).' }),
    message: Type.String({ description: 'The ERP’s message, verbatim.' }),
    reason: Nullable(Type.Enum(REJECTION_REASON_NAMES)),
  },
  { additionalProperties: false },
);

/** A pull of one ERP master-data object ended: every page committed, or a failure recorded. */
export const SyncFinishedData = Type.Object(
  {
    connectionId: Id,
    object: Type.String({ description: 'What was pulled, e.g. suppliers, accounts.' }),
    ok: Type.Boolean(),
    pages: Type.Integer({ minimum: 0 }),
    records: Type.Integer({ minimum: 0, description: 'Records stored by this pull.' }),
    watermark: Type.Object(
      { modifiedAt: Nullable(Type.String()), number: Nullable(Type.String()) },
      { additionalProperties: false, description: 'Where the next pull continues.' },
    ),
    failure: Nullable(
      Type.Object(
        { outcome: Type.String(), code: Type.String(), message: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** Data-quality issues opened in one evaluation, for the data owners of the entity and source. */
export const QualityIssuesOpenedData = Type.Object(
  {
    entity: Type.String({ description: 'supplier, employee, account, …' }),
    source: Type.String({ description: "'finbridge', a connection id, or 'golden' (source conflicts)." }),
    owners: Type.Array(Type.String(), { description: 'The data owners told: user:<id> or role:<role>.' }),
    count: Type.Integer({ minimum: 1 }),
    issues: Type.Array(
      Type.Object(
        {
          id: Id,
          kind: Type.String(),
          severity: Type.String(),
          record: Type.String(),
          field: Type.String(),
          message: Type.String(),
        },
        { additionalProperties: false },
      ),
      { description: 'The first 20 issues.' },
    ),
  },
  { additionalProperties: false },
);

export interface EventDefinition {
  /** The kind of record the event is about (`subject.type`). */
  readonly subject: string;
  readonly data: TObject;
  readonly zh: string;
  readonly en: string;
}

export const EVENT_TYPES = {
  'expense.submitted': {
    subject: 'ExpenseDocument',
    data: ExpenseEventData,
    zh: '报销单、事前申请或借款已提交',
    en: 'A claim, request or advance was submitted',
  },
  'expense.approved': {
    subject: 'ExpenseDocument',
    data: ExpenseEventData,
    zh: '已审批通过（凭证随即提交记账）',
    en: 'It was approved (its voucher goes to the ERP)',
  },
  'expense.rejected': {
    subject: 'ExpenseDocument',
    data: ExpenseEventData,
    zh: '审批驳回',
    en: 'An approver rejected it',
  },
  'expense.withdrawn': {
    subject: 'ExpenseDocument',
    data: ExpenseEventData,
    zh: '申请人撤回',
    en: 'The employee withdrew it',
  },
  'expense.posted': {
    subject: 'ExpenseDocument',
    data: ExpenseEventData,
    zh: '凭证已记入 ERP（带 ERP 凭证号）',
    en: 'Its voucher is in the ERP (with the ERP voucher number)',
  },
  'expense.paid': {
    subject: 'ExpenseDocument',
    data: ExpenseEventData,
    zh: '已付款',
    en: 'It was paid',
  },
  'expense.reversed': {
    subject: 'ExpenseDocument',
    data: ExpenseEventData,
    zh: '已红冲',
    en: 'It was reversed (red-letter voucher)',
  },
  'posting.posted': {
    subject: 'Posting',
    data: PostingPostedData,
    zh: 'ERP 已接收单据（记账成功）',
    en: 'The ERP holds the document',
  },
  'posting.rejected': {
    subject: 'Posting',
    data: PostingRefusedData,
    zh: 'ERP 拒绝了单据（修正后可重发）',
    en: 'The ERP refused the document (replayable once fixed)',
  },
  'posting.dead': {
    subject: 'Posting',
    data: PostingRefusedData,
    zh: '重试用尽，记账已停止（可重发）',
    en: 'The hub gave up after its retries (replayable)',
  },
  'sync.finished': {
    subject: 'Connection',
    data: SyncFinishedData,
    zh: '一次主数据拉取结束（成功或失败）',
    en: 'A master-data pull ended (done or failed)',
  },
  'data_quality.issues_opened': {
    subject: 'DataQuality',
    data: QualityIssuesOpenedData,
    zh: '发现新的主数据质量问题或来源冲突（通知数据责任人）',
    en: 'New master-data quality issues or source conflicts (for the data owners)',
  },
} as const satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof EVENT_TYPES;
export type EventData<T extends EventType> = Static<(typeof EVENT_TYPES)[T]['data']>;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];
export const isEventType = (value: string): value is EventType => Object.hasOwn(EVENT_TYPES, value);

/**
 * One event as the pull API returns it and a webhook delivers it: the same envelope for every type,
 * `data` by type. `id` is stable (receivers deduplicate by it); `cursor` resumes the log right after it.
 */
const envelope = <T extends EventType>(type: T) =>
  Type.Object(
    {
      id: Type.String({ description: 'The event’s id, the same in every delivery of it.' }),
      type: Type.Literal(type),
      cursor: Type.String({ description: 'Opaque: GET /api/v1/events?after=<cursor> continues after it.' }),
      occurredAt: Timestamp,
      companyId: Id,
      subject: Type.Object(
        { type: Type.Literal(EVENT_TYPES[type].subject), id: Type.String() },
        { additionalProperties: false },
      ),
      data: EVENT_TYPES[type].data,
    },
    { additionalProperties: false, description: EVENT_TYPES[type].en },
  );

export const EventSchema = Type.Unsafe<Event>(
  Type.Union(
    EVENT_TYPE_NAMES.map((type) => envelope(type)),
    { title: 'Event', description: 'A business event (docs/webhooks.md); `data` depends on `type`.' },
  ),
);

export type Event = { [T in EventType]: EventEnvelope<T> }[EventType];
export interface EventEnvelope<T extends EventType> {
  readonly id: string;
  readonly type: T;
  readonly cursor: string;
  readonly occurredAt: string;
  readonly companyId: string;
  readonly subject: { readonly type: string; readonly id: string };
  readonly data: EventData<T>;
}

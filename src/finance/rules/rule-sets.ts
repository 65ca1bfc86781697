import { Type, type Static, type TSchema } from 'typebox';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { constraintViolation } from '../../platform/store/errors.ts';
import type { RuleSetKind } from '../../finance/tables.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { Amount, CalendarDate, Code } from '../../model/common.ts';
import { DomainError, refusal } from '../../model/result.ts';
import { check } from '../../model/validate.ts';

/**
 * Rules as data: approval policy, audit rules and posting rules, each a versioned, immutable document
 * per company. A document records the version it was handled under; a new version applies to what is
 * submitted after it. Until a company saves its own, the defaults below apply (version 0).
 */
const Condition = Type.Object(
  {
    minAmount: Type.Optional(
      Type.String({ ...Amount, description: 'Applies when the total is above this.' }),
    ),
    maxAmount: Type.Optional(Type.String({ ...Amount, description: 'Applies up to and including this.' })),
    kinds: Type.Optional(
      Type.Array(Type.Union([Type.Literal('claim'), Type.Literal('request'), Type.Literal('advance')]), {
        uniqueItems: true,
      }),
    ),
    departments: Type.Optional(Type.Array(Code, { uniqueItems: true })),
    categories: Type.Optional(Type.Array(Code, { uniqueItems: true })),
    projects: Type.Optional(Type.Array(Code, { uniqueItems: true })),
  },
  { additionalProperties: false, description: 'All given conditions must hold.' },
);

const Approvers = Type.Union([
  Type.Object(
    { kind: Type.Literal('manager'), levels: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })) },
    { additionalProperties: false, description: 'The claimant’s manager (levels up the chain).' },
  ),
  Type.Object(
    { kind: Type.Literal('department_head') },
    { additionalProperties: false, description: 'Head of the document’s department.' },
  ),
  Type.Object(
    { kind: Type.Literal('top_manager') },
    { additionalProperties: false, description: 'The top of the manager chain (general manager).' },
  ),
  Type.Object(
    { kind: Type.Literal('role'), role: Type.String({ minLength: 1, maxLength: 40 }) },
    { additionalProperties: false, description: 'Every user with this console role.' },
  ),
  Type.Object(
    { kind: Type.Literal('employees'), codes: Type.Array(Code, { minItems: 1, uniqueItems: true }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('external'), approver: Code },
    { additionalProperties: false, description: 'A signed webhook to an external system, which calls back.' },
  ),
]);

export const ApprovalPolicySchema = Type.Object(
  {
    slaHours: Type.Integer({ minimum: 1, maximum: 720, description: 'Remind an approver after this.' }),
    steps: Type.Array(
      Type.Object(
        {
          id: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
          nameZh: Type.String({ minLength: 1, maxLength: 40 }),
          nameEn: Type.String({ minLength: 1, maxLength: 60 }),
          when: Type.Optional(Condition),
          approvers: Approvers,
          mode: Type.Optional(
            Type.Union([Type.Literal('any'), Type.Literal('all')], {
              description: 'any = one approver decides (或签); all = every approver must approve (会签).',
            }),
          ),
          parallel: Type.Optional(
            Type.Boolean({ description: 'Runs at the same time as the step before it.' }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  { additionalProperties: false, title: 'ApprovalPolicy' },
);
export type ApprovalPolicy = Static<typeof ApprovalPolicySchema>;
export type ApprovalStep = ApprovalPolicy['steps'][number];

const Severity = Type.Union([Type.Literal('block'), Type.Literal('warn'), Type.Literal('off')]);
export const AuditPolicySchema = Type.Object(
  {
    rules: Type.Object(
      {
        duplicate_invoice: Severity,
        split_claim: Severity,
        per_diem: Severity,
        weekend_holiday: Severity,
        round_amount: Severity,
        invoice_after_trip: Severity,
        over_request: Severity,
      },
      { additionalProperties: false },
    ),
    splitWindowDays: Type.Integer({ minimum: 1, maximum: 90 }),
    splitThresholds: Type.Array(Amount, { maxItems: 10 }),
    roundAmountMin: Amount,
    holidays: Type.Array(CalendarDate, { maxItems: 400, description: 'Public holidays (法定节假日).' }),
    workdays: Type.Array(CalendarDate, {
      maxItems: 100,
      description: 'Weekend days that are working days (调休).',
    }),
    perDiem: Type.Object(
      {
        cityTiers: Type.Record(
          Type.String({ pattern: '^[0-9]$' }),
          Type.Array(Type.String({ maxLength: 50 })),
        ),
        defaultTier: Type.String({ pattern: '^[0-9]$' }),
        standards: Type.Array(
          Type.Object(
            {
              grades: Type.Array(Type.String({ maxLength: 20 }), { minItems: 1 }),
              tier: Type.String({ pattern: '^[0-9]$' }),
              hotelPerNight: Amount,
              mealsPerDay: Amount,
            },
            { additionalProperties: false },
          ),
        ),
        hotelCategories: Type.Array(Code),
        mealCategories: Type.Array(Code),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: 'AuditPolicy' },
);
export type AuditPolicy = Static<typeof AuditPolicySchema>;

export const PostingPolicySchema = Type.Object(
  {
    word: Type.String({ minLength: 1, maxLength: 4, description: '凭证字, e.g. 记.' }),
    inputVatAccount: Code,
    employeePayableAccount: Code,
    advanceAccount: Code,
    bankAccount: Code,
    payableAccount: Type.Optional(
      Type.String({ ...Code, description: '应付账款, for claims owed to a supplier.' }),
    ),
    overrides: Type.Array(
      Type.Object(
        {
          category: Type.Optional(Code),
          departmentKind: Type.Optional(
            Type.Union([
              Type.Literal('management'),
              Type.Literal('sales'),
              Type.Literal('production'),
              Type.Literal('rnd'),
            ]),
          ),
          accountCode: Code,
        },
        { additionalProperties: false },
      ),
      { maxItems: 200, description: 'Checked first, in order, before the category’s own accounts.' },
    ),
  },
  { additionalProperties: false, title: 'PostingPolicy' },
);
export type PostingPolicy = Static<typeof PostingPolicySchema>;

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  slaHours: 24,
  steps: [
    { id: 'manager', nameZh: '直属上级', nameEn: 'Line manager', approvers: { kind: 'manager' } },
    {
      id: 'department_head',
      nameZh: '部门负责人',
      nameEn: 'Department head',
      when: { minAmount: '5000.00' },
      approvers: { kind: 'department_head' },
    },
    {
      id: 'finance',
      nameZh: '财务审核',
      nameEn: 'Finance review',
      when: { minAmount: '5000.00' },
      approvers: { kind: 'role', role: 'finance' },
    },
    {
      id: 'general_manager',
      nameZh: '总经理',
      nameEn: 'General manager',
      when: { minAmount: '50000.00' },
      approvers: { kind: 'top_manager' },
    },
  ],
};

export const DEFAULT_AUDIT_POLICY: AuditPolicy = {
  rules: {
    duplicate_invoice: 'block',
    split_claim: 'warn',
    per_diem: 'warn',
    weekend_holiday: 'warn',
    round_amount: 'warn',
    invoice_after_trip: 'warn',
    over_request: 'warn',
  },
  splitWindowDays: 7,
  splitThresholds: ['5000.00', '50000.00'],
  roundAmountMin: '1000.00',
  holidays: [],
  workdays: [],
  perDiem: {
    cityTiers: {
      '1': ['北京', '上海', '广州', '深圳'],
      '2': ['杭州', '南京', '成都', '武汉', '西安', '苏州', '天津', '重庆'],
    },
    defaultTier: '3',
    standards: [],
    hotelCategories: [],
    mealCategories: [],
  },
};

export const DEFAULT_POSTING_POLICY: PostingPolicy = {
  word: '记',
  inputVatAccount: '22210101',
  employeePayableAccount: '224101',
  advanceAccount: '122101',
  bankAccount: '1002',
  payableAccount: '2202',
  overrides: [],
};

interface KindDefinition<S extends TSchema> {
  readonly schema: S;
  readonly defaults: Static<S>;
}

export const RULE_SET_KINDS = {
  approval: { schema: ApprovalPolicySchema, defaults: DEFAULT_APPROVAL_POLICY },
  audit: { schema: AuditPolicySchema, defaults: DEFAULT_AUDIT_POLICY },
  posting: { schema: PostingPolicySchema, defaults: DEFAULT_POSTING_POLICY },
} as const satisfies { [K in RuleSetKind]: KindDefinition<TSchema> };

type BodyOf<K extends RuleSetKind> = Static<(typeof RULE_SET_KINDS)[K]['schema']>;

export interface RuleSet<K extends RuleSetKind> {
  readonly kind: K;
  readonly version: number;
  readonly body: BodyOf<K>;
  readonly note: string | null;
  readonly createdBy: string;
  readonly createdAt: string | null;
}

/** A rule set of any kind, its body typed by its kind. */
export type AnyRuleSet = { [K in RuleSetKind]: RuleSet<K> }[RuleSetKind];

/** The version in force (or a given one); version 0 is the built-in default. */
export async function getRuleSet<K extends RuleSetKind>(
  db: TenantDb,
  kind: K,
  version?: number,
): Promise<RuleSet<K>> {
  let select = db.selectFrom('rule_sets').selectAll().where('kind', '=', kind);
  select = version === undefined ? select.orderBy('version', 'desc') : select.where('version', '=', version);
  const row = version === 0 ? undefined : await select.limit(1).executeTakeFirst();
  if (row === undefined) {
    if (version !== undefined && version !== 0)
      throw new DomainError('not_found', { resource: `RuleSet ${kind}`, id: String(version) });
    return {
      kind,
      version: 0,
      body: RULE_SET_KINDS[kind].defaults as BodyOf<K>,
      note: 'built-in default',
      createdBy: 'system',
      createdAt: null,
    };
  }
  return {
    kind,
    version: row.version,
    body: JSON.parse(row.body_json) as BodyOf<K>,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export async function listRuleSets(db: TenantDb, kind: RuleSetKind): Promise<AnyRuleSet[]> {
  const rows = await db
    .selectFrom('rule_sets')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('version')
    .execute();
  return rows.map(
    (row) =>
      ({
        kind,
        version: row.version,
        body: JSON.parse(row.body_json) as BodyOf<RuleSetKind>,
        note: row.note,
        createdBy: row.created_by,
        createdAt: row.created_at,
      }) as AnyRuleSet,
  );
}

/** Saves a new version after checking it against its schema and the rules of its kind. */
export async function saveRuleSet(
  db: TenantDb,
  writer: Writer,
  kind: RuleSetKind,
  body: unknown,
  note?: string,
): Promise<AnyRuleSet> {
  const failures = check(RULE_SET_KINDS[kind].schema, body, '/body');
  if (failures.length > 0) throw refusal(failures);
  if (kind === 'approval') {
    const ids = (body as ApprovalPolicy).steps.map((s) => s.id);
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated !== undefined)
      throw new DomainError('rule_set_invalid', { reason: `step id ${repeated} is used twice` });
    if ((body as ApprovalPolicy).steps[0]?.parallel === true)
      throw new DomainError('rule_set_invalid', {
        reason: 'the first step cannot run in parallel with a step before it',
      });
  }
  return db.transaction(async (tx) => {
    const current = await getRuleSet(tx, kind);
    const version = current.version + 1;
    const now = writer.audit.clock.now().toISOString();
    try {
      await tx
        .insertInto('rule_sets', [
          {
            kind,
            version,
            body_json: JSON.stringify(body),
            note: note ?? null,
            created_by: writer.actor,
            created_at: now,
          },
        ])
        .execute();
    } catch (error) {
      if (constraintViolation(error) === 'unique') throw new DomainError('version_conflict', { version });
      throw error;
    }
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'save',
        entityType: `RuleSet:${kind}`,
        entityId: String(version),
        after: body,
        requestId: writer.requestId,
      },
    ]);
    return (await getRuleSet(tx, kind, version)) as AnyRuleSet;
  });
}

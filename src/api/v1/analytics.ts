import { Type, type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { budgetExecutionBy, BUDGET_DIMENSIONS } from '../../analytics/budget-execution.ts';
import { DIMENSION_NAMES, MEASURES, querySpend, type SpendQuery } from '../../analytics/cube.ts';
import { spendWorkbook } from '../../analytics/export.ts';
import { ANOMALY_KINDS, listAnomalies } from '../../analytics/findings.ts';
import { scanAnomalies } from '../../analytics/anomalies.ts';
import { Code } from '../../model/common.ts';
import { DomainError } from '../../model/result.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

/**
 * Spend analytics (docs/analytics.md): the spend cube (pivot and drill-down, Excel export), budget
 * execution per dimension with burn rate and forecast, and cost anomalies with score, explanation and
 * claim link. All read `analytics:read`.
 */
const tags = ['analytics'];
const Nullable = <T extends TSchema>(t: T, description?: string) =>
  Type.Union([t, Type.Null()], description === undefined ? {} : { description });
const DimensionName = Type.String({
  minLength: 1,
  maxLength: 40,
  description: `A dimension: ${DIMENSION_NAMES.join(', ')}. Any other is refused (422 analytics_unknown_dimension, naming it).`,
});
const Period = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

const SpendQueryBody = Type.Object(
  {
    rows: Type.Array(DimensionName, { maxItems: 4, description: 'Dimensions down the side.' }),
    columns: Type.Optional(Type.Array(DimensionName, { maxItems: 3, description: 'Dimensions across.' })),
    measures: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
        minItems: 1,
        maxItems: 3,
        description: `Any of ${MEASURES.join(', ')} (default all).`,
      }),
    ),
    filters: Type.Optional(
      Type.Record(
        Type.String({ minLength: 1, maxLength: 40 }),
        Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500 }),
        { description: 'Per dimension, the values kept, e.g. {"department": ["D01", "D02"]}.' },
      ),
    ),
    periodFrom: Type.Optional(Period),
    periodTo: Type.Optional(Period),
    drill: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: 40 }), Type.String({ maxLength: 100 }), {
        description:
          'A cell’s coordinates, e.g. {"department": "D01", "period": "2026-11"}: the answer lists the claim lines behind it (the 200 largest) in `lines`.',
      }),
    ),
  },
  { additionalProperties: false },
);
type SpendQueryValue = {
  rows: string[];
  columns?: string[];
  measures?: string[];
  filters?: Record<string, string[]>;
  periodFrom?: string;
  periodTo?: string;
  drill?: Record<string, string>;
};
const spendQueryOf = (b: SpendQueryValue): SpendQuery => ({
  rows: b.rows,
  ...(b.columns === undefined ? {} : { columns: b.columns }),
  ...(b.measures === undefined ? {} : { measures: b.measures }),
  ...(b.filters === undefined ? {} : { filters: b.filters }),
  ...(b.periodFrom === undefined ? {} : { periodFrom: b.periodFrom }),
  ...(b.periodTo === undefined ? {} : { periodTo: b.periodTo }),
  ...(b.drill === undefined ? {} : { drill: b.drill }),
});

const DimensionEnum = Type.Enum(DIMENSION_NAMES);
const Decimal = (description: string) => Type.String({ description });
const SpendResultSchema = Type.Object({
  rows: Type.Array(DimensionEnum),
  columns: Type.Array(DimensionEnum),
  measures: Type.Array(Type.Enum(MEASURES)),
  source: Type.Union([Type.Literal('rollup'), Type.Literal('facts')], {
    description: 'rollup: read from the pre-aggregated spend; facts: from the claim lines.',
  }),
  cells: Type.Array(
    Type.Object({
      row: Type.Array(Type.String(), { description: 'The row dimensions’ values, in `rows` order.' }),
      column: Type.Array(Type.String()),
      currency: Type.String({ description: 'Amounts are summed per currency, never across.' }),
      amount: Type.Optional(Decimal('Spend, a decimal string in the currency’s digits.')),
      tax: Type.Optional(Decimal('Deductible input VAT.')),
      count: Type.Optional(Type.Integer({ description: 'Claim lines.' })),
    }),
  ),
  totals: Type.Array(
    Type.Object({
      currency: Type.String(),
      amount: Type.String(),
      tax: Type.String(),
      count: Type.Integer(),
    }),
  ),
  truncated: Type.Boolean({
    description: 'True when more than 10,000 cells matched (the first are returned).',
  }),
  lines: Type.Optional(
    Type.Array(
      Type.Object({
        claimId: Type.String(),
        claimNumber: Type.String(),
        lineNo: Type.Integer(),
        occurredOn: Type.String({ format: 'date' }),
        period: Type.String(),
        employeeCode: Type.String(),
        departmentCode: Type.String(),
        categoryCode: Type.String(),
        amount: Type.String(),
        tax: Type.String(),
        currency: Type.String(),
        link: Type.String({ description: 'The claim in the console.' }),
      }),
    ),
  ),
});

const ExecutionRowSchema = Type.Object({
  key: Type.String({ description: 'The dimension’s value ("" = budgets for no one project).' }),
  currency: Type.String(),
  budget: Type.String(),
  occupied: Type.String({ description: 'Submitted, not yet posted (占用).' }),
  actual: Type.String({ description: 'Posted (实际发生).' }),
  available: Type.String(),
  burnRate: Nullable(Type.Number(), 'actual ÷ budget.'),
  elapsedShare: Type.Number({ description: 'Share of the budget periods elapsed, weighted by budget.' }),
  forecast: Type.String({ description: 'Actual carried on at the same daily pace to each period’s end.' }),
  forecastVariance: Type.String({ description: 'forecast − budget; positive = forecast overrun.' }),
  budgets: Type.Integer(),
});
const ExecutionSchema = Type.Object({
  by: Type.Enum(BUDGET_DIMENSIONS),
  year: Type.String(),
  asOf: Type.String({ format: 'date' }),
  items: Type.Array(ExecutionRowSchema),
  totals: Type.Array(ExecutionRowSchema),
});

const KindEnum = Type.Enum(ANOMALY_KINDS);
const AnomalySchema = Type.Object({
  id: Type.String(),
  kind: KindEnum,
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  claimId: Nullable(Type.String(), 'The claim it points at (null for a Benford finding).'),
  claimNumber: Nullable(Type.String()),
  lineNo: Nullable(Type.Integer()),
  employeeCode: Nullable(Type.String()),
  departmentCode: Nullable(Type.String()),
  period: Type.String(),
  amount: Nullable(Type.String()),
  currency: Nullable(Type.String()),
  explanation: Type.Object({ zh: Type.String(), en: Type.String() }),
  params: Type.Record(Type.String(), Type.Unknown()),
  link: Nullable(Type.String(), 'The claim in the console.'),
  detectedAt: Type.String({ format: 'date-time' }),
});
const ScanSchema = Type.Object({
  lines: Type.Integer(),
  peerGroups: Type.Integer(),
  anomalies: Type.Integer(),
  byKind: Type.Record(Type.String(), Type.Integer()),
});

const CURSOR = /^(\d{1,3}):(.+)$/;

export function registerAnalyticsRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  const read = needs('analytics:read');

  app.post(
    '/api/v1/analytics/spend::query',
    {
      config: { policy: read },
      schema: {
        operationId: 'querySpend',
        summary:
          'Pivot the spend cube: rows × columns of dimensions, measures per cell, drill to the claim lines',
        description:
          'Posted claim lines by period, company, department, costCenter, project, category, employee, supplier, ' +
          'currency or erp; measures amount, tax, count. Amounts are decimal strings summed per currency. ' +
          'An unknown dimension or measure is refused with 422 naming it.',
        tags,
        body: SpendQueryBody,
        response: { 200: SpendResultSchema, ...problems(400, 413, 415, 422) },
      },
    },
    async (request) => querySpend((await tenantOf(request)).db, spendQueryOf(request.body)),
  );

  app.post(
    '/api/v1/analytics/spend::export',
    {
      config: { policy: read },
      schema: {
        operationId: 'exportSpend',
        summary:
          'The same pivot as an Excel workbook (.xlsx): the pivot of the first measure, and every cell flat',
        tags,
        body: SpendQueryBody,
        response: {
          200: {
            description: 'An xlsx workbook.',
            content: {
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: Type.String({ format: 'binary' }),
              },
            },
          },
          ...problems(400, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const result = await querySpend(tenant.db, spendQueryOf(request.body));
      const bytes = await spendWorkbook(result, `${tenant.company.code} ${tenant.company.name}`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="spend-${tenant.company.code}.xlsx"`)
        .send(bytes as never);
    },
  );

  app.get(
    '/api/v1/analytics/budget-execution',
    {
      config: { policy: read },
      schema: {
        operationId: 'getBudgetExecution',
        summary: 'Budget vs occupied vs actual per dimension, with burn rate and a forecast to period end',
        tags,
        querystring: Type.Object(
          {
            by: Type.Optional(Type.Enum(BUDGET_DIMENSIONS, { default: 'department' })),
            year: Type.Optional(Type.String({ pattern: '^[0-9]{4}$', description: 'Default: this year.' })),
            department: Type.Optional(Code),
            category: Type.Optional(Code),
          },
          { additionalProperties: false },
        ),
        response: { 200: ExecutionSchema, ...problems(400, 422) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      const today = tenant.writer.audit.clock.now().toISOString().slice(0, 10);
      const q = request.query;
      return budgetExecutionBy(tenant.db, {
        by: q.by ?? 'department',
        year: q.year ?? today.slice(0, 4),
        today,
        ...(q.department === undefined ? {} : { departmentCode: q.department }),
        ...(q.category === undefined ? {} : { categoryCode: q.category }),
      });
    },
  );

  app.get(
    '/api/v1/analytics/anomalies',
    {
      config: { policy: read },
      schema: {
        operationId: 'listAnomalies',
        summary:
          'Cost anomalies, highest score first: each with its score, explanation and the claim it points at',
        description:
          'Peer outliers (median/MAD per category × department × city tier), split claims, weekend and holiday ' +
          'spend, round amounts, Benford first-digit tests and duplicates across claims. A post-hoc audit can ' +
          'take its sample from these (claimId).',
        tags,
        querystring: Type.Object(
          {
            kind: Type.Optional(KindEnum),
            minScore: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
            employee: Type.Optional(Code),
            department: Type.Optional(Code),
            claim: Type.Optional(Type.String({ format: 'uuid' })),
            period: Type.Optional(Period),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(AnomalySchema),
            nextCursor: Nullable(Type.String(), 'Pass as `cursor` for the next page; null on the last page.'),
          }),
          ...problems(400, 422),
        },
      },
    },
    async (request) => {
      const q = request.query;
      let after: { score: number; id: string } | undefined;
      if (q.cursor !== undefined) {
        const m = CURSOR.exec(q.cursor);
        if (m === null) throw new DomainError('invalid_cursor');
        after = { score: Number(m[1]), id: m[2] ?? '' };
      }
      const page = await listAnomalies((await tenantOf(request)).db, {
        limit: q.limit ?? 50,
        ...(q.kind === undefined ? {} : { kind: q.kind }),
        ...(q.minScore === undefined ? {} : { minScore: q.minScore }),
        ...(q.employee === undefined ? {} : { employeeCode: q.employee }),
        ...(q.department === undefined ? {} : { departmentCode: q.department }),
        ...(q.claim === undefined ? {} : { claimId: q.claim }),
        ...(q.period === undefined ? {} : { period: q.period }),
        ...(after === undefined ? {} : { after }),
      });
      return {
        items: page.items,
        nextCursor: page.next === null ? null : `${page.next.score}:${page.next.id}`,
      };
    },
  );

  app.post(
    '/api/v1/analytics/anomalies::scan',
    {
      config: { policy: read },
      schema: {
        operationId: 'scanAnomalies',
        summary: 'Recompute the peer statistics and every anomaly from the posted claim lines now',
        description:
          'New lines are checked as they post, against the statistics of the last scan; a scan (also `finbridge analytics scan`) refreshes the statistics and the Benford tests. It changes only derived data.',
        tags,
        response: { 200: ScanSchema, ...problems(400) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      const summary = await scanAnomalies(tenant.db, tenant.writer.audit.clock.now());
      await appendAudit(tenant.db, tenant.writer.audit, [
        {
          actor: tenant.writer.actor,
          action: 'scan',
          entityType: 'AnalyticsAnomalies',
          entityId: tenant.company.code,
          after: summary,
          requestId: tenant.writer.requestId,
        },
      ]);
      return summary;
    },
  );
}

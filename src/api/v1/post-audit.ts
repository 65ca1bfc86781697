import { Type, type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { PlanBody } from '../../finance/post-audit/plans.ts';
import { REASON_CODES } from '../../finance/post-audit/sampling.ts';
import { createPlan, getRun, listPlans, listRuns, runSample } from '../../finance/post-audit/runs.ts';
import {
  Evidence,
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  changeFinding,
  getFinding,
  listFindings,
  recordFinding,
} from '../../finance/post-audit/findings.ts';
import { CalendarDate } from '../../model/common.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, parseIfMatch, problems } from '../shared.ts';
import { resolveTenant, type TenantContext } from '../tenant.ts';
import { employeeOf } from './expenses/route-helpers.ts';

/**
 * Post-hoc audit (事后审计, docs/post-audit.md): sampling plans, sample runs over posted claims with the
 * reason each claim was picked, findings with severity and evidence, rectification requests to the
 * claimant and their responses, and closing. Not the audit log (/api/v1/audit-log) and not the audit
 * rules checked at submission (/api/v1/rules/audit).
 */
const tags = ['post-hoc audit'];
const Nullable = <T extends TSchema>(t: T, description?: string) =>
  Type.Union([t, Type.Null()], description === undefined ? {} : { description });
/** An array; readonly in its static type, as the views build them. */
const List = <T extends TSchema>(item: T) => Type.Immutable(Type.Array(item));
const Severity = Type.Enum(FINDING_SEVERITIES, { description: 'low, medium or high.' });
const Status = Type.Enum(FINDING_STATUSES, {
  description:
    'open → rectification_requested → responded → (rectification_requested again) … → closed or waived.',
});
const Items = <T extends TSchema>(item: T) => Type.Object({ items: List(item) });

const PlanSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  body: PlanBody,
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
const RunSchema = Type.Object({
  id: Type.String(),
  planId: Type.String(),
  planName: Type.String(),
  plan: PlanBody,
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  population: Type.Integer({ description: 'Posted claims dated within the range.' }),
  sampled: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
const ReasonSchema = Type.Object({
  code: Type.Enum(REASON_CODES, { description: 'Which selector picked the claim.' }),
  zh: Type.String(),
  en: Type.String(),
});
const SampleSchema = Type.Object({
  documentId: Type.String(),
  number: Type.String(),
  title: Type.String(),
  employeeCode: Type.String(),
  documentOn: Type.String({ format: 'date' }),
  total: Type.String(),
  currency: Type.String(),
  riskScore: Type.Integer({ minimum: 0, maximum: 100 }),
  reasons: List(ReasonSchema),
  findings: Type.Integer({ description: 'Findings recorded on the claim in this run.' }),
});
const RunWithSamples = Type.Object({ ...RunSchema.properties, samples: List(SampleSchema) });
const EventSchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: Type.String({ description: 'record, request_rectification, respond, close or waive.' }),
  fromStatus: Nullable(Status),
  toStatus: Status,
  text: Nullable(Type.String()),
});
const FindingSchema = Type.Object({
  id: Type.String(),
  documentId: Type.String(),
  documentNumber: Type.String(),
  runId: Nullable(Type.String()),
  severity: Severity,
  title: Type.String(),
  evidence: Evidence,
  status: Status,
  claimantCode: Type.String(),
  dueOn: Nullable(Type.String({ format: 'date' })),
  version: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  events: List(EventSchema),
});
const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });
const Text = (description: string) => Type.String({ minLength: 1, maxLength: 4000, description });

export function registerPostAuditRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  const read = needs('post_audit:read');
  const write = needs('post_audit:write');
  const actorCode = (tenant: TenantContext) =>
    tenant.principal.kind === 'user' ? tenant.principal.employeeCode : null;

  app.post(
    '/api/v1/post-audit/plans',
    {
      config: { policy: write },
      schema: {
        operationId: 'createPostAuditPlan',
        summary: 'Define a sampling plan: random with a seed, by risk score, by rules',
        tags,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            body: PlanBody,
          },
          { additionalProperties: false },
        ),
        response: { 201: PlanSchema, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const { description, ...rest } = request.body;
      return reply.code(201).send(
        await createPlan(tenant.db, tenant.writer, {
          ...rest,
          ...(description === undefined ? {} : { description }),
        }),
      );
    },
  );
  app.get(
    '/api/v1/post-audit/plans',
    {
      config: { policy: read },
      schema: {
        operationId: 'listPostAuditPlans',
        summary: 'The sampling plans, newest first',
        tags,
        response: { 200: Items(PlanSchema), ...problems(400) },
      },
    },
    async (request) => ({ items: await listPlans((await tenantOf(request)).db) }),
  );

  app.post(
    '/api/v1/post-audit/runs',
    {
      config: { policy: write },
      schema: {
        operationId: 'runPostAuditSample',
        summary: 'Run a plan over the posted claims dated within a range: the sample, each claim with why',
        tags,
        body: Type.Object(
          {
            planId: Type.String({ format: 'uuid' }),
            from: CalendarDate,
            to: CalendarDate,
          },
          { additionalProperties: false },
        ),
        response: { 201: RunWithSamples, ...problems(400, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      return reply.code(201).send(await runSample(tenant.db, tenant.writer, request.body));
    },
  );
  app.get(
    '/api/v1/post-audit/runs',
    {
      config: { policy: read },
      schema: {
        operationId: 'listPostAuditRuns',
        summary: 'Sample runs, newest first',
        tags,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Items(RunSchema), ...problems(400) },
      },
    },
    async (request) => ({ items: await listRuns((await tenantOf(request)).db, request.query.limit ?? 100) }),
  );
  app.get(
    '/api/v1/post-audit/runs/:id',
    {
      config: { policy: read },
      schema: {
        operationId: 'getPostAuditRun',
        summary: 'A sample run with its sampled claims and the reasons each was picked',
        tags,
        params: IdParams,
        response: { 200: RunWithSamples, ...problems(400, 404) },
      },
    },
    async (request) => getRun((await tenantOf(request)).db, request.params.id),
  );

  app.post(
    '/api/v1/post-audit/findings',
    {
      config: { policy: write },
      schema: {
        operationId: 'recordPostAuditFinding',
        summary: 'Record a finding on a posted claim, with severity and evidence',
        tags,
        body: Type.Object(
          {
            documentId: Type.String({ format: 'uuid', description: 'The claim.' }),
            runId: Type.Optional(
              Type.String({ format: 'uuid', description: 'The run that sampled the claim, if any.' }),
            ),
            severity: Severity,
            title: Type.String({ minLength: 1, maxLength: 200 }),
            evidence: Evidence,
          },
          { additionalProperties: false },
        ),
        response: { 201: FindingSchema, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const { runId, ...rest } = request.body;
      const finding = await recordFinding(tenant.db, tenant.writer, {
        ...rest,
        ...(runId === undefined ? {} : { runId }),
      });
      return reply.code(201).header('etag', `"${finding.version}"`).send(finding);
    },
  );
  app.get(
    '/api/v1/post-audit/findings',
    {
      config: { policy: read },
      schema: {
        operationId: 'listPostAuditFindings',
        summary: 'Findings, newest first; by claim, run or state',
        tags,
        querystring: Type.Object(
          {
            documentId: Type.Optional(Type.String({ format: 'uuid' })),
            runId: Type.Optional(Type.String({ format: 'uuid' })),
            status: Type.Optional(Status),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Items(FindingSchema), ...problems(400) },
      },
    },
    async (request) => {
      const { limit, ...filter } = request.query;
      return { items: await listFindings((await tenantOf(request)).db, { ...filter, limit: limit ?? 100 }) };
    },
  );
  app.get(
    '/api/v1/post-audit/findings/:id',
    {
      config: { policy: read },
      schema: {
        operationId: 'getPostAuditFinding',
        summary: 'A finding with its history',
        tags,
        params: IdParams,
        response: { 200: FindingSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const finding = await getFinding((await tenantOf(request)).db, request.params.id);
      return reply.header('etag', `"${finding.version}"`).send(finding);
    },
  );
  app.post(
    '/api/v1/post-audit/findings/:id/rectification',
    {
      config: { policy: write },
      schema: {
        operationId: 'requestPostAuditRectification',
        summary:
          'Ask the claimant to rectify (they are notified); again after a response that does not settle it',
        tags,
        params: IdParams,
        headers: IfMatch,
        body: Type.Object(
          { message: Text('What to rectify.'), dueOn: Type.Optional(CalendarDate) },
          { additionalProperties: false },
        ),
        response: { 200: FindingSchema, ...problems(400, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const expected = parseIfMatch(request.headers['if-match']);
      const finding = await changeFinding(tenant.db, tenant.writer, request.params.id, {
        action: 'request_rectification',
        text: request.body.message,
        actorCode: actorCode(tenant),
        ...(request.body.dueOn === undefined ? {} : { dueOn: request.body.dueOn }),
        ...(expected === undefined ? {} : { expectedVersion: expected }),
      });
      return reply.header('etag', `"${finding.version}"`).send(finding);
    },
  );
  app.post(
    '/api/v1/post-audit/findings/:id/close',
    {
      config: { policy: write },
      schema: {
        operationId: 'closePostAuditFinding',
        summary: 'Close a finding (rectified or settled) or waive it, with a note',
        tags,
        params: IdParams,
        headers: IfMatch,
        body: Type.Object(
          {
            outcome: Type.Union([Type.Literal('closed'), Type.Literal('waived')]),
            note: Text('Why.'),
          },
          { additionalProperties: false },
        ),
        response: { 200: FindingSchema, ...problems(400, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const expected = parseIfMatch(request.headers['if-match']);
      const finding = await changeFinding(tenant.db, tenant.writer, request.params.id, {
        action: request.body.outcome === 'closed' ? 'close' : 'waive',
        text: request.body.note,
        actorCode: actorCode(tenant),
        ...(expected === undefined ? {} : { expectedVersion: expected }),
      });
      return reply.header('etag', `"${finding.version}"`).send(finding);
    },
  );

  // the claimant's side: their findings, and their response to a rectification request
  app.get(
    '/api/v1/post-audit/my-findings',
    {
      config: { policy: needs('claims:read') },
      schema: {
        operationId: 'listMyPostAuditFindings',
        summary: 'Findings on my claims (as the claimant), newest first',
        tags,
        response: { 200: Items(FindingSchema), ...problems(400, 403) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      const me = employeeOf(tenant, '查看审计发现', 'read findings');
      return { items: await listFindings(tenant.db, { claimantCode: me, limit: 500 }) };
    },
  );
  app.post(
    '/api/v1/post-audit/findings/:id/response',
    {
      config: { policy: needs('claims:write') },
      schema: {
        operationId: 'respondToPostAuditFinding',
        summary: 'The claimant’s response to a rectification request',
        tags,
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({ text: Text('What was done, or why not.') }, { additionalProperties: false }),
        response: { 200: FindingSchema, ...problems(400, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const me = employeeOf(tenant, '答复审计发现', 'respond to findings');
      const expected = parseIfMatch(request.headers['if-match']);
      const finding = await changeFinding(tenant.db, tenant.writer, request.params.id, {
        action: 'respond',
        text: request.body.text,
        actorCode: me,
        ...(expected === undefined ? {} : { expectedVersion: expected }),
      });
      return reply.header('etag', `"${finding.version}"`).send(finding);
    },
  );
}

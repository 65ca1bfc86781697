import { Type } from 'typebox';
import { changeApplier } from '../../../governance/changes/appliers.ts';
import {
  approveChangeRequest,
  fileChangeRequest,
  getChangeRequest,
  listChangeRequests,
  listPolicies,
  rejectChangeRequest,
  setPolicy,
} from '../../../governance/changes/requests.ts';
import { DomainError } from '../../../model/result.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { Principal } from '../../../platform/security/principal.ts';
import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { IdParams, problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';

const tags = ['governance'];
const Status = Type.Union([
  Type.Literal('pending'),
  Type.Literal('applied'),
  Type.Literal('rejected'),
  Type.Literal('failed'),
]);
const ChangeRequestSchema = Type.Object({
  id: Type.String(),
  target: Type.String({
    description: 'master-data:<resource>, mapping-profile, rule-set:<kind>, connection-settings.',
  }),
  subject: Type.String({
    description: 'What is changed: a record’s code or id, a connection id, a file name.',
  }),
  summary: Type.String(),
  payload: Type.Unknown({ description: 'The proposal, as filed.' }),
  diff: Type.Array(Type.Object({ path: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
  status: Status,
  requestedBy: Type.String(),
  requestedAt: Type.String(),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  result: Type.Unknown({
    description: 'What applying it returned (the saved profile version, the record, …).',
  }),
  checker: Type.Union([Type.String(), Type.Null()], {
    description: 'The default checker: the data owner of the entity changed (user:<id> or role:<role>).',
  }),
});
const PolicySchema = Type.Object({
  target: Type.String(),
  label: Type.Object({ zh: Type.String(), en: Type.String() }),
  requiresApproval: Type.Boolean(),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
const Decision = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

/** A target of another module (connection settings) also needs that module's write scope, of maker and checker. */
function assertTargetScope(principal: Principal, target: string): void {
  const scope = changeApplier(target)?.scope;
  if (scope !== undefined && !principal.scopes.has(scope))
    throw new DomainError('insufficient_scope', { scope });
}

/** Maker-checker: policies per target, change requests, their approval (applied at once) or rejection. */
export function registerChangeRoutes(app: App, ctx: ApiContext): void {
  const services = { keyring: ctx.security.keyring };
  const read = needs('governance:read');
  const write = needs('governance:write');
  const approve = needs('governance:approve');

  app.get(
    '/api/v1/governance/change-policies',
    {
      config: { policy: read },
      schema: {
        operationId: 'listChangePolicies',
        summary: 'Which changes need a second person in this company, per target',
        tags,
        response: { 200: Type.Object({ items: Type.Array(PolicySchema) }) },
      },
    },
    async (request) => ({ items: await listPolicies((await resolveTenant(ctx, request)).db) }),
  );

  app.put(
    '/api/v1/governance/change-policies/:target',
    {
      config: { policy: approve },
      schema: {
        operationId: 'setChangePolicy',
        summary: 'Require (or stop requiring) a second person for changes to a target',
        tags,
        params: Type.Object(
          { target: Type.String({ minLength: 1, maxLength: 80 }) },
          { additionalProperties: false },
        ),
        body: Type.Object({ requiresApproval: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: PolicySchema, ...problems(400, 415, 422) },
      },
    },
    async (request) => {
      const { db, writer } = await resolveTenant(ctx, request);
      return setPolicy(db, writer, request.params.target, request.body.requiresApproval);
    },
  );

  app.get(
    '/api/v1/governance/change-requests',
    {
      config: { policy: read },
      schema: {
        operationId: 'listChangeRequests',
        summary: 'Change requests, newest first (the checker’s inbox: status=pending)',
        tags,
        querystring: Type.Object(
          {
            status: Type.Optional(Status),
            target: Type.Optional(Type.String({ maxLength: 80 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ChangeRequestSchema) }), ...problems(400) },
      },
    },
    async (request) => {
      const q = request.query;
      return {
        items: await listChangeRequests((await resolveTenant(ctx, request)).db, {
          ...(q.status === undefined ? {} : { status: q.status }),
          ...(q.target === undefined ? {} : { target: q.target }),
          limit: q.limit ?? 50,
        }),
      };
    },
  );

  app.post(
    '/api/v1/governance/change-requests',
    {
      config: { policy: write },
      bodyLimit: 22 * 1024 * 1024,
      schema: {
        operationId: 'fileChangeRequest',
        summary:
          'Propose a change for a second person to approve; the diff against what is in force is kept with it',
        description:
          'Payloads: master-data:<resource> — {op: create, input} | {op: update, id, patch, expectedVersion?} | {op: import, fileName, content, mapping?, cleansing?}; ' +
          'mapping-profile (subject: the connection id) — a mapping profile input (valueMaps, settings, note), merged over the version in force; ' +
          'rule-set:<kind> — {body, note?}; ' +
          'connection-settings (needs connections:admin too) — {op: create, input} with the body of POST /api/v1/connections, or {op: update, patch} with the body of PATCH /api/v1/connections/{id} (subject: the connection id); credentials are sealed on filing and shown as [redacted].',
        tags,
        body: Type.Object(
          {
            target: Type.String({ minLength: 1, maxLength: 80 }),
            subject: Type.Optional(Type.String({ maxLength: 200 })),
            payload: Type.Unknown(),
          },
          { additionalProperties: false },
        ),
        response: { 201: ChangeRequestSchema, ...problems(400, 403, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const { db, writer, principal } = await resolveTenant(ctx, request);
      const body = request.body;
      assertTargetScope(principal, body.target);
      const filed = await fileChangeRequest(
        db,
        writer,
        { target: body.target, subject: body.subject ?? '', payload: body.payload },
        services,
      );
      return reply.code(201).send(filed);
    },
  );

  app.get(
    '/api/v1/governance/change-requests/:id',
    {
      config: { policy: read },
      schema: {
        operationId: 'getChangeRequest',
        summary: 'One change request with its diff',
        tags,
        params: IdParams,
        response: { 200: ChangeRequestSchema, ...problems(400, 404) },
      },
    },
    async (request) => getChangeRequest((await resolveTenant(ctx, request)).db, request.params.id),
  );

  app.post(
    '/api/v1/governance/change-requests/:id/approve',
    {
      config: { policy: approve },
      schema: {
        operationId: 'approveChangeRequest',
        summary: 'Approve and apply the change at once (someone other than its maker)',
        description:
          'Applied in the same transaction as the approval; if applying fails (e.g. the ERP no longer has a mapped code) nothing changes and the request stays pending.',
        tags,
        params: IdParams,
        body: Decision,
        response: { 200: ChangeRequestSchema, ...problems(400, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const { db, writer, principal } = await resolveTenant(ctx, request);
      assertTargetScope(principal, (await getChangeRequest(db, request.params.id)).target);
      return approveChangeRequest(db, writer, request.params.id, request.body.note, services);
    },
  );

  app.post(
    '/api/v1/governance/change-requests/:id/reject',
    {
      config: { policy: approve },
      schema: {
        operationId: 'rejectChangeRequest',
        summary: 'Reject the change (someone other than its maker)',
        tags,
        params: IdParams,
        body: Decision,
        response: { 200: ChangeRequestSchema, ...problems(400, 403, 404, 409, 415) },
      },
    },
    async (request) => {
      const { db, writer, principal } = await resolveTenant(ctx, request);
      assertTargetScope(principal, (await getChangeRequest(db, request.params.id)).target);
      return rejectChangeRequest(db, writer, request.params.id, request.body.note);
    },
  );
}

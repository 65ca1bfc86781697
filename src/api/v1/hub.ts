import { Type } from 'typebox';
import {
  createConnection,
  listConnections,
  toConnectionView,
  updateConnection,
  getConnectionRow,
  testConnection,
} from '../../hub/connections.ts';
import { connectionTypes, installedConnectors } from '../../hub/connector-registry.ts';
import {
  getPosting,
  listPostings,
  postingDocument,
  replayPosting,
  replayPostings,
  summarizePostings,
  toPostingView,
  traceOf,
} from '../../hub/postings.ts';
import { createIntake } from '../../hub/intake.ts';
import type { Worker } from '../../hub/worker.ts';
import { assertDirectChange } from '../../governance/changes/requests.ts';
import { registerSupplierBill } from '../../finance/payables/bills.ts';
import { connectionHealth } from '../../hub/monitor.ts';
import { ENTITIES, type EntityDefinition } from '../../model/schemas.ts';
import { REJECTION_REASON_NAMES } from '../../model/erp-rejections.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

/** Checked against the connection type's own schema by the hub; `GET /api/v1/connectors` publishes them. */
const Settings = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
  description: 'Settings of the connection type (schema per type: GET /api/v1/connectors).',
});
const Credentials = Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 4000 }), {
  description:
    'Write-only: stored encrypted, never returned. Fields per type and sign-in kind: GET /api/v1/connectors.',
});
const ConnectionSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  baseUrl: Type.String(),
  settings: Settings,
  rateLimitRps: Type.Integer(),
  status: Type.String(),
  hasCredentials: Type.Boolean(),
  version: Type.Integer(),
  erpVersion: Type.Union([Type.String(), Type.Null()], {
    description: 'The ERP version its last test found (POST …/test), null until one does.',
  }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const BASE_URL_NOTE =
  "Where the ERP is: an http(s) address for most connectors; others name their schemes in their manifest's urlSchemes (file exchange: sftp:// or file://).";

const STATUS_NAMES = ['pending', 'sending', 'unknown', 'posted', 'rejected', 'dead'] as const;

const PostingSchema = Type.Object({
  id: Type.String(),
  connectionId: Type.String(),
  documentType: Type.String(),
  documentId: Type.String(),
  externalReference: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Type.String(),
  erpId: Type.Union([Type.String(), Type.Null()]),
  erpNumber: Type.Union([Type.String(), Type.Null()]),
  lastOutcome: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([
    Type.Object({
      code: Type.String({ description: "The ERP's own code (or the hub's, e.g. exhausted)." }),
      message: Type.String({
        description: "The ERP's message, verbatim, in the language the ERP answered in.",
      }),
      reason: Type.Union([Type.Enum(REJECTION_REASON_NAMES), Type.Null()], {
        description: 'Why the ERP refused it, when its connector recognised the answer.',
      }),
      reasonText: Type.Union([Type.Object({ 'zh-CN': Type.String(), 'en-US': Type.String() }), Type.Null()]),
    }),
    Type.Null(),
  ]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  postedAt: Type.Union([Type.String(), Type.Null()]),
  profileVersion: Type.Union([Type.Integer(), Type.Null()]),
});

/** Open on purpose: each connector publishes its own schemas here. */
const JsonSchema = Type.Object(
  {},
  { additionalProperties: true, description: 'A JSON Schema 2020-12 document.' },
);
const ConnectorSchema = Type.Object({
  type: Type.String({ description: 'The connection type that chooses this connector.' }),
  names: Type.Object({ zh: Type.String(), en: Type.String() }),
  versions: Type.Array(Type.String()),
  authKinds: Type.Array(Type.String()),
  pushes: Type.Record(
    Type.String(),
    Type.Object({
      canonical: Type.String(),
      erpObject: Type.String(),
      lifecycle: Type.Array(Type.String()),
      batchLimit: Type.Integer(),
      reference: Type.Object({ field: Type.String(), lookup: Type.String() }),
    }),
  ),
  pulls: Type.Record(
    Type.String(),
    Type.Object({
      canonical: Type.String(),
      erpObject: Type.String(),
      watermarkField: Type.String(),
      pageLimit: Type.Integer(),
    }),
  ),
  defaultRateLimitRps: Type.Integer(),
  settings: JsonSchema,
  credentials: Type.Record(Type.String(), JsonSchema, {
    description: 'Per sign-in kind (settings.authKind).',
  }),
  profileSettings: JsonSchema,
  simulator: Type.String({ description: 'Its built-in simulator: `finbridge sim <name>`.' }),
});

/** The integration hub's API: connectors, connections, voucher submission (202), postings, replay and traces. */
export function registerHubRoutes(
  app: App,
  ctx: ApiContext,
  wake: () => void,
  worker?: Pick<Worker, 'reserve' | 'wake'>,
): void {
  const admin = needs('connections:admin');
  const intake = createIntake(worker === undefined ? {} : { worker });

  app.get(
    '/api/v1/connectors',
    {
      config: { policy: admin },
      schema: {
        operationId: 'listConnectors',
        summary:
          'The installed ERP connectors: what each can push and pull, and its settings and credential schemas',
        tags: ['connections'],
        response: { 200: Type.Object({ items: Type.Array(ConnectorSchema) }), ...problems(400) },
      },
    },
    async (_request, reply) =>
      reply
        .serializer((payload: unknown) => JSON.stringify(payload))
        .send({
          items: installedConnectors().map(({ manifest, settings, credentials, simulator }) => ({
            type: manifest.id,
            names: manifest.names,
            versions: [...manifest.versions],
            authKinds: [...manifest.authKinds],
            pushes: Object.fromEntries(
              Object.entries(manifest.pushes).map(([kind, p]) => [
                kind,
                { ...p, lifecycle: [...p.lifecycle] },
              ]),
            ),
            pulls: { ...manifest.pulls },
            defaultRateLimitRps: manifest.defaultRateLimitRps,
            settings,
            credentials: { ...credentials },
            profileSettings: manifest.profileSettings.schema,
            simulator: simulator.command,
          })),
        }),
  );
  app.post(
    '/api/v1/connections',
    {
      config: { policy: admin },
      schema: {
        operationId: 'createConnection',
        summary: 'Register an ERP connection (credentials are stored encrypted and never returned)',
        tags: ['connections'],
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            type: Type.String({
              minLength: 1,
              maxLength: 60,
              description: `Connection type, one of the installed connectors: ${connectionTypes().join(', ')}.`,
            }),
            baseUrl: Type.String({
              format: 'uri',
              pattern: '^[A-Za-z][A-Za-z0-9+.-]*://',
              description: BASE_URL_NOTE,
            }),
            settings: Settings,
            credentials: Credentials,
            rateLimitRps: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
            schedules: Type.Optional(
              Type.Record(
                Type.String({ minLength: 1, maxLength: 40 }),
                Type.Union([Type.Integer({ minimum: 60, maximum: 7 * 86_400 }), Type.Null()]),
                { description: 'Pull schedule per object in seconds, e.g. {"suppliers": 3600}.' },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: ConnectionSchema, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await resolveTenant(ctx, request);
      // maker-checker (docs/governance.md): 409 change_requires_approval when the company requires it
      await assertDirectChange(tenant.db, 'connection-settings');
      const created = await createConnection(tenant.db, ctx.security.keyring, tenant.writer, request.body);
      return reply.code(201).send(created);
    },
  );
  app.get(
    '/api/v1/connections',
    {
      config: { policy: admin },
      schema: {
        operationId: 'listConnections',
        summary: 'ERP connections',
        tags: ['connections'],
        response: { 200: Type.Object({ items: Type.Array(ConnectionSchema) }), ...problems(400) },
      },
    },
    async (request) => ({ items: await listConnections((await resolveTenant(ctx, request)).db) }),
  );
  app.get(
    '/api/v1/connections/:id',
    {
      config: { policy: admin },
      schema: {
        operationId: 'getConnection',
        summary: 'One ERP connection',
        tags: ['connections'],
        params: IdParams,
        response: { 200: ConnectionSchema, ...problems(400, 404) },
      },
    },
    async (request) =>
      toConnectionView(await getConnectionRow((await resolveTenant(ctx, request)).db, request.params.id)),
  );
  app.patch(
    '/api/v1/connections/:id',
    {
      config: { policy: admin },
      schema: {
        operationId: 'updateConnection',
        summary: 'Change a connection: address, settings, credentials, rate limit, pause/resume',
        tags: ['connections'],
        params: IdParams,
        body: Type.Object(
          {
            baseUrl: Type.Optional(
              Type.String({
                format: 'uri',
                pattern: '^[A-Za-z][A-Za-z0-9+.-]*://',
                description: BASE_URL_NOTE,
              }),
            ),
            settings: Type.Optional(Settings),
            credentials: Type.Optional(Credentials),
            rateLimitRps: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
            status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused')])),
          },
          { additionalProperties: false },
        ),
        response: { 200: ConnectionSchema, ...problems(400, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const tenant = await resolveTenant(ctx, request);
      // pausing or resuming alone is an operator's move in an incident, never held back; any other change
      // needs a second person when the company requires it (409 change_requires_approval)
      const { status: _status, ...change } = request.body;
      if (Object.keys(change).length > 0) await assertDirectChange(tenant.db, 'connection-settings');
      return updateConnection(
        tenant.db,
        ctx.security.keyring,
        tenant.writer,
        request.params.id,
        request.body,
      );
    },
  );
  app.post(
    '/api/v1/connections/:id/test',
    {
      config: { policy: admin },
      schema: {
        operationId: 'testConnection',
        summary:
          'Sign in to the ERP and make a harmless read; reports the latency and the ERP version, warning when it is not one the connector was tested against',
        tags: ['connections'],
        params: IdParams,
        response: {
          200: Type.Union([
            Type.Object({
              ok: Type.Literal(true),
              latencyMs: Type.Integer(),
              detail: Type.String(),
              version: Type.Optional(Type.String({ description: 'The version the ERP reports.' })),
              supported: Type.Optional(
                Type.Boolean({ description: 'Whether the connector was tested against that version.' }),
              ),
              warning: Type.Optional(Type.String()),
            }),
            Type.Object({
              ok: Type.Literal(false),
              latencyMs: Type.Integer(),
              outcome: Type.String({
                description: 'rejected, ambiguous, throttled, auth_expired or transient',
              }),
              code: Type.String(),
              message: Type.String({ description: "The ERP's message, verbatim." }),
            }),
          ]),
          ...problems(400, 404),
        },
      },
    },
    async (request) => {
      const { db } = await resolveTenant(ctx, request);
      return testConnection(
        db,
        ctx.security.keyring,
        { now: () => ctx.clock.now(), log: () => {}, timeoutMs: 10_000 },
        request.params.id,
      );
    },
  );

  const submissions = [
    {
      path: '/api/v1/vouchers',
      kind: 'voucher',
      field: 'voucher',
      entity: ENTITIES.Voucher,
      op: 'submitVoucher',
      what: 'a canonical voucher',
    },
    {
      path: '/api/v1/supplier-bills',
      kind: 'supplier_bill',
      field: 'bill',
      entity: ENTITIES.SupplierBill,
      op: 'submitSupplierBill',
      what: 'a supplier bill (应付单)',
    },
    {
      path: '/api/v1/payments',
      kind: 'payment',
      field: 'payment',
      entity: ENTITIES.Payment,
      op: 'submitPayment',
      what: 'a payment (付款单)',
    },
  ] as const;
  for (const submission of submissions) {
    const entity: EntityDefinition = submission.entity;
    app.post(
      submission.path,
      {
        config: { policy: needs('vouchers:write') },
        schema: {
          operationId: submission.op,
          summary: `Submit ${submission.what} for posting to an ERP; answers at once with the posting (202)`,
          description:
            'The document is validated and stored with its posting in one transaction, mapped with the connection’s current mapping-profile version; a worker posts it. ' +
            'The same documentId and revision always map to the same external reference, so a resubmission returns the existing posting (200). ' +
            'Supplier bills and payments to a supplier are posted in order per supplier unless an orderingKey is given. ' +
            'A supplier bill is also kept by finance as a payable (GET /api/v1/supplier-bills; the `Link` header names it), paid in payment batches.',
          tags: ['postings'],
          body: Type.Object(
            {
              connectionId: Type.String({ format: 'uuid' }),
              documentId: Type.Optional(
                Type.String({ minLength: 1, maxLength: 60, pattern: '^[0-9A-Za-z._-]+$' }),
              ),
              revision: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
              orderingKey: Type.Optional(Type.String({ maxLength: 100 })),
              ...(submission.kind === 'supplier_bill'
                ? {
                    invoiceRefs: Type.Optional(
                      Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
                        maxItems: 100,
                        description:
                          'The supplier’s invoice numbers (发票号码) the bill is for, kept with the bill.',
                      }),
                    ),
                  }
                : {}),
              [submission.field]: entity.input,
            },
            { additionalProperties: false },
          ),
          response: { 202: PostingSchema, 200: PostingSchema, ...problems(400, 404, 409, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const tenant = await resolveTenant(ctx, request);
        const body = request.body as Record<string, unknown> & {
          connectionId: string;
          documentId?: string;
          revision?: number;
          orderingKey?: string;
        };
        if (submission.kind === 'supplier_bill') {
          // finance keeps the bill it sends (src/finance/payables): recorded with its posting, payable in batches
          const invoiceRefs = body['invoiceRefs'] as string[] | undefined;
          const { posting, duplicate, bill } = await registerSupplierBill(
            tenant.db,
            tenant.writer,
            tenant.company.code,
            {
              connectionId: body.connectionId,
              bill: body[submission.field],
              ...(body.documentId === undefined ? {} : { documentId: body.documentId }),
              ...(body.revision === undefined ? {} : { revision: body.revision }),
              ...(body.orderingKey === undefined ? {} : { orderingKey: body.orderingKey }),
              ...(invoiceRefs === undefined ? {} : { invoiceRefs }),
            },
          );
          wake();
          return reply
            .code(duplicate ? 200 : 202)
            .header('location', `/api/v1/postings/${posting.id}`)
            .header('link', `</api/v1/supplier-bills/${bill.id}>; rel="related"`)
            .send(posting);
        }
        const { posting, duplicate } = await intake.submit(
          { db: tenant.db, writer: tenant.writer, companyCode: tenant.company.code },
          {
            connectionId: body.connectionId,
            kind: submission.kind,
            document: body[submission.field],
            ...(body.documentId === undefined ? {} : { documentId: body.documentId }),
            ...(body.revision === undefined ? {} : { revision: body.revision }),
            ...(body.orderingKey === undefined ? {} : { orderingKey: body.orderingKey }),
          },
        );
        // the intake hands the posting to this process's worker, or wakes it
        return reply
          .code(duplicate ? 200 : 202)
          .header('location', `/api/v1/postings/${posting.id}`)
          .send(posting);
      },
    );
  }
  app.get(
    '/api/v1/postings',
    {
      config: { policy: needs('vouchers:read') },
      schema: {
        operationId: 'listPostings',
        summary:
          'Postings, filtered by status (pending, sending, unknown, posted, rejected, dead), connection, last error or document',
        tags: ['postings'],
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.Union(
                ['pending', 'sending', 'unknown', 'posted', 'rejected', 'dead'].map((s) => Type.Literal(s)),
              ),
            ),
            connectionId: Type.Optional(Type.String({ format: 'uuid' })),
            errorCode: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 120,
                description: "The last failure's code (ERP's or hub's).",
              }),
            ),
            documentId: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 60,
                description:
                  'The document the postings carry, as submitted: an expense claim’s or advance’s id (its red-letter reversal is `<id>-R`), or the documentId given to POST /vouchers, /supplier-bills or /payments.',
              }),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
            cursor: Type.Optional(Type.String({ maxLength: 60 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(PostingSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const q = request.query as {
        status?: 'pending';
        connectionId?: string;
        errorCode?: string;
        documentId?: string;
        limit?: number;
        cursor?: string;
      };
      return listPostings((await resolveTenant(ctx, request)).db, {
        limit: q.limit ?? 100,
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.connectionId === undefined ? {} : { connectionId: q.connectionId }),
        ...(q.errorCode === undefined ? {} : { errorCode: q.errorCode }),
        ...(q.documentId === undefined ? {} : { documentId: q.documentId }),
        ...(q.cursor === undefined ? {} : { after: q.cursor }),
      });
    },
  );
  const StatusCounts = Type.Object(
    Object.fromEntries(STATUS_NAMES.map((s) => [s, Type.Integer({ minimum: 0 })])) as Record<
      (typeof STATUS_NAMES)[number],
      ReturnType<typeof Type.Integer>
    >,
  );
  app.get(
    '/api/v1/postings/summary',
    {
      config: { policy: needs('vouchers:read') },
      schema: {
        operationId: 'summarizePostings',
        summary:
          'Postings counted by status and connection, the waiting ones by age, the parked ones by error code',
        tags: ['postings'],
        response: {
          200: Type.Object({
            at: Type.String({ format: 'date-time' }),
            total: Type.Integer({ minimum: 0 }),
            byStatus: StatusCounts,
            byConnection: Type.Array(
              Type.Object({
                connectionId: Type.String(),
                name: Type.String(),
                type: Type.String(),
                byStatus: StatusCounts,
                oldestOpenAt: Type.Union([Type.String(), Type.Null()]),
                lastPostedAt: Type.Union([Type.String(), Type.Null()]),
                postedLastHour: Type.Integer({
                  minimum: 0,
                  description: 'Posted in the last 60 minutes (the current one so far included).',
                }),
                breaker: Type.Union(
                  [Type.Literal('closed'), Type.Literal('half-open'), Type.Literal('open'), Type.Null()],
                  {
                    description:
                      'The workers’ circuit breaker for this ERP, the worst any live worker reports: `open` — calls are failing and paused; null — no live worker has called it.',
                  },
                ),
              }),
            ),
            postedPerMinute: Type.Array(
              Type.Object({
                minute: Type.String({ format: 'date-time' }),
                count: Type.Integer({ minimum: 0 }),
              }),
              {
                description:
                  'Postings posted per minute over the last hour (60 whole minutes), all connections.',
              },
            ),
            openByAge: Type.Object({
              under1m: Type.Integer({ minimum: 0 }),
              under10m: Type.Integer({ minimum: 0 }),
              under1h: Type.Integer({ minimum: 0 }),
              under1d: Type.Integer({ minimum: 0 }),
              older: Type.Integer({ minimum: 0 }),
            }),
            parkedByError: Type.Array(
              Type.Object({
                status: Type.Union([Type.Literal('rejected'), Type.Literal('dead')]),
                code: Type.String(),
                count: Type.Integer({ minimum: 1 }),
              }),
            ),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const { db } = await resolveTenant(ctx, request);
      const now = ctx.clock.now();
      const summary = await summarizePostings(db, now);
      const health = await connectionHealth(
        ctx.database,
        db,
        summary.byConnection.map((c) => c.connectionId),
        now,
        ctx.config.worker.heartbeatMs * 3,
      );
      return {
        ...summary,
        byConnection: summary.byConnection.map((c) => ({
          ...c,
          ...(health.connections.get(c.connectionId) ?? { postedLastHour: 0, breaker: null }),
        })),
        postedPerMinute: [...health.postedPerMinute],
      };
    },
  );
  app.post(
    '/api/v1/postings/replay',
    {
      config: { policy: needs('vouchers:write') },
      schema: {
        operationId: 'replayPostings',
        summary:
          'Send parked postings again in bulk, by status and optionally connection, document type and error code',
        tags: ['postings'],
        body: Type.Object(
          {
            status: Type.Union([Type.Literal('rejected'), Type.Literal('dead')]),
            connectionId: Type.Optional(Type.String({ format: 'uuid' })),
            documentType: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            errorCode: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 500 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            replayed: Type.Integer({ minimum: 0 }),
            ids: Type.Array(Type.String()),
            more: Type.Boolean({ description: 'More postings match: send the same request again.' }),
          }),
          ...problems(400, 422),
        },
      },
    },
    async (request) => {
      const tenant = await resolveTenant(ctx, request);
      const { limit, connectionId, documentType, errorCode, status } = request.body;
      const result = await replayPostings(tenant.db, tenant.writer, {
        status,
        limit: limit ?? 500,
        ...(connectionId === undefined ? {} : { connectionId }),
        ...(documentType === undefined ? {} : { documentType }),
        ...(errorCode === undefined ? {} : { errorCode }),
      });
      if (result.replayed > 0) wake();
      return result;
    },
  );
  app.get(
    '/api/v1/postings/:id',
    {
      config: { policy: needs('vouchers:read') },
      schema: {
        operationId: 'getPosting',
        summary: 'One posting',
        tags: ['postings'],
        params: IdParams,
        response: { 200: PostingSchema, ...problems(400, 404) },
      },
    },
    async (request) =>
      toPostingView(await getPosting((await resolveTenant(ctx, request)).db, request.params.id)),
  );
  app.get(
    '/api/v1/postings/:id/document',
    {
      config: { policy: needs('vouchers:read') },
      schema: {
        operationId: 'getPostingDocument',
        summary:
          'The canonical document a posting carries, as submitted (to dry-run it again after a mapping change)',
        tags: ['postings'],
        params: IdParams,
        response: {
          200: Type.Object({
            kind: Type.Union([
              Type.Literal('voucher'),
              Type.Literal('supplier_bill'),
              Type.Literal('payment'),
            ]),
            document: Type.Object(
              {},
              { additionalProperties: true, description: 'Voucher, SupplierBill or Payment.' },
            ),
          }),
          ...problems(400, 404),
        },
      },
    },
    async (request) => postingDocument((await resolveTenant(ctx, request)).db, request.params.id),
  );
  app.post(
    '/api/v1/postings/:id/replay',
    {
      config: { policy: needs('vouchers:write') },
      schema: {
        operationId: 'replayPosting',
        summary: 'Send a rejected or dead posting again (after fixing its cause)',
        tags: ['postings'],
        params: IdParams,
        response: { 200: PostingSchema, ...problems(400, 404, 409) },
      },
    },
    async (request) => {
      const tenant = await resolveTenant(ctx, request);
      const posting = await replayPosting(tenant.db, tenant.writer, request.params.id);
      wake();
      return posting;
    },
  );
  app.get(
    '/api/v1/documents/:id/trace',
    {
      config: { policy: needs('vouchers:read') },
      schema: {
        operationId: 'traceDocument',
        summary: 'Timeline of a document (or posting) from receipt to the ERP document number',
        tags: ['postings'],
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 60 }) }),
        response: {
          200: Type.Object({
            postings: Type.Array(PostingSchema),
            events: Type.Array(
              Type.Object({
                postingId: Type.String(),
                seq: Type.Integer(),
                at: Type.String(),
                kind: Type.String(),
                detail: Type.Object(
                  {},
                  {
                    additionalProperties: true,
                    description:
                      'What the event records; its fields depend on the event kind and the connector (informational).',
                  },
                ),
              }),
            ),
          }),
          ...problems(400, 404),
        },
      },
    },
    async (request, reply) =>
      reply
        .serializer((p: unknown) => JSON.stringify(p))
        .send(await traceOf((await resolveTenant(ctx, request)).db, request.params.id)),
  );
}

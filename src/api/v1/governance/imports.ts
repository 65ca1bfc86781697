import { Type, type Static } from 'typebox';
import { assertDirectChange } from '../../../governance/changes/requests.ts';
import {
  commitImport,
  dryRunImport,
  getBatch,
  importTemplate,
  listBatches,
  rollbackImport,
} from '../../../governance/imports/batches.ts';
import {
  commitHistoryImport,
  dryRunHistoryImport,
  historyTemplate,
  HISTORY_RESOURCES,
  isHistoryResource,
  rollbackHistoryImport,
} from '../../../governance/imports/history.ts';
import { MASTER_RESOURCES } from '../../../governance/master-data/resources.ts';
import { negotiateLocale } from '../../../platform/http/problem.ts';
import { needs } from '../../../platform/http/policy.ts';
import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { IdParams, ProblemSchema, problems } from '../../shared.ts';
import { resolveTenant } from '../../tenant.ts';

const tags = ['governance'];
const IMPORT_BODY_LIMIT = 22 * 1024 * 1024;
/** The most rows one file may hold (the benchmark imports 100,000). */
export const IMPORT_MAX_ROWS = 100_000;

const IMPORTABLE = [...MASTER_RESOURCES.map((r) => r.path), ...HISTORY_RESOURCES];
const Resource = Type.String({
  pattern: `^(${IMPORTABLE.join('|')})$`,
  description: `What the file holds: a master-data resource (${MASTER_RESOURCES.map((r) => r.path).join(', ')}), or history from an old system (${HISTORY_RESOURCES.join(', ')}: one row per claim line or voucher line, never sent to an ERP).`,
});
export const ImportBody = Type.Object(
  {
    resource: Resource,
    fileName: Type.String({ minLength: 1, maxLength: 255, description: 'e.g. suppliers.xlsx' }),
    content: Type.String({
      minLength: 1,
      pattern: '^[A-Za-z0-9+/]*={0,2}$',
      description: 'The file (xlsx, or CSV in UTF-8 or GBK), base64; the whole body at most 22 MiB.',
    }),
    mapping: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 100 }), {
        description: 'The file’s column header → the field it holds, e.g. {"供应商名称": "name"}.',
      }),
    ),
    cleansing: Type.Optional(
      Type.Object(
        {
          fullWidth: Type.Optional(Type.Boolean({ description: 'Full-width → half-width (default on).' })),
          codes: Type.Optional(
            Type.Boolean({ description: 'Codes and tax ids without spaces, in capitals (default on).' }),
          ),
          dates: Type.Optional(
            Type.Boolean({ description: '2026/1/5, 2026年1月5日, 20260105 → 2026-01-05 (default on).' }),
          ),
          amounts: Type.Optional(Type.Boolean({ description: '¥1,234.50 → 1234.50 (default on).' })),
          dedup: Type.Optional(
            Type.Union([Type.Literal('refuse'), Type.Literal('first'), Type.Literal('last')], {
              description: 'A second row with the same code: refused (default), or the first or last kept.',
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const RowError = Type.Object({
  row: Type.Integer(),
  column: Type.Union([Type.String(), Type.Null()]),
  header: Type.Union([Type.String(), Type.Null()]),
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
const DryRunSchema = Type.Object({
  resource: Type.String(),
  format: Type.String(),
  sheet: Type.Union([Type.String(), Type.Null()]),
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer(),
  refused: Type.Integer(),
  items: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'Row number as the spreadsheet shows it.' }),
      key: Type.Union([Type.String(), Type.Null()]),
      status: Type.Union([
        Type.Literal('created'),
        Type.Literal('updated'),
        Type.Literal('unchanged'),
        Type.Literal('skipped'),
        Type.Literal('refused'),
      ]),
      reasons: Type.Array(RowError),
      changes: Type.Array(
        Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() }),
        { description: 'For updated rows: the diff against the current record.' },
      ),
    }),
  ),
});
const BatchSchema = Type.Object({
  id: Type.String(),
  resource: Type.String(),
  fileName: Type.String(),
  sha256: Type.String(),
  status: Type.Union([Type.Literal('committed'), Type.Literal('rolled_back')]),
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  committedBy: Type.String(),
  committedAt: Type.String(),
  rolledBackBy: Type.Union([Type.String(), Type.Null()]),
  rolledBackAt: Type.Union([Type.String(), Type.Null()]),
});
const ImportProblem = {
  description: 'Problem; import_rejected carries rows[] (row, column, field, reason)',
  content: {
    'application/problem+json': {
      schema: Type.Object({ ...ProblemSchema.properties, rows: Type.Optional(Type.Array(RowError)) }),
    },
  },
};
const RollbackProblem = {
  description:
    'Problem; import_rollback_blocked and import_rollback_period_frozen carry records[] (what was changed since, is referred to, or lies in a period closed or archived since)',
  content: {
    'application/problem+json': {
      schema: Type.Object({
        ...ProblemSchema.properties,
        records: Type.Optional(
          Type.Array(
            Type.Object({
              code: Type.String(),
              id: Type.String(),
              reason: Type.String({
                description: 'changed_since, deleted_since, referenced, period_closed or period_archived',
              }),
              importedVersion: Type.Integer(),
              currentVersion: Type.Union([Type.Integer(), Type.Null()]),
              referencedBy: Type.Optional(Type.String()),
            }),
          ),
        ),
      }),
    },
  },
};

/** Historical import with cleansing: dry run, commit as a batch, rollback, templates. */
export function registerImportRoutes(app: App, ctx: ApiContext): void {
  const read = needs('governance:read');
  const write = needs('governance:write');
  const optionsOf = (body: Static<typeof ImportBody>, acceptLanguage: string | undefined) => ({
    maxRows: IMPORT_MAX_ROWS,
    locale: negotiateLocale(acceptLanguage),
    ...(body.mapping === undefined ? {} : { mapping: body.mapping }),
    ...(body.cleansing === undefined ? {} : { cleansing: body.cleansing }),
  });

  app.post(
    '/api/v1/governance/imports::dry-run',
    {
      config: { policy: read },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        operationId: 'dryRunImport',
        summary:
          'What importing the file would do, row by row (created, updated with the diff, unchanged, skipped, refused with reasons); nothing is written',
        tags,
        body: ImportBody,
        response: { 200: DryRunSchema, 422: ImportProblem, ...problems(400, 413, 415) },
      },
    },
    async (request) => {
      const { db, writer, company } = await resolveTenant(ctx, request);
      const body = request.body;
      if (isHistoryResource(body.resource))
        return dryRunHistoryImport(
          db,
          body.resource,
          { fileName: body.fileName, bytes: Buffer.from(body.content, 'base64') },
          { ...optionsOf(body, request.headers['accept-language']), companyCode: company.code },
        );
      return dryRunImport(
        db,
        writer,
        body.resource,
        { fileName: body.fileName, bytes: Buffer.from(body.content, 'base64') },
        optionsOf(body, request.headers['accept-language']),
      );
    },
  );

  app.post(
    '/api/v1/governance/imports',
    {
      config: { policy: write },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        operationId: 'commitImport',
        summary: 'Import the file as one batch (all rows or none); the batch can be rolled back',
        description:
          'Refused whole (422 import_rejected, rows[] names each wrong cell) when any row is refused. Where the company requires ' +
          'approval for the resource, refused with 409 change_requires_approval: file a change request (target master-data:<resource>, op import). ' +
          'History (historical-claims, historical-vouchers) is stored as imported history of the batch: never sent to an ERP, never ' +
          'approved; imported claims count in the spend cube, budget actuals and anomalies.',
        tags,
        body: ImportBody,
        response: {
          201: Type.Object({ batch: BatchSchema, result: DryRunSchema }),
          422: ImportProblem,
          ...problems(400, 409, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const { db, writer, company } = await resolveTenant(ctx, request);
      const body = request.body;
      if (isHistoryResource(body.resource)) {
        const history = await commitHistoryImport(
          db,
          writer,
          body.resource,
          { fileName: body.fileName, bytes: Buffer.from(body.content, 'base64') },
          {
            ...optionsOf(body, request.headers['accept-language']),
            companyCode: company.code,
            summaryOnly: true,
          },
        );
        return reply.code(201).send(history);
      }
      await assertDirectChange(db, `master-data:${body.resource}`);
      const committed = await commitImport(
        db,
        writer,
        body.resource,
        { fileName: body.fileName, bytes: Buffer.from(body.content, 'base64') },
        optionsOf(body, request.headers['accept-language']),
      );
      return reply.code(201).send(committed);
    },
  );

  app.get(
    '/api/v1/governance/imports',
    {
      config: { policy: read },
      schema: {
        operationId: 'listImportBatches',
        summary: 'Committed import batches, newest first',
        tags,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(BatchSchema) }), ...problems(400) },
      },
    },
    async (request) => ({
      items: await listBatches((await resolveTenant(ctx, request)).db, request.query.limit ?? 50),
    }),
  );

  app.get(
    '/api/v1/governance/imports/:id',
    {
      config: { policy: read },
      schema: {
        operationId: 'getImportBatch',
        summary: 'One import batch',
        tags,
        params: IdParams,
        response: { 200: BatchSchema, ...problems(400, 404) },
      },
    },
    async (request) => getBatch((await resolveTenant(ctx, request)).db, request.params.id),
  );

  app.post(
    '/api/v1/governance/imports/:id/rollback',
    {
      config: { policy: write },
      schema: {
        operationId: 'rollbackImportBatch',
        summary:
          'Undo a committed batch: records it created are deleted, records it changed get their content back',
        description:
          'Refused (409 import_rollback_blocked, records[] lists them) when a record was changed again after the batch, or a record ' +
          'the batch created is referred to by another; nothing is undone then. A batch of history (historical-claims, ' +
          'historical-vouchers) is refused with 409 import_rollback_period_frozen when a period it covers was closed after ' +
          'the import or is archived.',
        tags,
        params: IdParams,
        response: { 200: BatchSchema, 409: RollbackProblem, ...problems(400, 404) },
      },
    },
    async (request) => {
      const { db, writer } = await resolveTenant(ctx, request);
      const { resource } = await getBatch(db, request.params.id);
      if (isHistoryResource(resource)) return rollbackHistoryImport(db, writer, request.params.id);
      await assertDirectChange(db, `master-data:${resource}`);
      return rollbackImport(db, writer, request.params.id);
    },
  );

  app.get(
    '/api/v1/governance/import-templates/:resource',
    {
      config: { policy: read },
      schema: {
        operationId: 'downloadImportTemplate',
        summary: 'An xlsx template for a resource: its columns on the first row',
        tags,
        params: Type.Object({ resource: Resource }, { additionalProperties: false }),
        response: {
          200: {
            description: 'An xlsx workbook.',
            content: {
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: Type.String({ format: 'binary' }),
              },
            },
          },
          ...problems(400),
        },
      },
    },
    async (request, reply) => {
      await resolveTenant(ctx, request);
      const { resource } = request.params;
      const template = isHistoryResource(resource)
        ? await historyTemplate(resource)
        : await importTemplate(resource);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${template.fileName}"`)
        .send(Buffer.from(template.bytes) as never);
    },
  );
}

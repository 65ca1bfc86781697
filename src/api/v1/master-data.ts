import { Type, type TObject, type TSchema } from 'typebox';
import type { App } from '../../platform/http/server.ts';
import { renderMessage } from '../../model/error-codes.ts';
import { DomainError } from '../../model/result.ts';
import { negotiateLocale } from '../../platform/http/problem.ts';
import { MASTER_RESOURCES, type MasterResource } from '../../governance/master-data/resources.ts';
import {
  SORTS,
  bulkUpsert,
  createRecord,
  getRecord,
  listRecords,
  updateRecord,
  type BulkResult,
} from '../../governance/master-data/service.ts';
import { importFile } from '../../governance/master-data/import.ts';
import { assertDirectChange } from '../../governance/changes/requests.ts';
import type { ApiContext } from '../context.ts';
import { needs } from '../../platform/http/policy.ts';
import { IdParams, ProblemSchema, TenantHeader, parseIfMatch, problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

export const BULK_LIMIT = 10_000;
const BULK_BODY_LIMIT = 32 * 1024 * 1024;

/** PATCH body: every field optional, and `null` removes an optional field (JSON merge patch). */
function patchSchema(input: TObject): TObject {
  const properties: Record<string, TSchema> = {};
  for (const [key, schema] of Object.entries(input.properties))
    properties[key] = Type.Optional(Type.Union([schema, Type.Null()]));
  return Type.Object(properties, {
    additionalProperties: false,
    title: `${String((input as { title?: string }).title)}Patch`,
  });
}

function listQuery(resource: MasterResource): TObject {
  const filters: Record<string, TSchema> = {};
  for (const field of Object.keys(resource.columns)) {
    filters[field] = Type.Optional(Type.String({ maxLength: 100, description: `Exact match on ${field}.` }));
  }
  return Type.Object(
    {
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
      cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor of the previous page.' })),
      sort: Type.Optional(
        Type.Union(
          SORTS.map((s) => Type.Literal(s)),
          { default: 'code' },
        ),
      ),
      status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('inactive')])),
      q: Type.Optional(
        Type.String({ maxLength: 100, description: 'Case-insensitive text contained in code or name.' }),
      ),
      updatedSince: Type.Optional(
        Type.String({
          format: 'date-time',
          description: 'Only records changed after this instant (incremental sync).',
        }),
      ),
      ...filters,
    },
    { additionalProperties: false },
  );
}

const BulkItemResultSchema = Type.Object({
  index: Type.Integer(),
  key: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([
    Type.Literal('created'),
    Type.Literal('updated'),
    Type.Literal('unchanged'),
    Type.Literal('failed'),
  ]),
  id: Type.Optional(Type.String()),
  version: Type.Optional(Type.Integer()),
  errors: Type.Optional(
    Type.Array(Type.Object({ pointer: Type.String(), code: Type.String(), message: Type.String() })),
  ),
});

const BulkResultSchema = Type.Object({
  atomic: Type.Boolean(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  failed: Type.Integer(),
  items: Type.Array(BulkItemResultSchema),
});

/** Base64 of a file up to 16 MiB. */
const IMPORT_BODY_LIMIT = 22 * 1024 * 1024;

const ImportResultSchema = Type.Object({
  format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]),
  sheet: Type.Union([Type.String(), Type.Null()], { description: 'The worksheet read (xlsx).' }),
  rows: Type.Integer({ description: 'Data rows read (blank rows are skipped).' }),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  items: Type.Array(
    Type.Object({
      row: Type.Integer(),
      key: Type.Union([Type.String(), Type.Null()]),
      status: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('unchanged')]),
      id: Type.Optional(Type.String()),
    }),
  ),
});

const ImportProblemSchema = Type.Object(
  {
    ...ProblemSchema.properties,
    rows: Type.Optional(
      Type.Array(
        Type.Object({
          row: Type.Integer({ description: 'Row number as the spreadsheet shows it.' }),
          column: Type.Union([Type.String(), Type.Null()], { description: 'Column letter (A, B, …).' }),
          header: Type.Union([Type.String(), Type.Null()]),
          field: Type.String({ description: 'JSON pointer of the field in the record.' }),
          code: Type.String(),
          message: Type.String(),
        }),
      ),
    ),
  },
  { title: 'ImportProblem' },
);

export function localizeBulk(result: BulkResult, acceptLanguage: string | undefined) {
  const locale = negotiateLocale(acceptLanguage);
  return {
    ...result,
    items: result.items.map(({ failures, ...item }) =>
      failures === undefined
        ? item
        : {
            ...item,
            errors: failures.map((f) => ({
              pointer: f.pointer,
              code: f.code,
              message: renderMessage(f.code, locale, f.params ?? {}),
            })),
          },
    ),
  };
}

export function registerMasterDataRoutes(app: App, ctx: ApiContext): void {
  for (const resource of MASTER_RESOURCES) {
    const name = resource.entity.name;
    const plural = name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`;
    const tags = ['master data'];
    const base = `/api/v1/${resource.path}`;
    const entity = resource.entity.entity;

    app.get(
      base,
      {
        config: { policy: needs('master-data:read') },
        schema: {
          operationId: `list${plural}`,
          summary: `List ${resource.label.en.toLowerCase()}s (${resource.label.zh})`,
          tags,
          headers: TenantHeader,
          querystring: listQuery(resource),
          response: {
            200: Type.Object({
              items: Type.Array(entity),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
            ...problems(400, 404),
          },
        },
      },
      async (request) => {
        const tenant = await resolveTenant(ctx, request);
        const { limit, cursor, sort, status, q, updatedSince, ...filters } = request.query as Record<
          string,
          string | number | undefined
        >;
        return listRecords(tenant.db, resource, {
          limit: Number(limit ?? 50),
          sort: String(sort ?? 'code'),
          filters: Object.fromEntries(
            Object.entries(filters)
              .filter(([, v]) => v !== undefined)
              .map(([k, v]) => [k, String(v)]),
          ),
          ...(cursor === undefined ? {} : { cursor: String(cursor) }),
          ...(status === undefined ? {} : { status: String(status) }),
          ...(q === undefined ? {} : { q: String(q) }),
          ...(updatedSince === undefined
            ? {}
            : { updatedSince: new Date(String(updatedSince)).toISOString() }),
        });
      },
    );

    app.post(
      base,
      {
        config: { policy: needs('master-data:write') },
        schema: {
          operationId: `create${name}`,
          summary: `Create a ${resource.label.en.toLowerCase()} (${resource.label.zh})`,
          tags,
          headers: TenantHeader,
          body: resource.entity.input,
          response: { 201: entity, ...problems(400, 404, 409, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const tenant = await resolveTenant(ctx, request);
        await assertDirectChange(tenant.db, `master-data:${resource.path}`);
        const created = await createRecord(tenant.db, tenant.writer, resource, request.body);
        return reply
          .code(201)
          .header('location', `${base}/${String(created['id'])}`)
          .header('etag', `"${String(created['version'])}"`)
          .send(created);
      },
    );

    app.get(
      `${base}/:id`,
      {
        config: { policy: needs('master-data:read') },
        schema: {
          operationId: `get${name}`,
          summary: `Get one ${resource.label.en.toLowerCase()} (${resource.label.zh})`,
          tags,
          headers: TenantHeader,
          params: IdParams,
          response: { 200: entity, ...problems(400, 404) },
        },
      },
      async (request, reply) => {
        const tenant = await resolveTenant(ctx, request);
        const found = await getRecord(tenant.db, resource, request.params.id);
        return reply.header('etag', `"${String(found['version'])}"`).send(found);
      },
    );

    app.patch(
      `${base}/:id`,
      {
        config: { policy: needs('master-data:write') },
        schema: {
          operationId: `update${name}`,
          summary: `Update a ${resource.label.en.toLowerCase()} (JSON merge patch; If-Match for optimistic locking)`,
          tags,
          headers: Type.Object({
            ...TenantHeader.properties,
            'if-match': Type.Optional(
              Type.String({ description: 'Version the change applies to, e.g. "3".' }),
            ),
          }),
          params: IdParams,
          body: patchSchema(resource.entity.input),
          response: { 200: entity, ...problems(400, 404, 409, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const tenant = await resolveTenant(ctx, request);
        const expected = parseIfMatch(request.headers['if-match']);
        await assertDirectChange(tenant.db, `master-data:${resource.path}`);
        const updated = await updateRecord(
          tenant.db,
          tenant.writer,
          resource,
          request.params.id,
          request.body,
          expected,
        );
        return reply.header('etag', `"${String(updated['version'])}"`).send(updated);
      },
    );

    app.post(
      `${base}::import`,
      {
        config: { policy: needs('master-data:write') },
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          operationId: `import${plural}`,
          summary: `Import ${resource.label.en.toLowerCase()}s from an xlsx or CSV file: every row or none`,
          description:
            'The file travels base64-encoded. Its first row names the columns (the field names; nested fields dotted, ' +
            'e.g. `bankAccounts.0.accountNumber`), every further row is one record, upserted by code. CSV may be UTF-8 ' +
            'or GBK. One wrong row refuses the whole file (422 import_rejected) and `rows` names each wrong cell by row ' +
            'and column; nothing is written.',
          tags,
          headers: TenantHeader,
          body: Type.Object(
            {
              fileName: Type.String({ minLength: 1, maxLength: 255, description: 'e.g. suppliers.xlsx' }),
              content: Type.String({
                minLength: 1,
                pattern: '^[A-Za-z0-9+/]*={0,2}$',
                description:
                  'The file, base64; the whole body at most 22 MiB (413 payload_too_large beyond).',
              }),
            },
            { additionalProperties: false },
          ),
          response: {
            200: ImportResultSchema,
            422: {
              description: `${problems(422)['422']?.description ?? 'Problem'}; import_rejected carries rows[]`,
              content: { 'application/problem+json': { schema: ImportProblemSchema } },
            },
            ...problems(400, 404, 409, 413, 415),
          },
        },
      },
      async (request) => {
        const tenant = await resolveTenant(ctx, request);
        const body = request.body;
        await assertDirectChange(tenant.db, `master-data:${resource.path}`);
        return importFile(
          tenant.db,
          tenant.writer,
          resource,
          { fileName: body.fileName, bytes: Buffer.from(body.content, 'base64') },
          { maxRows: BULK_LIMIT, locale: negotiateLocale(request.headers['accept-language']) },
        );
      },
    );

    app.post(
      `${base}::bulk-upsert`,
      {
        config: { policy: needs('master-data:write') },
        bodyLimit: BULK_BODY_LIMIT,
        schema: {
          operationId: `bulkUpsert${plural}`,
          summary: `Create or update many ${resource.label.en.toLowerCase()}s by code, with a result per item`,
          description:
            'Items are matched on their business key. Without `atomic`, valid items are written and invalid ones reported; ' +
            'with `atomic: true`, any invalid item fails the whole batch (422 bulk_failed) and nothing is written.',
          tags,
          headers: TenantHeader,
          body: Type.Object(
            {
              items: Type.Array(
                Type.Object({}, { additionalProperties: true, description: `A ${name} input document.` }),
                { minItems: 1, description: `At most ${BULK_LIMIT} items (413 bulk_too_large beyond).` },
              ),
              atomic: Type.Optional(Type.Boolean({ default: false, description: 'All or nothing.' })),
            },
            { additionalProperties: false },
          ),
          response: { 200: BulkResultSchema, ...problems(400, 404, 409, 413, 415, 422) },
        },
      },
      async (request) => {
        const tenant = await resolveTenant(ctx, request);
        const body = request.body as { items: unknown[]; atomic?: boolean };
        if (body.items.length > BULK_LIMIT)
          throw new DomainError('bulk_too_large', { count: body.items.length, limit: BULK_LIMIT });
        await assertDirectChange(tenant.db, `master-data:${resource.path}`);
        try {
          const result = await bulkUpsert(
            tenant.db,
            tenant.writer,
            resource,
            body.items,
            body.atomic ?? false,
          );
          return localizeBulk(result, request.headers['accept-language']);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'bulk_failed') {
            const result = error.extensions['result'] as BulkResult;
            throw new DomainError(error.code, error.params, [], {
              result: localizeBulk(result, request.headers['accept-language']),
            });
          }
          throw error;
        }
      },
    );
  }
}

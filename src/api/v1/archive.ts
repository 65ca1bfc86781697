import { Type, type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { archiveRootIn, buildArchive } from '../../finance/archive/build.ts';
import { getPackage, listPackages } from '../../finance/archive/queries.ts';
import { verifyArchive } from '../../finance/archive/verify.ts';
import { blobStoreIn } from '../../platform/blobs/blob-store.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import { VERSION } from '../../version.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

/**
 * The electronic accounting archive (会计档案, docs/archive.md): build the package of a closed period,
 * list packages and their items, and verify a package (四性检测: authentic, complete, usable, secure).
 */
const tags = ['archive'];
const Nullable = <T extends TSchema>(t: T, description?: string) =>
  Type.Union([t, Type.Null()], description === undefined ? {} : { description });

const PropertiesSchema = Type.Object(
  {
    authentic: Type.Boolean({ description: '真实性: every file has its archived size and hash.' }),
    complete: Type.Boolean({
      description: '完整性: no file missing, none added, the required files present.',
    }),
    usable: Type.Boolean({ description: '可用性: every file still reads as its format.' }),
    secure: Type.Boolean({
      description: '安全性: the package record agrees with the audit log, the manifest with the database.',
    }),
  },
  { description: 'The four properties (四性) of DA/T 70.' },
);

const PackageSchema = Type.Object({
  id: Type.String(),
  period: Type.String({ description: 'YYYY-MM' }),
  code: Type.String({ description: 'Package code: 全宗号-KJ-YYYY-MM.' }),
  folder: Type.String({ description: 'The package folder, relative to <data directory>/archive.' }),
  hashAlgorithm: Type.String({ description: 'sm3 (or sha256 where the runtime lacks SM3).' }),
  manifestHash: Type.String({ description: 'The manifest’s hash, also recorded in the audit log.' }),
  itemCount: Type.Integer(),
  fileCount: Type.Integer(),
  totalBytes: Type.Integer(),
  builtBy: Type.String(),
  builtAt: Type.String({ format: 'date-time' }),
});

const PackageSummarySchema = Type.Object({
  ...PackageSchema.properties,
  lastVerification: Nullable(
    Type.Object({
      id: Type.String(),
      ok: Type.Boolean(),
      verifiedAt: Type.String({ format: 'date-time' }),
      verifiedBy: Type.String(),
      properties: PropertiesSchema,
    }),
    'The last verification of the package; null if never verified.',
  ),
});

const FindingSchema = Type.Object({
  property: Type.Union([
    Type.Literal('authentic'),
    Type.Literal('complete'),
    Type.Literal('usable'),
    Type.Literal('secure'),
  ]),
  kind: Type.Union([
    Type.Literal('changed'),
    Type.Literal('missing'),
    Type.Literal('extra'),
    Type.Literal('unusable'),
    Type.Literal('record_mismatch'),
    Type.Literal('audit_mismatch'),
  ]),
  path: Type.String({ description: 'The file or folder, relative to the package folder.' }),
  detail: Type.String(),
});

const ReportSchema = Type.Object({
  id: Type.String(),
  packageId: Type.String(),
  period: Type.String(),
  code: Type.String(),
  ok: Type.Boolean(),
  verifiedAt: Type.String({ format: 'date-time' }),
  verifiedBy: Type.String(),
  filesChecked: Type.Integer(),
  package: Type.Object({ properties: PropertiesSchema, findings: Type.Array(FindingSchema) }),
  items: Type.Array(
    Type.Object({
      itemId: Type.String(),
      archiveCode: Type.String({ description: '档号' }),
      documentNumber: Type.String(),
      ok: Type.Boolean(),
      properties: PropertiesSchema,
      findings: Type.Array(FindingSchema),
    }),
  ),
});

const ItemSchema = Type.Object({
  id: Type.String(),
  seq: Type.Integer({ description: '件号' }),
  archiveCode: Type.String({ description: '档号: 全宗号-KJ-年度-保管期限-月份-件号.' }),
  documentId: Type.String(),
  documentNumber: Type.String(),
  voucherWord: Nullable(Type.String()),
  voucherNumber: Nullable(Type.String(), 'The ERP’s voucher number.'),
  amount: Type.String(),
  currency: Type.String(),
  retention: Type.String({ description: 'Retention code: D30 = 30 years.' }),
  retainUntil: Type.String({ format: 'date' }),
  verification: Nullable(PropertiesSchema),
  files: Type.Array(
    Type.Object({
      path: Type.String(),
      role: Type.String(),
      format: Type.String(),
      mediaType: Type.String(),
      size: Type.Integer(),
      hash: Type.String({ description: 'SM3 (or SHA-256, as the package’s hashAlgorithm says).' }),
      sha256: Type.String(),
    }),
  ),
});

export function registerArchiveRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  const root = archiveRootIn(ctx.config.dataDir);
  const deps = { blobs: blobStoreIn(ctx.config.dataDir), root, sourceSystem: `FinBridge ${VERSION}` };
  const read = needs('archive:read');
  const write = needs('archive:write');

  app.get(
    '/api/v1/archive/packages',
    {
      config: { policy: read },
      schema: {
        operationId: 'listArchivePackages',
        summary: 'Archive packages, newest period first, each with its last verification',
        tags,
        response: {
          200: Type.Object({ items: Type.Array(PackageSummarySchema), nextCursor: Type.Null() }),
          ...problems(400),
        },
      },
    },
    async (request) => ({ items: await listPackages((await tenantOf(request)).db), nextCursor: null }),
  );

  app.post(
    '/api/v1/archive/packages',
    {
      config: { policy: write },
      schema: {
        operationId: 'buildArchivePackage',
        summary:
          'Build the accounting archive of a closed period: one item per voucher, a manifest hashed into the audit log',
        tags,
        body: Type.Object(
          {
            period: Type.String({
              pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
              description: 'The closed period, YYYY-MM.',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 201: PackageSchema, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const view = await buildArchive(
        tenant.db,
        tenant.writer,
        { code: tenant.company.code, name: tenant.company.name },
        request.body.period,
        deps,
      );
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/v1/archive/packages/:id',
    {
      config: { policy: read },
      schema: {
        operationId: 'getArchivePackage',
        summary:
          'An archive package with its items, their files and fixity values, and its last verification report',
        tags,
        params: IdParams,
        response: {
          200: Type.Object({
            package: PackageSummarySchema,
            items: Type.Array(ItemSchema),
            lastReport: Nullable(ReportSchema),
          }),
          ...problems(400, 404),
        },
      },
    },
    async (request) => getPackage((await tenantOf(request)).db, request.params.id),
  );

  app.post(
    '/api/v1/archive/packages/:id/verify',
    {
      config: { policy: write },
      schema: {
        operationId: 'verifyArchivePackage',
        summary:
          'Verify a package: the four properties per item, naming every changed, missing or extra file (the report is kept)',
        tags,
        params: IdParams,
        response: { 200: ReportSchema, ...problems(400, 404) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      return verifyArchive(tenant.db, tenant.writer, { id: request.params.id }, root);
    },
  );
}

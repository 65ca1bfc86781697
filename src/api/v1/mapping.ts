import { Type } from 'typebox';
import { DOCUMENT_KINDS, type DocumentKind } from '../../connectors/contract.ts';
import { connectorDefinition } from '../../hub/connector-registry.ts';
import { getConnectionRow } from '../../hub/connections.ts';
import { parseDocument } from '../../hub/canonical-documents.ts';
import { externalReference } from '../../hub/postings.ts';
import {
  getProfile,
  listProfiles,
  missingInErp,
  profileOf,
  ProfileInput,
  saveProfile,
  ValueMapsInput,
} from '../../hub/profiles.ts';
import { DomainError } from '../../model/result.ts';
import { assertDirectChange } from '../../governance/changes/requests.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

const ProfileSchema = Type.Object({
  connectionId: Type.String(),
  version: Type.Integer({ description: '0 = the connector’s built-in defaults (nothing saved yet).' }),
  valueMaps: ValueMapsInput,
  settings: Type.Object(
    {},
    {
      additionalProperties: true,
      description:
        'Connector-specific profile settings; their schema is the connector’s profileSettings (GET /api/v1/connectors).',
    },
  ),
  note: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Union([Type.String(), Type.Null()]),
  erpVersion: Type.Union([Type.String(), Type.Null()], {
    description: 'The ERP version the connection’s last test found when this version was saved.',
  }),
});
const Explanation = Type.Object({
  source: Type.String(),
  field: Type.String(),
  from: Type.String(),
  to: Type.String(),
  rule: Type.String(),
  object: Type.Optional(Type.String()),
});
const VersionParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), version: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }) },
  { additionalProperties: false },
);
const asIs = (p: unknown) => JSON.stringify(p);

/** Mapping profiles (versioned per connection) and the dry run that shows the wire payload unsent. */
export function registerMappingRoutes(app: App, ctx: ApiContext): void {
  const admin = needs('connections:admin');
  app.get(
    '/api/v1/connections/:id/mapping-profiles',
    {
      config: { policy: admin },
      schema: {
        operationId: 'listMappingProfiles',
        summary: 'Every saved version of the connection’s mapping profile, newest first',
        tags: ['connections'],
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(ProfileSchema) }), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const { db } = await resolveTenant(ctx, request);
      return reply.serializer(asIs).send({ items: await listProfiles(db, request.params.id) });
    },
  );
  app.get(
    '/api/v1/connections/:id/mapping-profiles/:version',
    {
      config: { policy: admin },
      schema: {
        operationId: 'getMappingProfile',
        summary: 'One version of the mapping profile (0 = built-in defaults)',
        tags: ['connections'],
        params: VersionParams,
        response: { 200: ProfileSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const { db } = await resolveTenant(ctx, request);
      const params = request.params;
      return reply.serializer(asIs).send(await getProfile(db, params.id, params.version));
    },
  );
  app.post(
    '/api/v1/connections/:id/mapping-profiles',
    {
      config: { policy: admin },
      schema: {
        operationId: 'createMappingProfile',
        summary: 'Save the next version of the mapping profile (value maps and connector settings)',
        description:
          'Refused (422, one error per code) when a value map points at an account, supplier, department or employee the ERP does not have, ' +
          'judged by the master data last pulled from it. Objects never pulled are listed in `unverified`.',
        tags: ['connections'],
        params: IdParams,
        body: ProfileInput,
        response: {
          201: Type.Intersect([ProfileSchema, Type.Object({ unverified: Type.Array(Type.String()) })]),
          ...problems(400, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const tenant = await resolveTenant(ctx, request);
      await assertDirectChange(tenant.db, 'mapping-profile');
      const saved = await saveProfile(tenant.db, tenant.writer, request.params.id, request.body);
      return reply.code(201).serializer(asIs).send(saved);
    },
  );
  app.post(
    '/api/v1/connections/:id/dry-run',
    {
      config: { policy: admin },
      schema: {
        operationId: 'dryRunConnection',
        summary: 'Map a document as a posting would and return the wire request without sending it',
        description:
          '`explain` says which rule produced each ERP reference; `warnings` lists references the ERP does not have per the last pulled master data.',
        tags: ['connections'],
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.Union(DOCUMENT_KINDS.map((k) => Type.Literal(k))),
            document: Type.Object(
              {},
              { additionalProperties: true, description: 'Voucher, SupplierBill or Payment.' },
            ),
            profileVersion: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647 })),
            documentId: Type.Optional(
              Type.String({ minLength: 1, maxLength: 60, pattern: '^[0-9A-Za-z._-]+$' }),
            ),
            revision: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            profileVersion: Type.Integer(),
            externalReference: Type.String(),
            erpObject: Type.String(),
            operation: Type.String(),
            payload: Type.Object(
              {},
              {
                additionalProperties: true,
                description: 'The request body the connector would send, in the ERP’s own wire format.',
              },
            ),
            explain: Type.Array(Explanation),
            warnings: Type.Array(
              Type.Object({ pointer: Type.String(), object: Type.String(), code: Type.String() }),
            ),
            unverified: Type.Array(Type.String()),
          }),
          ...problems(400, 404, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const tenant = await resolveTenant(ctx, request);
      const body = request.body as {
        kind: DocumentKind;
        document: unknown;
        profileVersion?: number;
        documentId?: string;
        revision?: number;
      };
      const connection = await getConnectionRow(tenant.db, request.params.id);
      const type = connectorDefinition(connection.type);
      if (type.manifest.pushes[body.kind] === undefined)
        throw new DomainError('document_kind_unsupported', { connection: connection.name, kind: body.kind });
      const document = (() => {
        try {
          return parseDocument(body.kind, body.document);
        } catch (error) {
          // pointers are relative to the document; the body nests it under /document
          if (error instanceof DomainError)
            throw new DomainError(
              error.code,
              error.params,
              error.failures.map((f) => ({ ...f, pointer: `/document${f.pointer}` })),
            );
          throw error;
        }
      })();
      const profile = await getProfile(tenant.db, connection.id, body.profileVersion);
      const reference = externalReference(
        tenant.company.code,
        body.documentId ?? 'DRY-RUN',
        body.revision ?? 1,
      );
      const rendered = type.render(document, reference, profileOf(profile));
      const references = rendered.explain.flatMap((e) =>
        e.object === undefined ? [] : [{ object: e.object, code: e.to, pointer: e.source }],
      );
      const { missing, unverified } = await missingInErp(tenant.db, connection.id, references);
      return reply.serializer(asIs).send({
        profileVersion: profile.version,
        externalReference: reference,
        erpObject: rendered.erpObject,
        operation: rendered.operation,
        payload: rendered.payload,
        explain: [...rendered.explain],
        warnings: missing.map((m) => ({
          pointer: m.pointer,
          object: String(m.params?.['objectEn'] ?? ''),
          code: String(m.params?.['code'] ?? ''),
        })),
        unverified,
      });
    },
  );
}

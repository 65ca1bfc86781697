import { Type, type TSchema } from 'typebox';
import { ENTITIES, jsonSchemaDocument } from '../model/schemas.ts';
import { DomainError } from '../model/result.ts';
import type { App } from '../platform/http/server.ts';
import { PUBLIC } from '../platform/http/policy.ts';
import type { ApiContext } from './context.ts';
import { IndexSchema, problems } from './shared.ts';

/** Every published schema by name: each entity as returned (`Supplier`) and as sent (`SupplierInput`). */
export function publishedSchemas(): Map<string, { schema: TSchema; description: string }> {
  const out = new Map<string, { schema: TSchema; description: string }>();
  for (const definition of Object.values(ENTITIES)) {
    out.set(definition.name, { schema: definition.entity, description: definition.description });
    out.set(`${definition.name}Input`, {
      schema: definition.input,
      description: `${definition.description} (as sent to create one)`,
    });
  }
  return out;
}

export function registerSchemaRoutes(app: App, ctx: ApiContext): void {
  const schemas = publishedSchemas();
  const tags = ['standard data interface'];
  app.get(
    '/schemas',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'listSchemas',
        summary: 'Index of the canonical model’s JSON Schemas (标准数据接口)',
        tags,
        response: {
          200: IndexSchema,
          ...problems(400),
        },
      },
    },
    async () => ({
      items: [...schemas].map(([name, { description }]) => ({
        name,
        description,
        url: `/schemas/${name}.json`,
      })),
    }),
  );
  app.get(
    '/schemas/:file',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getSchema',
        summary: 'One canonical JSON Schema (2020-12), e.g. /schemas/Voucher.json',
        tags,
        params: Type.Object({ file: Type.String({ pattern: '^[A-Za-z]+\\.json$' }) }),
        response: {
          200: {
            description: 'JSON Schema 2020-12 document',
            content: {
              'application/schema+json': {
                schema: Type.Object(
                  {},
                  {
                    additionalProperties: true,
                    description: 'A JSON Schema 2020-12 document (open: any schema).',
                  },
                ),
              },
            },
          },
          ...problems(400, 404),
        },
      },
    },
    async (request, reply) => {
      const name = request.params.file.replace(/\.json$/, '');
      const found = schemas.get(name);
      if (found === undefined) throw new DomainError('not_found', { resource: 'Schema', id: name });
      return reply
        .header('content-type', 'application/schema+json; charset=utf-8')
        .serializer((payload: unknown) => JSON.stringify(payload))
        .send(jsonSchemaDocument(name, found.schema, ctx.config.publicBaseUrl));
    },
  );
}

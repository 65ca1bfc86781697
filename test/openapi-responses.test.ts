import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type Running } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';

/**
 * The OpenAPI document is what clients are generated from (the web console uses openapi-typescript), so
 * every operation's success answer must say what it holds: no operation without a 2xx schema, and no
 * object without properties — a client generated from `{}` or `{"type":"object"}` can only guess.
 * A few values are open by nature; they are listed below, each with its reason.
 */

type Json = Record<string, unknown>;

/**
 * Values that stay open, each where it appears: `<METHOD> <path> <status> <location>`, the location a
 * property path with `[]` for an array's items and `{}` for a map's values.
 */
const OPEN_VALUES: readonly { readonly why: string; readonly at: readonly string[] }[] = [
  {
    // an import row's field values before and after: the fields of the imported master-data resource
    why: 'field values of an imported record (schema per resource)',
    at: [
      'POST /api/v1/governance/imports:dry-run 200 items[].changes[].before',
      'POST /api/v1/governance/imports:dry-run 200 items[].changes[].after',
      'POST /api/v1/governance/imports 201 result.items[].changes[].before',
      'POST /api/v1/governance/imports 201 result.items[].changes[].after',
    ],
  },
  {
    // a change request carries the proposal for its target (a master-data record, a mapping profile, a
    // rule set: each with its own published schema), the diff's values, and what applying it returned
    why: 'a change request’s proposal, diff values and result (schema per target)',
    at: [
      'GET /api/v1/governance/change-requests 200 items[].payload',
      'GET /api/v1/governance/change-requests 200 items[].diff[].before',
      'GET /api/v1/governance/change-requests 200 items[].diff[].after',
      'GET /api/v1/governance/change-requests 200 items[].result',
      'POST /api/v1/governance/change-requests 201 payload',
      'POST /api/v1/governance/change-requests 201 diff[].before',
      'POST /api/v1/governance/change-requests 201 diff[].after',
      'POST /api/v1/governance/change-requests 201 result',
      'GET /api/v1/governance/change-requests/{id} 200 payload',
      'GET /api/v1/governance/change-requests/{id} 200 diff[].before',
      'GET /api/v1/governance/change-requests/{id} 200 diff[].after',
      'GET /api/v1/governance/change-requests/{id} 200 result',
      'POST /api/v1/governance/change-requests/{id}/approve 200 payload',
      'POST /api/v1/governance/change-requests/{id}/approve 200 diff[].before',
      'POST /api/v1/governance/change-requests/{id}/approve 200 diff[].after',
      'POST /api/v1/governance/change-requests/{id}/approve 200 result',
      'POST /api/v1/governance/change-requests/{id}/reject 200 payload',
      'POST /api/v1/governance/change-requests/{id}/reject 200 diff[].before',
      'POST /api/v1/governance/change-requests/{id}/reject 200 diff[].after',
      'POST /api/v1/governance/change-requests/{id}/reject 200 result',
    ],
  },
  {
    // the numbers an anomaly's explanation is built from differ per kind of check
    why: 'an anomaly’s explanation parameters (per check)',
    at: ['GET /api/v1/analytics/anomalies 200 items[].params'],
  },
  {
    // the canonical document of the posting's kind (Voucher, SupplierBill or Payment, published at
    // /schemas), returned exactly as it was stored when submitted
    why: "a posting's canonical document, as submitted",
    at: ['GET /api/v1/postings/{id}/document 200 document'],
  },
  {
    // a connection's settings: their schema is per connector type, published at GET /api/v1/connectors
    why: 'connection settings (schema per connector type)',
    at: [
      'POST /api/v1/connections 201 settings',
      'GET /api/v1/connections 200 items[].settings',
      'GET /api/v1/connections/{id} 200 settings',
      'PATCH /api/v1/connections/{id} 200 settings',
    ],
  },
  {
    // the connectors publish the JSON Schemas of their settings, credentials and profile settings
    why: 'JSON Schema documents a connector publishes',
    at: [
      'GET /api/v1/connectors 200 items[].settings',
      'GET /api/v1/connectors 200 items[].credentials{}',
      'GET /api/v1/connectors 200 items[].profileSettings',
    ],
  },
  {
    // a mapping profile's settings follow the connector's profileSettings schema
    why: 'mapping profile settings (schema per connector)',
    at: [
      'GET /api/v1/connections/{id}/mapping-profiles 200 items[].settings',
      'POST /api/v1/connections/{id}/mapping-profiles 201 settings',
      'GET /api/v1/connections/{id}/mapping-profiles/{version} 200 settings',
    ],
  },
  {
    // the dry run shows the request the connector would send, in the ERP's own wire format
    why: 'an ERP wire payload',
    at: ['POST /api/v1/connections/{id}/dry-run 200 payload'],
  },
  {
    // the audit log keeps whatever each action recorded of the entity before and after it
    why: 'audit snapshots (any entity, any JSON)',
    at: ['GET /api/v1/audit-log 200 items[].before', 'GET /api/v1/audit-log 200 items[].after'],
  },
  {
    // posting events carry what the hub and the connector noted, by event kind
    why: 'posting event details (by event kind and connector)',
    at: ['GET /api/v1/documents/{id}/trace 200 events[].detail'],
  },
  {
    // the standard data interface serves each canonical schema as a JSON Schema document
    why: 'a JSON Schema document',
    at: ['GET /schemas/{file} 200 (body)'],
  },
];

/** Operations whose success is a redirect: they declare a 3xx and no body. */
const REDIRECTS = new Set(['GET /auth/oidc/login', 'GET /auth/oidc/callback']);

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', 'default', 'deprecated']);

/** Every open value in one schema, by location: an object without properties, or a value of any type. */
function openValuesIn(
  schema: unknown,
  at: string,
  components: Json,
  seen: ReadonlySet<string> = new Set(),
): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Json;
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    return seen.has(name) ? [] : openValuesIn(components[name], at, components, new Set([...seen, name]));
  }
  const found: string[] = [];
  const within = (child: unknown, where: string) =>
    found.push(...openValuesIn(child, where, components, seen));
  const keywords = Object.keys(node).filter((k) => !ANNOTATIONS.has(k));
  if (keywords.length === 0) return [at];
  const properties = (node['properties'] ?? {}) as Json;
  const extra = node['additionalProperties'];
  const pattern = node['patternProperties'] as Json | undefined;
  const typedMap =
    pattern !== undefined || (typeof extra === 'object' && extra !== null && Object.keys(extra).length > 0);
  const isObject = node['type'] === 'object' || node['properties'] !== undefined;
  // an object closed with no properties is an empty answer ({}), which is precise
  if (isObject && Object.keys(properties).length === 0 && !typedMap && extra !== false) found.push(at);
  const dot = at === '(body)' ? '' : `${at}.`;
  for (const [name, child] of Object.entries(properties)) within(child, `${dot}${name}`);
  if (typedMap) {
    if (typeof extra === 'object') within(extra, `${at}{}`);
    for (const child of Object.values(pattern ?? {})) within(child, `${at}{}`);
  }
  if (node['items'] !== undefined) within(node['items'], `${at}[]`);
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    for (const branch of (node[key] ?? []) as unknown[]) within(branch, at);
  return found;
}

interface Findings {
  /** Operations without a 2xx answer with a schema (redirects apart). */
  readonly untyped: string[];
  /** Open values, as `<METHOD> <path> <status> <location>`. */
  readonly open: string[];
}

/** What a generated client could not type in this OpenAPI document. */
function findings(document: Json): Findings {
  const components = ((document['components'] as Json | undefined)?.['schemas'] ?? {}) as Json;
  const untyped: string[] = [];
  const open: string[] = [];
  for (const [path, item] of Object.entries(document['paths'] as Json))
    for (const [method, operation] of Object.entries(item as Json)) {
      if (!METHODS.includes(method)) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const responses = ((operation as Json)['responses'] ?? {}) as Json;
      const statuses = Object.keys(responses);
      const success = statuses.filter((s) => /^2/.test(s));
      if (success.length === 0) {
        if (!(REDIRECTS.has(name) && statuses.some((s) => /^3/.test(s)))) untyped.push(`${name}: no 2xx`);
        continue;
      }
      for (const status of success) {
        const content = ((responses[status] as Json)['content'] ?? {}) as Json;
        const media = Object.values(content) as Json[];
        // 204 No Content is the one success without a body
        if (media.length === 0) {
          if (status !== '204') untyped.push(`${name} ${status}: no schema`);
          continue;
        }
        for (const m of media) {
          if (m['schema'] === undefined) untyped.push(`${name} ${status}: no schema`);
          else
            open.push(
              ...openValuesIn(m['schema'], '(body)', components).map((at) => `${name} ${status} ${at}`),
            );
        }
      }
    }
  return { untyped, open };
}

const allowed = new Set(OPEN_VALUES.flatMap((v) => v.at));

describe('OpenAPI responses', () => {
  let running: Running;
  let document: Json;
  before(async () => {
    // built as `finbridge openapi` builds it
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: 'sqlite::memory:',
      LOG_LEVEL: 'silent',
      FINBRIDGE_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
    running = await buildApp({ config, worker: false });
    document = running.app.swagger() as unknown as Json;
  });
  after(async () => {
    await running.close();
  });

  it('declares a 2xx answer with a schema for every operation (a redirect declares its 3xx)', () => {
    const { untyped } = findings(document);
    assert.deepEqual(untyped, []);
    assert.ok(Object.keys(document['paths'] as Json).length > 100, 'the whole API was read');
  });

  it('leaves no object without properties in a 2xx answer, except the listed open values', () => {
    const unexpected = findings(document).open.filter((at) => !allowed.has(at));
    assert.deepEqual(unexpected, []);
  });

  it('keeps the open-value list current: each entry is still an open value', () => {
    const open = new Set(findings(document).open);
    assert.deepEqual(
      [...allowed].filter((at) => !open.has(at)),
      [],
    );
  });

  it('flags a loose answer: an object of any shape, a page of them, or a value of any type', () => {
    // the shapes the expense routes answered with before every response was typed
    const Loose = { type: 'object', properties: {}, additionalProperties: true };
    const loose: Json = {
      paths: {
        '/api/v1/expense-claims': {
          get: {
            responses: {
              200: {
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: { items: { type: 'array', items: Loose }, nextCursor: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
          post: { responses: { 201: { content: { 'application/json': { schema: Loose } } } } },
        },
        '/api/v1/expense-claims/{id}': {
          get: {
            responses: {
              200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/View' } } } },
            },
          },
          delete: { responses: { 200: { description: 'no content declared' } } },
        },
      },
      components: { schemas: { View: { type: 'object', properties: { before: {}, lines: Loose } } } },
    };
    assert.deepEqual(findings(loose), {
      untyped: ['DELETE /api/v1/expense-claims/{id} 200: no schema'],
      open: [
        'GET /api/v1/expense-claims 200 items[]',
        'POST /api/v1/expense-claims 201 (body)',
        'GET /api/v1/expense-claims/{id} 200 before',
        'GET /api/v1/expense-claims/{id} 200 lines',
      ],
    });
  });
});

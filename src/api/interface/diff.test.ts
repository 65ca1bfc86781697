import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffOpenApi, diffSchemas, type Finding } from './diff.ts';

const Supplier = {
  type: 'object',
  properties: {
    code: { type: 'string', maxLength: 40 },
    name: { type: 'string' },
    status: { anyOf: [{ const: 'active' }, { const: 'blocked' }] },
  },
  required: ['code', 'name', 'status'],
  additionalProperties: false,
};

/** A small API: create a supplier, list suppliers with a filter. */
function api(change: (doc: ReturnType<typeof base>) => void = () => {}) {
  const doc = base();
  change(doc);
  return doc as unknown as Record<string, unknown>;
}
function base() {
  return {
    openapi: '3.1.0',
    components: { schemas: { Supplier: structuredClone(Supplier) } },
    paths: {
      '/suppliers': {
        post: {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Supplier' } } },
          },
          responses: {
            '201': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Supplier' } } } },
          },
        },
        get: {
          parameters: [
            { in: 'query', name: 'status', required: false, schema: { type: 'string', maxLength: 20 } },
          ] as Record<string, unknown>[],
          responses: {
            '200': {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      items: { type: 'array', items: { $ref: '#/components/schemas/Supplier' } },
                    },
                    required: ['items'],
                  },
                },
              },
            },
          },
        },
      },
    } as Record<string, Record<string, Record<string, unknown>>>,
  };
}

const ids = (findings: readonly Finding[], severity: Finding['severity']) =>
  findings.filter((f) => f.severity === severity).map((f) => f.id);

describe('the interface diff', () => {
  it('finds nothing between a document and itself', () => {
    assert.deepEqual(diffOpenApi(api(), api()), []);
  });

  it('calls a removed operation, parameter or success response breaking', () => {
    const findings = diffOpenApi(
      api(),
      api((d) => {
        delete d.paths['/suppliers']!['post'];
        d.paths['/suppliers']!['get']!['parameters'] = [];
      }),
    );
    assert.deepEqual(ids(findings, 'breaking').sort(), [
      'GET /suppliers query status: removed',
      'POST /suppliers: removed',
    ]);
  });

  it('calls a field removed from an answer, or no longer always there, breaking, and a new one an addition', () => {
    const findings = diffOpenApi(
      api(),
      api((d) => {
        const s = d.components.schemas.Supplier as {
          properties: Record<string, unknown>;
          required: string[];
        };
        delete s.properties['name'];
        s.required = ['code'];
        s.properties['taxNumber'] = { type: 'string' };
      }),
    );
    const breaking = ids(findings, 'breaking');
    assert.ok(breaking.includes('GET /suppliers 200/items[]/name: removed'), breaking.join('\n'));
    assert.ok(breaking.includes('GET /suppliers 200/items[]/status: no longer always present'));
    assert.ok(breaking.includes('POST /suppliers body/name: no longer accepted'), 'the request is closed');
    assert.ok(ids(findings, 'addition').includes('POST /suppliers 201/taxNumber: added'));
  });

  it('calls a new required request field or a narrower range breaking, a wider one not', () => {
    const narrower = diffOpenApi(
      api(),
      api((d) => {
        const s = d.components.schemas.Supplier as { properties: Record<string, Record<string, unknown>> };
        s.properties['code']!['maxLength'] = 20;
        s.properties['region'] = { type: 'string' };
        (d.components.schemas.Supplier as { required: string[] }).required.push('region');
      }),
    );
    const breaking = ids(narrower, 'breaking');
    assert.ok(breaking.includes('POST /suppliers body/code: maxLength 40 → 20'), breaking.join('\n'));
    assert.ok(breaking.includes('POST /suppliers body/region: newly required'));
    const wider = diffOpenApi(
      api(),
      api((d) => {
        const p = (d.paths['/suppliers']!['get']!['parameters'] as { schema: Record<string, unknown> }[])[0]!;
        p.schema['maxLength'] = 80;
      }),
    );
    assert.deepEqual(ids(wider, 'breaking'), []);
  });

  it('calls a value clients may now receive a warning, and a new type or null breaking', () => {
    const findings = diffOpenApi(
      api(),
      api((d) => {
        const s = d.components.schemas.Supplier as { properties: Record<string, unknown> };
        s.properties['status'] = { anyOf: [{ const: 'active' }, { const: 'blocked' }, { const: 'merged' }] };
        s.properties['name'] = { anyOf: [{ type: 'string' }, { type: 'null' }] };
      }),
    );
    assert.ok(
      ids(findings, 'warning').includes('GET /suppliers 200/items[]/status: may now answer string="merged"'),
    );
    assert.ok(ids(findings, 'breaking').includes('GET /suppliers 200/items[]/name: may now answer null'));
    // for a request the same changes accept more: nothing breaks
    assert.ok(!ids(findings, 'breaking').some((id) => id.startsWith('POST /suppliers body')));
  });

  it('calls a request value no longer accepted breaking', () => {
    const findings = diffOpenApi(
      api(),
      api((d) => {
        const s = d.components.schemas.Supplier as { properties: Record<string, unknown> };
        s.properties['status'] = { const: 'active' };
      }),
    );
    assert.ok(
      ids(findings, 'breaking').includes('POST /suppliers body/status: no longer accepts string="blocked"'),
    );
  });

  it('compares the published schemas by name, requests as sent and entities as answered', () => {
    const input = { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] };
    const findings = diffSchemas(
      { Supplier, SupplierInput: input, Gone: Supplier },
      {
        Supplier: { ...Supplier, required: ['code'] },
        SupplierInput: { ...input, required: ['code', 'name'] },
        New: Supplier,
      },
    );
    assert.deepEqual(ids(findings, 'breaking').sort(), [
      'schema Gone: removed',
      'schema Supplier/name: no longer always present',
      'schema Supplier/status: no longer always present',
      'schema SupplierInput/name: newly required',
    ]);
    assert.deepEqual(ids(findings, 'addition'), ['schema New: added']);
  });
});

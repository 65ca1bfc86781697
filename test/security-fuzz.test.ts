import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { ALL_SCOPES, isScope } from '../src/platform/security/scopes.ts';

/**
 * Malformed, oversized and injection payloads against every write route of the API, as a client
 * holding every scope: the answer is never a 5xx and never contains another company's data.
 */
const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE suppliers; --",
  '" OR ""="',
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '${7*7}',
  '../../etc/passwd',
  '\u0000',
  '\uFEFF',
  '𠮷𠮷',
  'OTHER',
  '9'.repeat(400),
  'x'.repeat(20_000),
];
const MARKER = 'OTHER-COMPANY-SECRET-MARKER';

const fieldNames = fc.constantFrom(
  'code',
  'name',
  'taxId',
  'kind',
  'parentCode',
  'departmentCode',
  'items',
  'atomic',
  'lines',
  'amount',
  'debit',
  '__proto__',
  'constructor',
  'scopes',
  'roles',
  'password',
);
const nasty = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom(...INJECTIONS), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.constantFrom(...INJECTIONS), { maxKeys: 3 }),
);
const payload = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fieldNames, nasty, { maxKeys: 8 }),
  fc.record({
    items: fc.array(fc.dictionary(fieldNames, nasty, { maxKeys: 5 }), { maxLength: 5 }),
    atomic: fc.boolean(),
  }),
);

describe('fuzzing every write route', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  let writeRoutes: { method: 'POST' | 'PATCH'; url: string }[];
  let cases = 0;

  before(async () => {
    t = await startTestApp(ENGINES[0]!, { LOG_LEVEL: 'silent' });
    await t.provision();
    await t.provision({ code: 'OTHER', taxId: '9144030071526726XG' });
    const other = await t.bearer('OTHER', ['master-data:write']);
    const seeded = await t.request({
      method: 'POST',
      url: '/api/v1/suppliers',
      headers: other,
      payload: { code: 'S-MARK', name: MARKER, taxId: '91310115MA1K3BTP2B' },
    });
    assert.equal(seeded.statusCode, 201);
    auth = await t.bearer('ACME', ALL_SCOPES);
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/departments',
      headers: auth,
      payload: { code: 'D0', name: 'd', kind: 'management' },
    });
    const id = created.json().id as string;
    writeRoutes = t.running.app.routePolicies
      // what a token may reach at all: the installation operator's routes are for people only
      .filter((r) => r.url.startsWith('/api/v1/') && !('scope' in r.policy && !isScope(r.policy.scope)))
      .flatMap((r) =>
        (Array.isArray(r.method) ? r.method : [r.method]).map((m) => ({ method: m as string, url: r.url })),
      )
      .filter(
        (r): r is { method: 'POST' | 'PATCH'; url: string } => r.method === 'POST' || r.method === 'PATCH',
      )
      .map((r) => ({ method: r.method, url: r.url.replace(':id', id).replace('::', ':') }));
  });
  after(async () => t.close());

  it('never answers 5xx and never leaks another company’s data', async () => {
    assert.ok(writeRoutes.length >= 25, `${writeRoutes.length} write routes`);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writeRoutes),
        payload,
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain'),
        async (route, body, type) => {
          cases += 1;
          const res = await t.request({
            method: route.method,
            url: route.url,
            headers: { ...auth, 'content-type': type },
            payload: JSON.stringify(body),
          });
          assert.ok(
            res.statusCode < 500,
            `${route.method} ${route.url} ${JSON.stringify(body).slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`,
          );
          assert.ok(!res.body.includes(MARKER), `${route.method} ${route.url} leaked another company's data`);
        },
      ),
      { numRuns: 600 },
    );
    const raw = ['{', '{"a":', '[1,2', 'null', '"str"', '{"__proto__":{"polluted":true}}', '\u0000'];
    for (const route of writeRoutes) {
      for (const text of raw) {
        cases += 1;
        const res = await t.request({
          method: route.method,
          url: route.url,
          headers: { ...auth, 'content-type': 'application/json' },
          payload: text,
        });
        assert.ok(
          res.statusCode < 500,
          `${route.url} ${JSON.stringify(text)} → ${res.statusCode} ${res.body}`,
        );
      }
      cases += 1;
      const huge = await t.request({
        method: route.method,
        url: route.url,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: `{"x":"${'a'.repeat(33 * 1024 * 1024)}"}`,
      });
      assert.equal(huge.statusCode, 413, `${route.url} oversized`);
    }
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'no prototype pollution');
    const list = (await t.request({ url: '/api/v1/suppliers?limit=500', headers: auth })).json();
    assert.ok(list.items.every((s: { name: string }) => s.name !== MARKER));
    console.log(`fuzz: ${writeRoutes.length} write routes, ${cases} cases`);
  });
});

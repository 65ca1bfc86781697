import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import swagger from '@fastify/swagger';
import { createHttpServer } from '../src/platform/http/server.ts';
import { createMetrics } from '../src/platform/metrics.ts';

const bare = () => createHttpServer({ logLevel: 'silent', bodyLimitBytes: 1024, metrics: createMetrics() });

describe('a deprecated operation', () => {
  it('still answers, and says since when, until when and what replaces it', async () => {
    const app = bare();
    await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 't', version: '1' } } });
    app.get(
      '/api/v1/old-report',
      { config: { deprecated: { since: '2026-12-01', sunset: '2027-06-30', successor: '/api/v1/report' } } },
      async () => ({ ok: true }),
    );
    app.get('/api/v1/report', async () => ({ ok: true }));
    await app.ready();
    const old = await app.inject({ url: '/api/v1/old-report' });
    assert.equal(old.statusCode, 200);
    assert.deepEqual(old.json(), { ok: true });
    assert.equal(old.headers['deprecation'], `@${Date.UTC(2026, 11, 1) / 1000}`);
    assert.equal(old.headers['sunset'], 'Wed, 30 Jun 2027 23:59:59 GMT');
    assert.equal(old.headers['link'], '</api/v1/report>; rel="successor-version"');
    const current = await app.inject({ url: '/api/v1/report' });
    assert.equal(current.headers['deprecation'], undefined);
    assert.equal(current.headers['sunset'], undefined);
    const spec = app.swagger() as { paths: Record<string, { get: { deprecated?: boolean } }> };
    assert.equal(spec.paths['/api/v1/old-report']?.get.deprecated, true);
    assert.equal(spec.paths['/api/v1/report']?.get.deprecated, undefined);
    await app.close();
  });

  it('refuses to start with a deprecation date that is not a plain date', async () => {
    const app = bare();
    assert.throws(
      () =>
        app.get(
          '/api/v1/old',
          { config: { deprecated: { since: '2026-12', sunset: '2027-06-30' } } },
          async () => ({}),
        ),
      /deprecation dates must be YYYY-MM-DD/,
    );
    await app.close();
  });
});

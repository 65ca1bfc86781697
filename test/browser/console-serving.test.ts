import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApp, type Running } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { ENGINES } from '../support/engines.ts';

/** How the server serves the console (src/api/console.ts), on a console directory the test writes. */
describe('console serving', () => {
  let running: Running;
  let dir: string;
  const get = (url: string, accept = 'text/html,application/xhtml+xml') =>
    running.app.inject({ method: 'GET', url, headers: { accept } });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'finbridge-console-'));
    const database = await ENGINES[0]!.open();
    running = await buildApp({
      config: loadConfig({
        DATABASE_URL: 'sqlite::memory:',
        LOG_LEVEL: 'silent',
        FINBRIDGE_MASTER_KEY: randomBytes(32).toString('base64'),
      }),
      database,
      worker: false,
      consoleDir: dir,
    });
  });
  after(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says how to build the console when it is not built, instead of failing', async () => {
    const res = await get('/');
    assert.equal(res.statusCode, 503);
    assert.match(String(res.headers['content-type']), /text\/html/);
    assert.match(res.body, /npm run build:console/);
    assert.match(res.body, /控制台尚未构建/);
  });

  it('serves the shell at / and at console paths, the hashed bundle under /assets', async () => {
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><script type="module" src="/assets/app-1.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log("console")');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const root = await get('/');
    assert.equal(root.statusCode, 200);
    assert.match(root.body, /assets\/app-1\.js/);
    assert.equal(root.headers['cache-control'], 'no-cache');
    // the CSP lets the bundle run: scripts from 'self' only, nothing inline, nothing from elsewhere
    const csp = String(root.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /default-src 'self'/);
    // over plain HTTP the browser must not be told to fetch the bundle over https://
    assert.doesNotMatch(csp, /upgrade-insecure-requests/);
    for (const path of [
      '/claims',
      '/claims/01a2212c-0000-7000-8000-000000000000?status=draft',
      '/admin/users',
    ]) {
      const page = await get(path);
      assert.equal(page.statusCode, 200, path);
      assert.match(page.body, /<!doctype html>/, path);
    }
    const script = await get('/assets/app-1.js', '*/*');
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /javascript/);
    assert.match(String(script.headers['cache-control']), /immutable/);
    assert.equal((await get('/favicon.svg', '*/*')).statusCode, 200);
  });

  it('leaves the API’s paths to the API: unknown ones stay problem+json 404s', async () => {
    for (const path of [
      '/api/v1/nothing-here',
      '/auth/nothing',
      '/oauth/nothing',
      '/docs/nothing',
      '/schemas/x/y',
    ]) {
      const res = await get(path);
      assert.equal(res.statusCode, 404, path);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/, path);
      assert.equal(res.json<{ code: string }>().code, 'route_not_found', path);
    }
    // not a browser asking for a page: no HTML shell for it either
    const api = await get('/claims', 'application/json');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json<{ code: string }>().code, 'route_not_found');
    // nothing outside the console directory, nothing missing
    for (const path of [
      '/assets/missing.js',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
    ]) {
      const res = await get(path, '*/*');
      assert.equal(res.statusCode, 404, path);
      assert.doesNotMatch(res.body, /"name": "finbridge"/, path);
    }
    assert.equal((await running.app.inject({ method: 'POST', url: '/claims' })).statusCode, 404);
  });
});

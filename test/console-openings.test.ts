import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seedDemo } from '../src/demo/seed.ts';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies in tests */
type Body = Record<string, any>;

const LIST = '/api/v1/expense-claims?mine=true&limit=20';
const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-1.js"></script></head><body><div id="root"></div></body></html>';
/** What the console's build writes beside index.html (web/vite.config.ts, web/src/routes/openings.ts). */
const OPENINGS = [
  { path: '/claims', preload: ['/assets/claims-page-1.js', '/assets/table-1.js'], requests: [LIST] },
  { path: '/', preload: ['/assets/home-page-1.js'], requests: [] },
];

/** The JSON block the server puts into an opening page, parsed as the console reads it. */
const openingBlock = (html: string): Body | undefined => {
  const m = /<script type="application\/json" id="finbridge-opening">([^<]*)<\/script>/.exec(html);
  return m === null ? undefined : (JSON.parse(m[1]!) as Body);
};
const preloads = (html: string) =>
  [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);

/**
 * The console's opening pages (src/api/console.ts): the page's code named as module preloads, and for
 * a signed-in session the session check and the page's first answers inside the page, exactly as the
 * API gives them to that session — so the claim list's first render needs no round trip.
 */
for (const engine of ENGINES) {
  describe(`console opening pages on ${engine.engine}`, () => {
    let t: TestApp;
    let dir: string;
    let zhang: { cookie: string; csrf: string };
    let chen: { cookie: string; csrf: string };
    const page = (url: string, cookie?: string) =>
      t.request({
        method: 'GET',
        url,
        headers: { accept: 'text/html', ...(cookie === undefined ? {} : { cookie }) },
      });

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'finbridge-openings-'));
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), INDEX);
      writeFileSync(join(dir, 'openings.json'), JSON.stringify(OPENINGS));
      t = await startTestApp(engine, { LOG_LEVEL: 'warn' }, { consoleDir: dir });
      await seedDemo(t.database, t.running.context.security.audit);
      zhang = await t.user('DEMO', 'zhang', ['employee'], 'E011');
      chen = await t.user('DEMO', 'chen', ['employee'], 'E010');
      // a title that would end the page's script element if it were written into the page as it is
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/expense-claims',
        headers: { cookie: zhang.cookie, 'x-csrf-token': zhang.csrf },
        payload: {
          employeeCode: 'E011',
          departmentCode: 'SALES-S',
          title: '差旅</script><script>alert(1)</script><!-- & more',
          currency: 'CNY',
          claimedOn: '2026-11-24',
          lines: [
            { categoryCode: 'TAXI', description: '市内交通', occurredOn: '2026-11-24', amount: '35.00' },
          ],
        },
      });
      assert.equal(res.statusCode, 201, res.body);
    });
    after(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('puts the session check and the claim list into a signed-in opening, as the API answers that session', async () => {
      const res = await page('/claims', zhang.cookie);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(preloads(res.body), ['/assets/claims-page-1.js', '/assets/table-1.js']);
      // personal data: never kept by a cache, and the answer differs by session
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.match(String(res.headers['vary']), /cookie/i);
      const block = openingBlock(res.body);
      assert.ok(block !== undefined, 'the page carries its opening answers');
      const direct = await t.request({ method: 'GET', url: LIST, headers: { cookie: zhang.cookie } });
      const me = await t.request({ method: 'GET', url: '/auth/me', headers: { cookie: zhang.cookie } });
      assert.deepEqual(Object.keys(block['answers']).sort(), ['/auth/me', LIST].sort());
      assert.deepEqual(block['answers'][LIST], { status: 200, body: direct.json() });
      assert.deepEqual(block['answers']['/auth/me'].body.user, me.json().user);
      assert.equal(block['answers'][LIST].body.items.length, 1);
    });

    it('writes a title that could end the script element as JSON escapes: nothing in the page closes it', async () => {
      const res = await page('/claims', zhang.cookie);
      assert.doesNotMatch(res.body, /alert\(1\)<\/script>/);
      assert.doesNotMatch(res.body, /<!-- &/);
      const block = openingBlock(res.body);
      assert.equal(
        block?.['answers'][LIST].body.items[0].title,
        '差旅</script><script>alert(1)</script><!-- & more',
      );
    });

    it('gives each session its own answers: another employee does not see the first one’s claim', async () => {
      const block = openingBlock((await page('/claims', chen.cookie)).body);
      assert.ok(block !== undefined);
      assert.equal(block['answers'][LIST].body.items.length, 0);
      assert.equal(block['answers']['/auth/me'].body.user.username, 'chen');
    });

    it('names the code but carries no data without a valid session', async () => {
      for (const cookie of [undefined, 'fb_session=fbsess_not-a-session']) {
        const res = await page('/claims', cookie);
        assert.equal(res.statusCode, 200);
        assert.deepEqual(preloads(res.body), ['/assets/claims-page-1.js', '/assets/table-1.js']);
        assert.equal(openingBlock(res.body), undefined, `no data for cookie ${String(cookie)}`);
        assert.equal(res.headers['cache-control'], 'no-cache');
      }
    });

    it('serves the plain shell for a page opened with a query or not among the openings', async () => {
      for (const url of ['/claims?status=draft', '/approvals']) {
        const res = await page(url, zhang.cookie);
        assert.equal(res.statusCode, 200);
        assert.deepEqual(preloads(res.body), [], url);
        assert.equal(openingBlock(res.body), undefined, url);
        assert.equal(res.body, INDEX);
      }
    });

    it('preloads the home page’s code and carries only the session check there', async () => {
      const res = await page('/', zhang.cookie);
      assert.deepEqual(preloads(res.body), ['/assets/home-page-1.js']);
      assert.deepEqual(Object.keys(openingBlock(res.body)?.['answers'] ?? {}), ['/auth/me']);
    });
  });
}

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { syntheticUscc } from '../../src/demo/demo-company.ts';
import { startFakeProvider, type FakeProvider } from '../support/fake-oidc-provider.ts';
import {
  callApi,
  ensureConsoleBuilt,
  findChromium,
  freePort,
  openConsole,
  screenshot,
  signIn,
  startServer,
  type ConsoleLocale,
  type RunningServer,
} from './support.ts';

/**
 * The administration pages in a real browser (Debian's Chromium through playwright-core) against the
 * real FinBridge demo, started with single sign-on to a loopback OpenID provider: the demo admin (also
 * the installation operator) registers a company, creates an API client and gets a token with its
 * once-shown secret, rotates both keys (the ERP connection's sealed credentials still work), verifies
 * the audit chain, imports suppliers from an xlsx (a bad row refused by row and column, nothing
 * stored), edits the pull schedules, and signs in with SSO. Screenshots in zh-CN and en-US.
 */
const executablePath = findChromium();
const MISSING =
  'Chromium not found: install Debian’s (apt-get install -y chromium) or set FINBRIDGE_CHROMIUM to a Chromium binary';

interface Connection {
  id: string;
  type: string;
}

async function workbook(path: string, rows: readonly (readonly (string | number)[])[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('suppliers');
  for (const row of rows) sheet.addRow([...row]);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}

if (executablePath === undefined && process.env['CI'] !== undefined && process.env['CI'] !== '') {
  describe('administration pages in Chromium', () => {
    it('has a Chromium to run in', () => {
      assert.fail(`${MISSING} — .ci/run installs it when missing`);
    });
  });
} else if (executablePath === undefined) {
  describe('administration pages in Chromium', () => {
    it('runs in Chromium', { skip: MISSING }, () => {});
  });
} else {
  describe('administration pages in Chromium', () => {
    let server: RunningServer;
    let idp: FakeProvider;
    let browser: Browser;
    let files: string;
    const contexts: BrowserContext[] = [];

    before(async () => {
      ensureConsoleBuilt();
      files = mkdtempSync(join(tmpdir(), 'finbridge-admin-'));
      idp = await startFakeProvider('finbridge-console', 'idp-secret-for-tests');
      // the provider sends the browser back to the server's own address, so it is chosen first
      const port = await freePort();
      server = await startServer({
        port,
        env: {
          FINBRIDGE_PUBLIC_URL: `http://127.0.0.1:${port}`,
          FINBRIDGE_OIDC_ISSUER: idp.issuer,
          FINBRIDGE_OIDC_CLIENT_ID: 'finbridge-console',
          FINBRIDGE_OIDC_CLIENT_SECRET: 'idp-secret-for-tests',
          FINBRIDGE_OIDC_ALLOW_HTTP: 'true',
        },
      });
      browser = await chromium.launch({
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-dev-shm-usage'],
      });
    });
    after(async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
      await idp.close();
      rmSync(files, { recursive: true, force: true });
    });

    const open = async (locale: ConsoleLocale) => {
      const opened = await openConsole(browser, locale);
      contexts.push(opened.context);
      return opened;
    };
    const api = async <T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
      const answer = await callApi(page, server, method, path, body);
      assert.ok(answer.status < 300, `${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body as T;
    };
    const menuTexts = async (page: Page) =>
      (await page.getByTestId('main-menu').locator('.ant-menu-item').allInnerTexts()).map((s) => s.trim());
    const pick = async (page: Page, testId: string, option: string) => {
      await page.getByTestId(testId).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText(option).click();
    };

    for (const locale of ['zh-CN', 'en-US'] as const) {
      const zh = locale === 'zh-CN';
      const tag = zh ? 'ZH' : 'EN';
      const uscc = zh ? 'CN' : 'EN'; // the org-code part of a USCC takes no I, O, S, V or Z

      it(`${locale}: the operator registers a company, refused first beside the tax-id field`, async (t) => {
        const { page, problems } = await open(locale);
        await signIn(page, server, 'admin');
        const menu = await menuTexts(page);
        for (const item of zh
          ? ['公司（租户）', 'API 客户端', '密钥轮换', '审计日志']
          : ['Companies', 'API clients', 'Key rotation', 'Audit log'])
          assert.ok(menu.includes(item), `${item} offered: ${menu.join(', ')}`);
        await page
          .getByTestId('main-menu')
          .getByText(zh ? '公司（租户）' : 'Companies')
          .click();
        await page.getByTestId('companies-table').locator('tr.ant-table-row').first().waitFor();

        await page.getByTestId('new-company').click();
        const code = `${tag}01`;
        const taxId = syntheticUscc(zh ? '310115' : '110108', `MA1${uscc}001`);
        await page.getByTestId('company-code').fill(code);
        await page.getByTestId('company-name').fill(zh ? '财桥上海分公司' : 'FinBridge Beijing Ltd');
        const wrong = `${taxId.slice(0, 17)}${taxId.endsWith('0') ? '1' : '0'}`;
        await page.getByTestId('company-taxId').fill(wrong);
        await page.getByTestId('company-save').click();
        const taxItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('company-taxId') });
        const beside = taxItem.locator('.ant-form-item-explain-error');
        await beside.waitFor();
        assert.match(await beside.innerText(), zh ? /统一社会信用代码/ : /unified social credit code/i);
        await screenshot(t, page, 'admin-company-refused', locale);

        await page.getByTestId('company-taxId').fill(taxId);
        await page.getByTestId('company-save').click();
        await page.getByTestId('company-saved').waitFor();
        const row = page.getByTestId('companies-table').locator('tr.ant-table-row', { hasText: code });
        await row.waitFor();
        assert.ok((await row.innerText()).includes(taxId));
        // and edited: the address added, version 2
        await page.getByTestId(`edit-company-${code}`).click();
        await page
          .getByTestId('company-address')
          .fill(zh ? '上海市浦东新区世纪大道 100 号' : '1 Chang’an Ave, Beijing');
        await page.getByTestId('company-save').click();
        await page.getByTestId('company-saved').waitFor();
        const companies = await api<{ items: { code: string; version: number; address?: string }[] }>(
          page,
          'GET',
          '/api/v1/companies',
        );
        const stored = companies.items.find((c) => c.code === code);
        assert.equal(stored?.version, 2);
        assert.ok(stored.address !== undefined && stored.address !== '');
        await screenshot(t, page, 'admin-companies', locale);
        assert.deepEqual(problems, []);
      });

      it(`${locale}: an API client's secret is shown once, gets a token, and stops working when revoked`, async (t) => {
        const { page, problems } = await open(locale);
        await signIn(page, server, 'admin');
        await page.goto(`${server.url}/admin/clients`);
        await page.getByTestId('clients-table').locator('tr.ant-table-row').first().waitFor();
        await page.getByTestId('new-client').click();
        const name = `${tag} BI reports`;
        await page.getByTestId('client-name').fill(name);
        for (const scope of ['companies:read', 'master-data:read'])
          await page.locator(`[data-scope="${scope}"]`).click();
        await page.getByTestId('client-create').click();
        const dialog = page.getByTestId('client-secret-dialog');
        await dialog.waitFor();
        const clientId = (await page.getByTestId('created-client-id').innerText()).trim();
        const secret = (await page.getByTestId('client-secret').innerText()).trim();
        assert.match(secret, /^fbs_/);
        await screenshot(t, page, 'admin-client-secret', locale);
        await page.getByTestId('secret-done').click();
        await dialog.waitFor({ state: 'detached' });
        // never again: not on the page, not in the list the API gives
        const row = page.getByTestId('clients-table').locator('tr.ant-table-row', { hasText: name });
        await row.waitFor();
        assert.ok(!(await page.content()).includes(secret), 'the secret is gone from the page');
        const listed = await callApi(page, server, 'GET', '/api/v1/clients');
        assert.ok(!JSON.stringify(listed.body).includes(secret));
        await screenshot(t, page, 'admin-clients', locale);

        // really used: a token from /oauth/token with the secret, then an API call with it
        const token = await fetch(`${server.url}/oauth/token`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: 'grant_type=client_credentials',
        });
        assert.equal(token.status, 200, await token.clone().text());
        const granted = (await token.json()) as { access_token: string; scope: string };
        assert.equal(granted.scope, 'companies:read master-data:read');
        const bearer = { authorization: `Bearer ${granted.access_token}` };
        assert.equal(
          (await fetch(`${server.url}/api/v1/suppliers?limit=1`, { headers: bearer })).status,
          200,
        );
        assert.equal(
          (await fetch(`${server.url}/api/v1/clients`, { headers: bearer })).status,
          403,
          'no scope beyond what was granted',
        );

        await page.getByTestId(`revoke-${clientId}`).click();
        await page.getByTestId('confirm-revoke').click();
        await row.getByText(zh ? '已吊销' : 'revoked').waitFor();
        assert.equal(
          (await fetch(`${server.url}/api/v1/suppliers?limit=1`, { headers: bearer })).status,
          401,
        );
        assert.deepEqual(problems, []);
      });

      it(`${locale}: both keys are rotated and the ERP connection's sealed credentials still work`, async (t) => {
        const { page, problems } = await open(locale);
        await signIn(page, server, 'admin');
        await page.goto(`${server.url}/admin/keys`);
        await page.getByTestId('master-primary').waitFor();
        const before = await api<{
          signing: { keys: { kid: string; status: string }[] };
          master: { primaryId: string };
        }>(page, 'GET', '/api/v1/keys');
        const active = before.signing.keys.find((k) => k.status === 'active')?.kid;
        await page.getByTestId('rotate-signing').click();
        await page.getByTestId('confirm-rotate-signing').click();
        await page.getByTestId('signing-rotated').waitFor();
        await page.getByTestId('rotate-master').click();
        await page.getByTestId('confirm-rotate-master').click();
        await page.getByTestId('master-rotated').waitFor();
        const afterKeys = await api<{
          signing: { keys: { kid: string; status: string }[] };
          master: { primaryId: string };
        }>(page, 'GET', '/api/v1/keys');
        assert.notEqual(afterKeys.master.primaryId, before.master.primaryId);
        assert.equal(afterKeys.signing.keys.find((k) => k.kid === active)?.status, 'retiring');
        await page
          .locator(`[data-testid="master-primary"]:has-text("${afterKeys.master.primaryId}")`)
          .waitFor();
        await screenshot(t, page, 'admin-keys', locale);

        // the demo Kingdee connection's password was re-sealed: the connection test still signs in
        const connections = await api<{ items: Connection[] }>(page, 'GET', '/api/v1/connections');
        const kingdee = connections.items.find((c) => c.type === 'kingdee-k3cloud');
        assert.ok(kingdee !== undefined);
        const tested = await api<{ ok: boolean }>(page, 'POST', `/api/v1/connections/${kingdee.id}/test`);
        assert.equal(tested.ok, true, JSON.stringify(tested));
        assert.deepEqual(problems, []);
      });

      it(`${locale}: the audit log shows the chain verified and the rotations, filtered`, async (t) => {
        const { page, problems } = await open(locale);
        await signIn(page, server, 'admin');
        await page.goto(`${server.url}/admin/audit`);
        const verdict = page.getByTestId('chain-verdict');
        await verdict.waitFor();
        assert.equal(await verdict.getAttribute('data-intact'), 'true');
        const verified = await api<{ intact: boolean; entries: number }>(
          page,
          'POST',
          '/api/v1/audit-log:verify',
        );
        assert.match(await verdict.innerText(), new RegExp(String(verified.entries)));
        await page.getByTestId('audit-table').locator('tr.ant-table-row').first().waitFor();
        await screenshot(t, page, 'admin-audit', locale);
        await page.getByTestId('audit-filters').locator('#entityType').fill('master_key');
        await page.getByTestId('audit-search').click();
        const rows = page.getByTestId('audit-table').locator('tr.ant-table-row');
        await rows.filter({ hasText: 'master_key' }).first().waitFor();
        await rows.filter({ hasNotText: 'master_key' }).first().waitFor({ state: 'detached' });
        assert.ok((await rows.count()) >= 1);
        await rows.first().locator('.ant-table-row-expand-icon').click();
        assert.match(await page.getByTestId('audit-after').first().innerText(), /newKeyId/);
        await screenshot(t, page, 'admin-audit-filtered', locale);
        assert.deepEqual(problems, []);
      });

      it(`${locale}: suppliers imported from an xlsx, a file with a bad row refused by row and column`, async (t) => {
        const { page, problems } = await open(locale);
        await signIn(page, server, 'admin');
        await page.goto(`${server.url}/integration/master-data`);
        await pick(page, 'md-resource', 'suppliers');
        await page.getByTestId('md-columns').waitFor();
        const good = await workbook(join(files, `good-${tag}.xlsx`), [
          ['code', 'name', 'taxId', 'paymentTermsDays'],
          [
            `${tag}-S1`,
            zh ? '上海测试供应商' : 'Test Supplier Shanghai',
            syntheticUscc('310104', `MA1${uscc}P01`),
            30,
          ],
          [
            `${tag}-S2`,
            zh ? '杭州测试供应商' : 'Test Supplier Hangzhou',
            syntheticUscc('330106', `MA1${uscc}P02`),
            45,
          ],
        ]);
        await page.locator('.ant-upload input[type=file]').setInputFiles(good);
        const result = page.getByTestId('md-import-result');
        await result.waitFor();
        assert.match(await result.innerText(), /2/);
        await page
          .getByTestId('md-table')
          .locator('tr.ant-table-row', { hasText: `${tag}-S2` })
          .waitFor();

        const bad = await workbook(join(files, `bad-${tag}.xlsx`), [
          ['code', 'name', 'taxId'],
          [`${tag}-S3`, zh ? '好供应商' : 'Good supplier', syntheticUscc('310104', `MA1${uscc}P03`)],
          [`${tag}-S4`, zh ? '坏供应商' : 'Bad supplier', '91310115MA1K3BTP2C'],
        ]);
        await page.locator('.ant-upload input[type=file]').setInputFiles(bad);
        const errors = page.getByTestId('md-import-errors');
        await errors.waitFor();
        const cells = await errors.locator('tr.ant-table-row').first().locator('td').allInnerTexts();
        assert.equal(cells[0], '3', `row: ${cells.join(' | ')}`);
        assert.match(cells[1] ?? '', /^C \(taxId\)$/);
        await page.getByTestId('md-import-refused').waitFor();
        const stored = await api<{ items: { code: string }[] }>(
          page,
          'GET',
          `/api/v1/suppliers?q=${tag}-S&limit=50`,
        );
        assert.deepEqual(
          stored.items.map((s) => s.code).sort(),
          [`${tag}-S1`, `${tag}-S2`],
          'nothing of the refused file was stored',
        );
        await screenshot(t, page, 'int-master-data-import', locale);

        // the pull schedules of the Kingdee connection, edited in one form
        const connections = await api<{ items: Connection[] }>(page, 'GET', '/api/v1/connections');
        const kingdee = connections.items.find((c) => c.type === 'kingdee-k3cloud');
        assert.ok(kingdee !== undefined);
        await page.goto(`${server.url}/integration/master-data?connection=${kingdee.id}`);
        await page.getByTestId('sync-table').locator('tr.ant-table-row').first().waitFor();
        await page.getByTestId('edit-schedules').click();
        const minutes = zh ? 30 : 90;
        if (!(await page.getByTestId('schedule-on-suppliers').isChecked()))
          await page.getByTestId('schedule-on-suppliers').click();
        await page.getByTestId('schedule-minutes-suppliers').fill(String(minutes));
        await screenshot(t, page, 'int-sync-schedules', locale);
        await page.getByTestId('schedules-save').click();
        await page.getByTestId('schedules-form').waitFor({ state: 'detached' });
        const states = await api<{ items: { object: string; everySeconds: number | null }[] }>(
          page,
          'GET',
          `/api/v1/connections/${kingdee.id}/sync`,
        );
        assert.equal(states.items.find((s) => s.object === 'suppliers')?.everySeconds, minutes * 60);
        assert.match(
          await page.getByTestId('schedule-suppliers').innerText(),
          new RegExp(`\\b${minutes}\\b`),
        );
        assert.deepEqual(problems, []);
      });

      it(`${locale}: the sign-in page offers single sign-on, and it signs the admin in`, async (t) => {
        const { page, problems } = await open(locale);
        await page.goto(`${server.url}/`);
        const sso = page.getByTestId('sso-sign-in');
        await sso.waitFor();
        await screenshot(t, page, 'sign-in-sso', locale);
        idp.nextUser = { sub: 'idp-admin', preferred_username: 'admin' };
        await sso.click();
        await page.getByTestId('home-title').waitFor();
        const me = await api<{ id: string }>(page, 'GET', '/auth/me');
        assert.equal(me.id, 'user:admin');
        assert.deepEqual(problems, []);
      });
    }
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  confirmVia,
  ensureConsoleBuilt,
  findChromium,
  screenshotPath,
  startServer,
  type RunningServer,
} from './support.ts';

/**
 * The integration admin's pages in a real browser (Debian's Chromium through playwright-core) against
 * the real FinBridge with the demo company and its built-in ERP simulators: connections and "test
 * connection", a mapping profile's dry run, the sync monitor against GET /api/v1/postings/summary,
 * a posting the ERP rejected replayed from the dead-letter page, a trace timeline, master data.
 * Screenshots in zh-CN and en-US go to test-artifacts/screenshots/.
 */
const executablePath = findChromium();
const MISSING =
  'Chromium not found: install Debian’s (apt-get install -y chromium) or set FINBRIDGE_CHROMIUM to a Chromium binary';

interface Posting {
  id: string;
  documentId: string;
  status: string;
  attempts: number;
  erpNumber: string | null;
  lastError: { code: string; message: string; reasonText: Record<string, string> | null } | null;
}
interface Connection {
  id: string;
  name: string;
  type: string;
  erpVersion: string | null;
}
interface Summary {
  total: number;
  byStatus: Record<string, number>;
}

if (executablePath === undefined && process.env['CI'] !== undefined && process.env['CI'] !== '') {
  describe('integration admin pages in Chromium', () => {
    it('has a Chromium to run in', () => {
      assert.fail(`${MISSING} — .ci/run installs it when missing`);
    });
  });
} else if (executablePath === undefined) {
  describe('integration admin pages in Chromium', () => {
    it('runs in Chromium', { skip: MISSING }, () => {});
  });
} else {
  describe('integration admin pages in Chromium', () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];

    before(async () => {
      ensureConsoleBuilt();
      server = await startServer();
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
    });

    const open = async (locale: 'zh-CN' | 'en-US', viewport = { width: 1366, height: 900 }) => {
      const context = await browser.newContext({ viewport, locale });
      contexts.push(context);
      await context.addInitScript((l) => {
        localStorage.setItem('finbridge.locale', l);
      }, locale);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      return { page, problems };
    };

    const signIn = async (page: Page, username: string) => {
      const password = server.passwords.get(username);
      assert.ok(password !== undefined, `demo password of ${username}`);
      await page.goto(`${server.url}/`);
      await page.locator('#username').fill(username);
      await page.locator('#password').fill(password);
      await page.getByTestId('sign-in').click();
      await page.getByTestId('home-title').waitFor();
    };

    const shot = async (t: TestContext, page: Page, name: string, locale: string) => {
      const path = screenshotPath(name, locale);
      await page.screenshot({ path, fullPage: true });
      t.diagnostic(`screenshot ${path}`);
      console.log(`screenshot: ${path}`);
    };

    /** The API as the signed-in page's session (cookie and CSRF token). */
    const call = async <T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
      const me = (await (await page.request.get(`${server.url}/auth/me`)).json()) as { csrfToken: string };
      const res = await page.request.fetch(`${server.url}${path}`, {
        method,
        headers: { 'x-csrf-token': me.csrfToken },
        ...(body === undefined ? {} : { data: body }),
      });
      assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`);
      return (await res.json()) as T;
    };

    const until = async <T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> => {
      const end = Date.now() + ms;
      for (;;) {
        const found = await probe();
        if (found !== undefined) return found;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    };

    const kingdee = async (page: Page): Promise<Connection> => {
      const list = await call<{ items: Connection[] }>(page, 'GET', '/api/v1/connections');
      const found = list.items.find((c) => c.type === 'kingdee-k3cloud');
      assert.ok(found !== undefined, 'the demo has a Kingdee connection');
      return found;
    };

    /** A voucher booked to an account the ERP lacks: the ERP refuses it and the posting is parked. */
    const rejectedVoucher = async (page: Page, connectionId: string, documentId: string, account: string) => {
      const accepted = await call<Posting>(page, 'POST', '/api/v1/vouchers', {
        connectionId,
        documentId,
        voucher: {
          companyCode: 'DEMO',
          date: '2026-12-03',
          period: '2026-12',
          word: '记',
          currency: 'CNY',
          summary: `浏览器测试 ${documentId}`,
          lines: [
            { summary: '差旅费', accountCode: account, debit: '88.00' },
            { summary: '应付职工', accountCode: '224101', credit: '88.00' },
          ],
        },
      });
      return until(`${documentId} rejected`, async () => {
        const p = await call<Posting>(page, 'GET', `/api/v1/postings/${accepted.id}`);
        return p.status === 'rejected' ? p : undefined;
      });
    };

    const menuTexts = async (page: Page) =>
      (await page.getByTestId('main-menu').locator('.ant-menu-item').allInnerTexts()).map((s) => s.trim());

    for (const locale of ['zh-CN', 'en-US'] as const) {
      const zh = locale === 'zh-CN';

      it(`${locale}: the integration admin tests the Kingdee connection, dry-runs a claim, watches the monitor and reads a trace`, async (t) => {
        const { page, problems } = await open(locale);
        await signIn(page, 'admin');
        const menu = await menuTexts(page);
        for (const item of zh
          ? ['同步监控', 'ERP 连接', '映射方案', '过账与追踪', '死信与重放', '主数据同步']
          : [
              'Sync monitor',
              'ERP connections',
              'Mapping profiles',
              'Postings and trace',
              'Dead letters',
              'Master data',
            ])
          assert.ok(menu.includes(item), `${item} offered: ${menu.join(', ')}`);
        const erp = await kingdee(page);
        // a posting of this language's own, left in the dead letters for the screenshot
        const parked = await rejectedVoucher(
          page,
          erp.id,
          `INT-${locale}-PARKED`,
          zh ? '660299Y' : '660299Z',
        );

        // connections: "test connection" shows the latency and the version the ERP reports
        await page
          .getByTestId('main-menu')
          .getByText(zh ? 'ERP 连接' : 'ERP connections')
          .click();
        const row = page.getByTestId('connections-table').locator('tr.ant-table-row', { hasText: erp.name });
        await row.waitFor();
        assert.match(await row.innerText(), zh ? /金蝶云·星空/ : /Kingdee K\/3 Cloud/);
        await row.getByTestId('test-connection').click();
        const result = page.getByTestId('test-result');
        await result.waitFor({ timeout: 20_000 });
        assert.match(await page.getByTestId('test-latency').innerText(), /^\d+ ms$/);
        const version = (await page.getByTestId('test-version').innerText()).trim();
        assert.match(version, /^\d+(\.\d+)+$/);
        const tested = await kingdee(page);
        assert.equal(tested.erpVersion, version, 'the version shown is the one the test recorded');
        await row.filter({ hasText: version }).waitFor();
        await shot(t, page, 'int-connections', locale);
        // the edit form is generated from the connector's settings schema
        await row.getByTestId('edit-connection').click();
        await page.getByTestId('settings-fields').getByTestId('field-acctId').waitFor();
        assert.ok(await page.getByTestId('credential-fields').isVisible());
        await shot(t, page, 'int-connection-form', locale);
        await page.keyboard.press('Escape');

        // mapping: versions, then the dry run of a claim's voucher side by side with the wire payload
        await page.goto(`${server.url}/integration/mapping?connection=${erp.id}`);
        await page.getByTestId('profile-versions').locator('tr.ant-table-row').first().waitFor();
        await page.getByTestId('dry-run-tab').click();
        await page.getByTestId('dry-run-posting').click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
        await page.getByTestId('run-dry-run').click();
        const payload = page.getByTestId('dry-run-payload');
        await payload.waitFor({ timeout: 15_000 });
        assert.match(await payload.innerText(), /"FAccountBookID"/);
        assert.match(await page.getByTestId('dry-run-canonical').innerText(), /"accountCode"/);
        assert.ok((await page.getByTestId('dry-run-explain').locator('tr.ant-table-row').count()) > 0);
        await shot(t, page, 'int-mapping-dry-run', locale);

        // the monitor's tiles say what GET /api/v1/postings/summary says
        await page
          .getByTestId('main-menu')
          .getByText(zh ? '同步监控' : 'Sync monitor')
          .click();
        await page.getByTestId('monitor-tiles').waitFor();
        await page.getByTestId('monitor-connections').locator('tr.ant-table-row').first().waitFor();
        const read = async (id: string) =>
          Number((await page.getByTestId(id).locator('.ant-statistic-content-value').innerText()).trim());
        await until('the tiles to match the summary', async () => {
          const summary = await call<Summary>(page, 'GET', '/api/v1/postings/summary');
          const shown = {
            total: await read('tile-total'),
            ...Object.fromEntries(
              await Promise.all(
                Object.keys(summary.byStatus).map(async (s) => [s, await read(`tile-${s}`)] as const),
              ),
            ),
          };
          return JSON.stringify(shown) === JSON.stringify({ total: summary.total, ...summary.byStatus })
            ? true
            : undefined;
        });
        assert.ok((await read('tile-rejected')) >= 1);
        await page.getByTestId('chart-by-connection').locator('canvas').waitFor();
        await shot(t, page, 'int-monitor', locale);

        // dead letters: the parked posting with its reason in this language beside the ERP's message
        await page
          .getByTestId('main-menu')
          .getByText(zh ? '死信与重放' : 'Dead letters')
          .click();
        const deadRow = page
          .getByTestId('dead-table')
          .locator('tr.ant-table-row', { hasText: parked.documentId });
        await deadRow.waitFor();
        const text = await deadRow.innerText();
        assert.ok(parked.lastError?.reasonText !== null && parked.lastError !== null);
        assert.ok(text.includes(parked.lastError.reasonText[locale]!), text);
        assert.ok(text.includes(parked.lastError.message), text);
        await shot(t, page, 'int-dead-letters', locale);

        // postings: filtered by status, and a posting's trace timeline
        await page.goto(`${server.url}/integration/postings?status=rejected&connection=${erp.id}`);
        const postingRow = page
          .getByTestId('postings-table')
          .locator('tr.ant-table-row', { hasText: parked.documentId });
        await postingRow.waitFor();
        await postingRow.getByTestId('open-trace').click();
        await page.getByTestId('trace-timeline').waitFor();
        const kinds = await page
          .getByTestId('trace-event')
          .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-kind')));
        const trace = await call<{ events: { kind: string }[] }>(
          page,
          'GET',
          `/api/v1/documents/${parked.id}/trace`,
        );
        assert.deepEqual(
          kinds,
          trace.events.map((e) => e.kind),
        );
        assert.ok(kinds.includes('attempt') && kinds.includes('rejected'), kinds.join(', '));
        assert.match(await page.getByTestId('trace-latency').first().innerText(), /\d+/);
        assert.ok(
          (await page.getByTestId('posting-error').innerText()).includes(
            parked.lastError.reasonText[locale]!,
          ),
        );
        await shot(t, page, 'int-trace', locale);

        // master data: the pulls of the Kingdee connection, pulled now
        await page.goto(`${server.url}/integration/master-data?connection=${erp.id}`);
        await page.getByTestId('sync-table').locator('tr.ant-table-row').first().waitFor();
        await page.getByTestId('pull-accounts').click();
        await page.getByTestId('pull-result').waitFor({ timeout: 20_000 });
        await page.getByTestId('md-table').locator('tr.ant-table-row').first().waitFor();
        await shot(t, page, 'int-master-data', locale);
        assert.deepEqual(problems, []);
      });
    }

    it('shows the API’s refusals beside the fields of the generated forms, with the request id', async (t) => {
      const { page, problems } = await open('en-US');
      await signIn(page, 'admin');
      await page.goto(`${server.url}/integration/connections`);
      await page.getByTestId('new-connection').click();
      await page.getByTestId('connection-name').fill('Kingdee staging');
      await page.getByTestId('connection-type').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .getByText('Kingdee K/3 Cloud (kingdee-k3cloud)')
        .click();
      // an address the connector does not take: only the server knows its schemes
      await page.getByTestId('connection-baseUrl').fill('ftp://erp.example.com/');
      const settings = page.getByTestId('settings-fields');
      await settings.getByTestId('field-acctId').fill('6512f1a0c3e4b5');
      await settings.getByTestId('field-username').fill('demo');
      await settings.getByTestId('field-authKind').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .getByText('password')
        .click();
      await page.getByTestId('credential-fields').getByTestId('field-password').fill('secret');
      await page.getByTestId('save-connection').click();
      const baseUrlItem = page
        .locator('.ant-form-item')
        .filter({ has: page.getByTestId('connection-baseUrl') });
      await baseUrlItem.locator('.ant-form-item-explain-error').waitFor();
      assert.match(await baseUrlItem.innerText(), /http:\/\/ or https:\/\//);
      assert.match(await page.getByTestId('error-notice').innerText(), /Request id: \S+/);
      await shot(t, page, 'int-connection-refused', 'en-US');
      await page.keyboard.press('Escape');

      // a value map pointing at an account the ERP does not have is refused beside that map
      const erp = await kingdee(page);
      await page.goto(`${server.url}/integration/mapping?connection=${erp.id}`);
      await page.getByTestId('profile-versions').locator('tr.ant-table-row').first().waitFor();
      await page.getByRole('tab', { name: 'New version' }).click();
      const accounts = page.getByTestId('value-map-accounts');
      await accounts.getByText('Add a row').click();
      const cells = accounts.locator('input');
      await cells.first().waitFor();
      const count = await cells.count();
      await cells.nth(count - 2).fill('6602');
      await cells.nth(count - 1).fill('NO-SUCH-ACCOUNT');
      await page.getByTestId('save-profile').click();
      await accounts.locator('.ant-form-item-explain-error').waitFor();
      assert.match(await accounts.locator('.ant-form-item-explain-error').innerText(), /6602/);
      await shot(t, page, 'int-mapping-refused', 'en-US');
      assert.deepEqual(problems, []);
    });

    it('fits a phone: the monitor and the dead letters scroll inside their tables, not sideways', async (t) => {
      const { page, problems } = await open('zh-CN', { width: 390, height: 844 });
      await signIn(page, 'admin');
      for (const [path, ready, name] of [
        ['/integration/monitor', 'monitor-connections', 'int-monitor-phone'],
        ['/integration/dead-letters', 'dead-table', 'int-dead-letters-phone'],
      ] as const) {
        await page.goto(`${server.url}${path}`);
        await page.getByTestId(ready).waitFor();
        const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
        assert.ok(width <= 390, `${path} scrolls sideways: ${width}px`);
        await shot(t, page, name, 'zh-CN');
      }
      assert.deepEqual(problems, []);
    });

    it('replays a posting the ERP rejected from the dead-letter page once its cause is fixed', async (t) => {
      const { page, problems } = await open('zh-CN');
      await signIn(page, 'admin');
      const erp = await kingdee(page);
      const parked = await rejectedVoucher(page, erp.id, 'INT-REPLAY-1', '660299X');
      assert.match(parked.lastError?.message ?? '', /660299X/);
      // the cause: map our account 660299X to one the ERP has, in a new mapping-profile version
      const [current] = (
        await call<{ items: { valueMaps: Record<string, Record<string, string>>; settings: unknown }[] }>(
          page,
          'GET',
          `/api/v1/connections/${erp.id}/mapping-profiles`,
        )
      ).items;
      assert.ok(current !== undefined);
      await call(page, 'POST', `/api/v1/connections/${erp.id}/mapping-profiles`, {
        valueMaps: {
          ...current.valueMaps,
          accounts: { ...current.valueMaps['accounts'], '660299X': '660202' },
        },
        settings: current.settings,
        note: '浏览器测试：补充科目映射',
      });

      await page.goto(`${server.url}/integration/dead-letters`);
      const row = page.getByTestId('dead-table').locator('tr.ant-table-row', { hasText: parked.documentId });
      await row.waitFor();
      await row.getByTestId('replay-one').click();
      const posted = await until('the replayed posting posted', async () => {
        const p = await call<Posting>(page, 'GET', `/api/v1/postings/${parked.id}`);
        return p.status === 'posted' ? p : undefined;
      });
      assert.match(posted.erpNumber ?? '', /^JZ/);
      await row.waitFor({ state: 'detached', timeout: 15_000 });
      await shot(t, page, 'int-dead-letters-replayed', 'zh-CN');

      // its trace now runs from the rejection through the replay to the ERP's number
      await page.goto(`${server.url}/integration/postings/${parked.id}`);
      await page.getByTestId('trace-timeline').waitFor();
      const kinds = await page
        .getByTestId('trace-event')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-kind')));
      assert.deepEqual(kinds.slice(-4), ['rejected', 'replayed', 'attempt', 'posted']);
      assert.match(await page.getByTestId('trace').innerText(), new RegExp(posted.erpNumber ?? 'JZ'));
      await shot(t, page, 'int-trace-replayed', 'zh-CN');

      // bulk replay by filter answers with what it replayed
      const second = await rejectedVoucher(page, erp.id, 'INT-REPLAY-2', '660299W');
      await page.goto(`${server.url}/integration/dead-letters`);
      await page
        .getByTestId('dead-table')
        .locator('tr.ant-table-row', { hasText: second.documentId })
        .waitFor();
      await confirmVia(page, page.getByTestId('bulk-replay-submit'));
      const answer = page.getByTestId('bulk-answer');
      await answer.waitFor();
      assert.match(await answer.innerText(), /已重新排队 [1-9]\d* 笔/);
      assert.deepEqual(problems, []);
    });
  });
}

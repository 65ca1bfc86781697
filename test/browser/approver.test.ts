import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_SUPPLIERS } from '../../src/demo/demo-company.ts';
import { digitalInvoiceXml } from '../support/invoices.ts';
import {
  ensureConsoleBuilt,
  findChromium,
  screenshotPath,
  seedPendingTasksInto,
  startServer,
  type RunningServer,
} from './support.ts';

/**
 * A claim's life in the console, in a real browser against the demo: the employee files a claim with
 * a 数电票 XML invoice and submits it; its approvers (line manager, then finance review, by the demo's
 * approval rules) approve it in their inbox; the demo's worker posts it to the Kingdee simulator and
 * the claim shows the ERP voucher number. Also: a rejection's reason on the employee's timeline, bulk
 * approval with each task's outcome, and the inbox on a phone. Screenshots in zh-CN and en-US go to
 * test-artifacts/screenshots/.
 */
const executablePath = findChromium();
const MISSING =
  'Chromium not found: install Debian’s (apt-get install -y chromium) or set FINBRIDGE_CHROMIUM to a Chromium binary';

type Locale = 'zh-CN' | 'en-US';
interface Claim {
  id: string;
  number: string;
  status: string;
  total: string;
  posting: { erpVoucherNumber: string | null } | null;
}

if (executablePath === undefined && process.env['CI'] !== undefined && process.env['CI'] !== '') {
  describe('approver and claim editor in Chromium', () => {
    it('has a Chromium to run in', () => {
      assert.fail(`${MISSING} — .ci/run installs it when missing`);
    });
  });
} else if (executablePath === undefined) {
  describe('approver and claim editor in Chromium', () => {
    it('runs in Chromium', { skip: MISSING }, () => {});
  });
} else {
  describe('approver and claim editor in Chromium', () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const today = new Date().toISOString().slice(0, 10);

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

    const open = async (locale: Locale, viewport = { width: 1280, height: 900 }) => {
      const context = await browser.newContext({ viewport, locale });
      contexts.push(context);
      await context.addInitScript((l) => {
        if (localStorage.getItem('finbridge.locale') === null) localStorage.setItem('finbridge.locale', l);
      }, locale);
      const page = await context.newPage();
      page.setDefaultTimeout(60_000); // two cores shared with the server, its worker and CI
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 40[1349]/.test(m.text()))
          problems.push(`console: ${m.text()}`);
      });
      return { context, page, problems };
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

    /** The same view in both languages: switched as the header's switch remembers it, then back. */
    const shotBoth = async (t: TestContext, page: Page, name: string, ready: string, restore = true) => {
      const first = (await page.evaluate(() => localStorage.getItem('finbridge.locale'))) ?? 'zh-CN';
      const switchTo = async (locale: string) => {
        await page.evaluate((l) => localStorage.setItem('finbridge.locale', l), locale);
        await page.reload();
      };
      for (const locale of [first, first === 'zh-CN' ? 'en-US' : 'zh-CN']) {
        if (locale !== first) await switchTo(locale);
        await page.getByTestId(ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        const path = screenshotPath(name, locale);
        await page.screenshot({ path, fullPage: true });
        t.diagnostic(`screenshot ${path}`);
        console.log(`screenshot: ${path}`);
      }
      if (!restore) return;
      await switchTo(first);
      await page
        .getByTestId(ready)
        .first()
        .waitFor()
        .catch(async (error: unknown) => {
          await page.screenshot({ path: screenshotPath(`${name}-restore-failed`, first), fullPage: true });
          throw error;
        });
    };

    /** The API as the page's session sees it (cookie and CSRF token of the signed-in user). */
    const apiOf =
      (page: Page) =>
      async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
        const me = (await (await page.request.get(`${server.url}/auth/me`)).json()) as { csrfToken: string };
        const res = await page.request.fetch(`${server.url}${path}`, {
          method,
          headers: { 'x-csrf-token': me.csrfToken },
          ...(body === undefined ? {} : { data: body }),
        });
        assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`);
        return (await res.json()) as T;
      };

    /** A small claim of zhang.san's, submitted through the API: one step, his manager chen.wei. */
    const submittedClaim = async (page: Page, title: string, amount: string): Promise<Claim> => {
      const api = apiOf(page);
      const draft = await api<Claim>('POST', '/api/v1/expense-claims', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title,
        currency: 'CNY',
        claimedOn: today,
        lines: [{ categoryCode: 'TAXI', description: '市内打车', occurredOn: today, amount }],
      });
      return api<Claim>('POST', `/api/v1/expense-claims/${draft.id}/submit`);
    };

    /** antd Select: open it, type to filter, take the first match. */
    const choose = async (page: Page, select: ReturnType<Page['getByTestId']>, text: string) => {
      await select.click();
      await page.keyboard.type(text);
      // the option just typed for: the previous select's list may still be fading out beside it
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option-active')
        .filter({ hasText: text })
        .waitFor();
      await page.keyboard.press('Enter');
    };
    const pickDate = async (page: Page, picker: ReturnType<Page['getByTestId']>, day: string) => {
      await picker.click();
      await page.keyboard.type(day);
      await page.keyboard.press('Enter');
    };

    const inboxRow = (page: Page, number: string) =>
      page.getByTestId('inbox-table').locator('.ant-table-row', { hasText: number });

    /** The approver opens the task of a claim in their inbox, checks why it is theirs, and approves it. */
    const approveInInbox = async (t: TestContext, page: Page, claim: Claim, why: RegExp, shots?: string) => {
      await page.goto(`${server.url}/approvals`);
      await inboxRow(page, claim.number).waitFor();
      if (shots !== undefined) await shotBoth(t, page, `${shots}-inbox`, 'inbox-table');
      await inboxRow(page, claim.number).locator('.ant-table-cell').nth(2).click();
      await page.getByTestId('task-panel').waitFor();
      await page.getByTestId('rule-explanation').waitFor();
      assert.match(await page.getByTestId('rule-explanation').innerText(), why);
      await page.getByTestId('budget-impact').waitFor();
      if (shots !== undefined) await shotBoth(t, page, `${shots}-task`, 'budget-impact');
      await page.getByTestId('approve').click();
      await page.waitForURL(/\/approvals$/);
      await page.getByTestId('inbox-table').waitFor();
    };

    it('files a claim with a 数电票 XML invoice, approves it through its chain and shows it posted with the ERP voucher number', async (t) => {
      // the employee, in Chinese
      const employee = await open('zh-CN');
      await signIn(employee.page, 'zhang.san');
      const me = (await (await employee.page.request.get(`${server.url}/auth/me`)).json()) as {
        tenantId: string;
      };
      const company = await apiOf(employee.page)<{ name: string; taxId: string }>(
        'GET',
        `/api/v1/companies/${me.tenantId}`,
      );
      const invoiceNumber = `26317${String(Date.now()).slice(-13).padStart(15, '0')}`;
      const xml = digitalInvoiceXml({
        number: invoiceNumber,
        buyerName: company.name,
        buyerTaxId: company.taxId,
        sellerTaxId: String(DEMO_SUPPLIERS[0]?.['taxId']),
        issueTime: `${today} 09:30:00`,
      });
      const page = employee.page;
      await page.goto(`${server.url}/claims/new`);
      await page.getByTestId('new-claim-form').waitFor();
      const title = `办公用品与差旅 ${Date.now()}`;
      await page.getByTestId('claim-title').fill(title);
      await pickDate(page, page.getByTestId('claim-date'), today);
      await choose(page, page.getByTestId('line-category').nth(0), 'OFFICE');
      await page.getByTestId('line-description').nth(0).fill('打印纸与签字笔');
      await choose(page, page.getByTestId('line-cost-center').nth(0), 'CC-SALES');
      await page
        .getByTestId('invoice-xml-upload')
        .nth(0)
        .locator('input[type=file]')
        .setInputFiles({ name: 'invoice.xml', mimeType: 'text/xml', buffer: Buffer.from(xml) });
      // the invoice at once: duplicate check passed, VAT split by rate, the line filled from it
      const card = page.getByTestId('invoice-card').filter({ hasText: invoiceNumber });
      await card.waitFor();
      const split = await card.getByTestId('vat-split').innerText();
      assert.match(split, /¥1,000\.00/);
      assert.match(split, /¥130\.00/);
      assert.match(split, /¥1,130\.00/);
      assert.match(split, /13%/);
      await card.getByTestId('invoice-check-ok').waitFor();
      assert.equal(await page.getByTestId('line-amount').nth(0).inputValue(), '1130.00');
      // a second line takes the claim over 5,000: the finance review step applies too
      await page.getByText('添加一行').click();
      await choose(page, page.getByTestId('line-category').nth(1), 'TRAVEL');
      await page.getByTestId('line-description').nth(1).fill('上海—杭州往返');
      await pickDate(page, page.getByTestId('line-date').nth(1), today);
      await page.getByTestId('line-amount').nth(1).fill('3987.60');
      await page.keyboard.press('Tab');
      await shotBoth(t, page, 'claim-editor-invoice', 'invoice-card');
      await page.getByTestId('save-claim').click();
      await page.getByTestId('claim-detail').waitFor();
      await page.getByTestId('submit-check').waitFor();
      const id = /\/claims\/([0-9a-f-]{36})/.exec(page.url())?.[1];
      assert.ok(id !== undefined, page.url());
      await page.getByTestId('submit-check').getByTestId('invoice-card').waitFor();
      await shotBoth(t, page, 'claim-before-submit', 'submit-check');
      await page.getByTestId('submit-claim').click();
      await page.getByTestId('approval-progress').waitFor();
      const submitted = await apiOf(page)<Claim>('GET', `/api/v1/expense-claims/${id}`);
      assert.equal(submitted.status, 'approving');
      assert.equal(submitted.total, '5117.60');

      // the line manager (chen.wei), in English
      const manager = await open('en-US');
      await signIn(manager.page, 'chen.wei');
      await approveInInbox(t, manager.page, submitted, /Line manager/, 'approver');
      assert.equal((await apiOf(page)<Claim>('GET', `/api/v1/expense-claims/${id}`)).status, 'approving');

      // finance review (li.min: finance and approver), in Chinese
      const finance = await open('zh-CN');
      await signIn(finance.page, 'li.min');
      await approveInInbox(t, finance.page, submitted, /财务审核[\s\S]*finance/);

      // the demo's worker posts the voucher to the Kingdee simulator; the claim shows its number
      let posted: Claim | undefined;
      for (let i = 0; i < 120 && posted === undefined; i++) {
        const now = await apiOf(page)<Claim>('GET', `/api/v1/expense-claims/${id}`);
        if (now.posting?.erpVoucherNumber != null) posted = now;
        else await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      assert.ok(posted !== undefined, 'the claim was posted to the ERP within 120 s');
      assert.equal(posted.status, 'posted');
      await page.goto(`${server.url}/claims/${id}`);
      await page.getByTestId('claim-detail').waitFor();
      await page.getByTestId('voucher-preview').waitFor();
      assert.equal(await page.getByTestId('erp-voucher').innerText(), posted.posting?.erpVoucherNumber);
      assert.equal(
        await page.locator('[data-testid=claim-detail] [data-status]').first().getAttribute('data-status'),
        'posted',
      );
      await shotBoth(t, page, 'claim-posted', 'voucher-preview', false);
      assert.deepEqual([...employee.problems, ...manager.problems, ...finance.problems], []);
    });

    it('shows the reason of a rejection on the employee’s timeline', async (t) => {
      const employee = await open('zh-CN');
      await signIn(employee.page, 'zhang.san');
      const claim = await submittedClaim(employee.page, `打车 ${Date.now()}`, '66.00');
      const { page, problems } = await open('en-US');
      await signIn(page, 'chen.wei');
      await page.goto(`${server.url}/approvals`);
      await inboxRow(page, claim.number).locator('.ant-table-cell').nth(2).click();
      await page.getByTestId('task-panel').waitFor();
      // no reason: refused beside the comment box, nothing sent
      await page.getByTestId('reject').click();
      const commentItem = page
        .locator('.ant-form-item')
        .filter({ has: page.getByTestId('decision-comment') });
      await commentItem.locator('.ant-form-item-explain-error').waitFor();
      const reason = 'Receipt missing — please attach the taxi receipt';
      await page.getByTestId('decision-comment').fill(reason);
      await page.getByTestId('reject').click();
      await page.waitForURL(/\/approvals$/);

      await employee.page.goto(`${server.url}/claims/${claim.id}`);
      const rejected = employee.page.locator('[data-testid=timeline-step][data-to=rejected]');
      await rejected.waitFor();
      assert.match(await rejected.innerText(), new RegExp(reason));
      await shotBoth(t, employee.page, 'claim-rejected', 'claim-timeline', false);
      assert.deepEqual([...problems, ...employee.problems], []);
    });

    it('delegates a task to another employee, who then has it', async () => {
      const employee = await open('zh-CN');
      await signIn(employee.page, 'zhang.san');
      const claim = await submittedClaim(employee.page, `转交 ${Date.now()}`, '58.00');
      const { page, problems } = await open('en-US');
      await signIn(page, 'chen.wei');
      await page.goto(`${server.url}/approvals`);
      await inboxRow(page, claim.number).locator('.ant-table-cell').nth(2).click();
      await page.getByTestId('task-panel').waitFor();
      await page.getByTestId('delegate').click();
      await page.getByTestId('delegate-to').waitFor();
      // nobody chosen: refused beside the field
      await page.getByTestId('delegate').click();
      const toItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('delegate-to') });
      await toItem.locator('.ant-form-item-explain-error').waitFor();
      await page.getByTestId('delegate-to').click();
      await page.keyboard.type('E009');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'E009' }).click();
      await page.getByTestId('decision-comment').fill('On leave this week');
      await page.getByTestId('delegate').click();
      await page.waitForURL(/\/approvals$/);
      await page.getByTestId('inbox-table').waitFor();
      assert.equal(await inboxRow(page, claim.number).count(), 0);
      const tasks = await apiOf(page)<{
        items: { assignee: string; delegatedFrom: string | null; status: string }[];
      }>('GET', `/api/v1/expense-documents/${claim.id}/approval-tasks`);
      assert.ok(
        tasks.items.some(
          (x) => x.assignee === 'E009' && x.delegatedFrom === 'E010' && x.status === 'pending',
        ),
        JSON.stringify(tasks.items),
      );
      assert.deepEqual(problems, []);
    });

    it('approves selected tasks in bulk, one call each, and shows each task’s outcome', async (t) => {
      const employee = await open('zh-CN');
      await signIn(employee.page, 'zhang.san');
      const stamp = Date.now();
      const first = await submittedClaim(employee.page, `批量一 ${stamp}`, '45.00');
      const second = await submittedClaim(employee.page, `批量二 ${stamp}`, '52.30');
      const decidedElsewhere = await submittedClaim(employee.page, `批量三 ${stamp}`, '38.80');
      const unavailable = await submittedClaim(employee.page, `批量四 ${stamp}`, '41.20');
      const { page, problems } = await open('zh-CN');
      await signIn(page, 'chen.wei');
      await page.goto(`${server.url}/approvals`);
      for (const c of [first, second, decidedElsewhere, unavailable]) {
        const row = inboxRow(page, c.number);
        await row.waitFor();
        await row.locator('.ant-checkbox-input').check();
      }
      assert.match(await page.getByTestId('bulk-approve').innerText(), /4/);
      const api = apiOf(page);
      const tasks = await api<{ items: { id: string; documentId: string }[] }>(
        'GET',
        '/api/v1/approval-tasks',
      );
      const taskOf = (c: Claim) => {
        const task = tasks.items.find((x) => x.documentId === c.id);
        assert.ok(task !== undefined, c.number);
        return task.id;
      };
      // one is decided elsewhere meanwhile (the API refuses the second decision); the server fails
      // on another (it stays pending); the other two go through
      await api('POST', `/api/v1/approval-tasks/${taskOf(decidedElsewhere)}/approve`, {});
      const requestId = 'req-bulk-unavailable';
      await page.route(`**/api/v1/approval-tasks/${taskOf(unavailable)}/approve`, (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          headers: { 'x-request-id': requestId },
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Service Unavailable',
            status: 503,
            code: 'unavailable',
            detail: '服务暂时不可用',
            requestId,
          }),
        }),
      );
      await page.getByTestId('bulk-approve').click();
      const outcome = page.getByTestId('bulk-outcome');
      await outcome.waitFor();
      assert.equal(await outcome.getByTestId('bulk-outcome-row').count(), 4);
      const text = await outcome.innerText();
      assert.match(text, new RegExp(`${first.number}: 已批准`));
      assert.match(text, new RegExp(`${second.number}: 已批准`));
      assert.match(text, new RegExp(`${decidedElsewhere.number}: .*approved`));
      assert.match(text, new RegExp(`${unavailable.number}: 服务暂时不可用 \\(${requestId}\\)`));
      assert.equal(await outcome.locator('[data-ok=false]').count(), 2);
      // the one still pending stays selected, with its error on its row; the decided one left the list
      const failedRow = inboxRow(page, unavailable.number);
      await failedRow.getByTestId('task-error').waitFor();
      assert.ok(await failedRow.locator('.ant-checkbox-input').isChecked());
      assert.equal(await inboxRow(page, decidedElsewhere.number).count(), 0);
      assert.match(await page.getByTestId('bulk-approve').innerText(), /1/);
      await page.screenshot({ path: screenshotPath('approver-bulk', 'zh-CN'), fullPage: true });
      t.diagnostic(`screenshot ${screenshotPath('approver-bulk', 'zh-CN')}`);
      for (const c of [first, second]) {
        const now = await apiOf(employee.page)<Claim>('GET', `/api/v1/expense-claims/${c.id}`);
        assert.ok(['approved', 'posted'].includes(now.status), `${c.number}: ${now.status}`);
      }
      assert.deepEqual(
        problems.filter((p) => !/status of 503/.test(p)),
        [],
      );
    });

    it('fits a phone: the inbox is a card list', async (t) => {
      const employee = await open('zh-CN');
      await signIn(employee.page, 'zhang.san');
      const claim = await submittedClaim(employee.page, `手机审批 ${Date.now()}`, '73.00');
      const { page, problems } = await open('zh-CN', { width: 390, height: 844 });
      await signIn(page, 'chen.wei');
      await page.goto(`${server.url}/approvals`);
      await page.getByTestId('inbox-cards').waitFor();
      assert.equal(await page.getByTestId('inbox-table').count(), 0);
      const card = page.getByTestId('inbox-card').filter({ hasText: claim.number });
      await card.waitFor();
      const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
      assert.ok(width <= 390, `the page scrolls sideways: ${width}px`);
      await shotBoth(t, page, 'approver-inbox-phone', 'inbox-cards');
      await card.getByTestId('open-task').click();
      await page.getByTestId('task-panel').waitFor();
      await page.getByTestId('approve').click();
      await page.waitForURL(/\/approvals$/);
      assert.deepEqual(problems, []);
    });

    it('counts a long inbox in the menu and the header, loads it page by page as it scrolls, and bulk-approves rows loaded late', async (t) => {
      // more than one page of tasks for the accountant (zhao.jing, finance review), put in through the store
      await seedPendingTasksInto(server, {
        count: 650,
        approver: 'E003',
        claimant: 'E011',
        departmentCode: 'SALES-E',
        categoryCode: 'TAXI',
        now: new Date(),
        sameInstant: 20,
        stepMs: 3_600_000, // one group an hour: the oldest are past the 24 h SLA, a few due soon
        kinds: ['claim', 'claim', 'request'],
        riskyEvery: 7,
        titlePrefix: '长列表',
      });
      const { page, problems } = await open('zh-CN');
      await signIn(page, 'zhao.jing');
      const api = apiOf(page);
      type Counts = {
        pending: number;
        dueSoon: number;
        overdue: number;
        risky: number;
        byKind: Record<'claim' | 'request' | 'advance', { pending: number }>;
      };
      const counts = await api<Counts>('GET', '/api/v1/approval-tasks/counts');
      assert.ok(counts.pending >= 650 && counts.overdue > 0, JSON.stringify(counts));
      // the menu's badge, on every page
      const badge = page.getByTestId('main-menu').getByTestId('approvals-badge');
      await badge.waitFor();
      assert.equal(await badge.getAttribute('data-count'), String(counts.pending));

      await page.goto(`${server.url}/approvals`);
      const header = async (id: string) => page.getByTestId(id).getAttribute('data-count');
      await page.locator(`[data-testid=count-pending][data-count="${counts.pending}"]`).waitFor();
      assert.equal(await header('count-overdue'), String(counts.overdue));
      assert.equal(await header('count-due-soon'), String(counts.dueSoon));
      assert.equal(await header('count-risky'), String(counts.risky));
      // the first page only, oldest first, as the API gives it
      const loaded = page.getByTestId('inbox-loaded');
      await page.locator('[data-testid=inbox-loaded][data-loaded="100"]').waitFor();
      const first = await api<{ items: { document: { number: string } }[] }>(
        'GET',
        '/api/v1/approval-tasks?limit=1',
      );
      const rows = page.getByTestId('inbox-table').locator('.ant-table-row');
      assert.match(await rows.first().innerText(), new RegExp(first.items[0]!.document.number));
      assert.ok((await rows.count()) < 100, 'only the rows in view are drawn');
      await shotBoth(t, page, 'approver-inbox-long', 'inbox-loaded');

      // scrolling to the end of what is loaded fetches the next page, until every task is there
      const holder = page.getByTestId('inbox-table').locator('.ant-table-tbody-virtual-holder');
      for (let i = 0; i < 20 && (await loaded.getAttribute('data-done')) !== 'true'; i++) {
        const before = Number(await loaded.getAttribute('data-loaded'));
        await holder.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        // the next page is on its way: wait for it (or for the end)
        for (let k = 0; k < 300; k++) {
          if (Number(await loaded.getAttribute('data-loaded')) > before) break;
          if ((await loaded.getAttribute('data-done')) === 'true') break;
          await page.waitForTimeout(100);
        }
      }
      assert.equal(await loaded.getAttribute('data-done'), 'true');
      assert.equal(Number(await loaded.getAttribute('data-loaded')), counts.pending);
      // two of the rows loaded last, at the end of the list, are approved together
      await holder.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await rows.last().waitFor();
      const drawn = (await rows.locator('.ant-table-cell:nth-child(2)').allInnerTexts()).map((x) => x.trim());
      const numbers = drawn.slice(-6, -4);
      assert.equal(numbers.length, 2, drawn.join(','));
      // The virtual list draws only the rows in view, and a refresh of the inbox can move the view: scroll
      // back to the end until the row is drawn (seen once in CI: the row never came back into view).
      for (const number of numbers) {
        const box = inboxRow(page, number).locator('.ant-checkbox-input');
        for (let tries = 0; (await box.count()) === 0 && tries < 50; tries++) {
          await holder.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
          await page.waitForTimeout(200);
        }
        await box.check();
      }
      await page.getByTestId('bulk-approve').click();
      const outcome = page.getByTestId('bulk-outcome');
      await outcome.waitFor();
      assert.equal(await outcome.locator('[data-ok=true]').count(), 2, await outcome.innerText());
      await page.locator(`[data-testid=count-pending][data-count="${counts.pending - 2}"]`).waitFor();
      await page.locator(`[data-testid=approvals-badge][data-count="${counts.pending - 2}"]`).waitFor();
      assert.equal(Number(await loaded.getAttribute('data-loaded')), counts.pending - 2);
      for (const number of numbers) assert.equal(await inboxRow(page, number).count(), 0, number);

      // a filter the API applies: requests only, counted apart
      const requests = (await api<Counts>('GET', '/api/v1/approval-tasks/counts')).byKind.request.pending;
      await page.getByTestId('inbox-filter').getByText(`申请单 ${requests}`).click();
      await page.locator('[data-testid=inbox-loaded][data-loaded="100"]').waitFor();
      assert.match(await loaded.innerText(), new RegExp(`/ ${requests}`));
      const kinds = await rows.locator('.ant-table-cell:nth-child(4)').allInnerTexts();
      assert.ok(kinds.length > 0 && kinds.every((k) => k.trim() === '申请单'), kinds.join(','));
      assert.deepEqual(problems, []);
    });

    it('shows the employee the dry run before submitting, the steps skipped and why, their requests and advances, and a reversal’s status', async (t) => {
      const { page, problems } = await open('zh-CN');
      await signIn(page, 'zhang.san');
      const api = apiOf(page);
      const stamp = Date.now();
      // a small claim: the dry run lists its chain (the line manager; the steps above 5,000 skipped)
      const draft = await api<Claim>('POST', '/api/v1/expense-claims', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: `试运行 ${stamp}`,
        currency: 'CNY',
        claimedOn: today,
        lines: [{ categoryCode: 'TAXI', description: '市内打车', occurredOn: today, amount: '64.00' }],
      });
      await page.goto(`${server.url}/claims/${draft.id}`);
      await page.locator('[data-testid=submission-check][data-ready=true]').waitFor();
      await page.locator('[data-testid=chain-step][data-step=manager]:not([data-skipped])').waitFor();
      const finance = page.locator('[data-testid=chain-step][data-step=finance]');
      assert.equal(await finance.getAttribute('data-skipped'), 'amount_not_above');
      assert.match(await finance.innerText(), /金额未超过 ¥5,000\.00/);
      await shotBoth(t, page, 'claim-dry-run', 'submission-check');
      // the dry run changed nothing
      const still = await api<Claim & { version: number }>('GET', `/api/v1/expense-claims/${draft.id}`);
      assert.equal(still.status, 'draft');
      await page.getByTestId('submit-claim').click();
      const skipped = page.locator('[data-testid=skipped-step][data-step=finance]');
      await skipped.waitFor();
      assert.equal(await skipped.getAttribute('data-reason'), 'amount_not_above');
      await page.getByTestId('approval-progress').waitFor();

      // one over a blocking budget: the refusal before submitting, beside its line; Submit is held back
      const over = await api<Claim>('POST', '/api/v1/expense-claims', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: `超预算 ${stamp}`,
        currency: 'CNY',
        claimedOn: today,
        lines: [{ categoryCode: 'TRAVEL', description: '大额差旅', occurredOn: today, amount: '990000.00' }],
      });
      await page.goto(`${server.url}/claims/${over.id}`);
      const blocker = page.locator('[data-testid=check-blocker][data-code=budget_exceeded]');
      await blocker.waitFor();
      assert.match(await blocker.innerText(), /^第 1 行：预算不足/);
      assert.equal(await page.getByTestId('submit-claim').isDisabled(), true);

      // requests and advances have tabs of their own
      const request = await api<Claim>('POST', '/api/v1/expense-requests', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: `展会差旅申请 ${stamp}`,
        currency: 'CNY',
        requestedOn: today,
        lines: [{ categoryCode: 'TRAVEL', description: '机票与住宿', occurredOn: today, amount: '3000.00' }],
      });
      const advance = await api<Claim>('POST', '/api/v1/advances', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: `出差借款 ${stamp}`,
        currency: 'CNY',
        amount: '2000.00',
        requestedOn: today,
      });
      await page.goto(`${server.url}/claims`);
      await page.getByTestId('my-documents-tabs').locator('[data-tab=requests]').click();
      await page.waitForURL(/tab=requests/);
      const table = page.getByTestId('claims-table');
      await table.locator('.ant-table-row', { hasText: request.number }).waitFor();
      await page.getByTestId('my-documents-tabs').locator('[data-tab=advances]').click();
      const advanceRow = table.locator('.ant-table-row', { hasText: advance.number });
      await advanceRow.waitFor();
      assert.match(await advanceRow.innerText(), /¥2,000\.00[\s\S]*¥2,000\.00/);
      await advanceRow.getByTestId('open-claim').click();
      await page.getByTestId('advance-outstanding').waitFor();
      assert.equal(await page.getByTestId('advance-outstanding').innerText(), '¥2,000.00');
      await page.locator('[data-testid=submission-check][data-ready=true]').waitFor();

      // a posted claim reversed by finance: the employee sees why, when, and the ERP's red voucher
      const claim = await submittedClaim(page, `红冲 ${stamp}`, '72.00');
      const manager = await open('zh-CN');
      await signIn(manager.page, 'chen.wei');
      const tasks = await apiOf(manager.page)<{ items: { id: string; status: string }[] }>(
        'GET',
        `/api/v1/expense-documents/${claim.id}/approval-tasks`,
      );
      const pending = tasks.items.find((x) => x.status === 'pending');
      assert.ok(pending !== undefined);
      await apiOf(manager.page)('POST', `/api/v1/approval-tasks/${pending.id}/approve`, {});
      const until = async <T>(what: string, probe: () => Promise<T | undefined>) => {
        for (let i = 0; i < 120; i++) {
          const value = await probe();
          if (value !== undefined) return value;
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
        assert.fail(`${what} within 120 s`);
      };
      await until('the claim posted', async () => {
        const now = await api<Claim>('GET', `/api/v1/expense-claims/${claim.id}`);
        return now.status === 'posted' ? now : undefined;
      });
      const financeUser = await open('zh-CN');
      await signIn(financeUser.page, 'li.min');
      const reason = '重复报销，冲销原凭证';
      await apiOf(financeUser.page)('POST', `/api/v1/expense-claims/${claim.id}/reverse`, { reason });
      const red = await until('the red-letter voucher in the ERP', async () => {
        const now = await api<Claim & { posting: { erpReversalNumber: string | null } | null }>(
          'GET',
          `/api/v1/expense-claims/${claim.id}`,
        );
        return now.posting?.erpReversalNumber ?? undefined;
      });
      await page.goto(`${server.url}/claims?status=reversed`);
      const reversedRow = table.locator('.ant-table-row', { hasText: claim.number });
      await reversedRow.waitFor();
      assert.equal(await reversedRow.getByTestId('reversal-tag').getAttribute('data-state'), 'posted');
      assert.match(await reversedRow.getByTestId('reversal-tag').innerText(), new RegExp(red));
      await reversedRow.getByTestId('open-claim').click();
      const status = page.getByTestId('reversal-status');
      await status.waitFor();
      assert.equal(await status.getAttribute('data-state'), 'posted');
      assert.match(await status.innerText(), new RegExp(red));
      assert.match(await page.getByTestId('reversal-reason').innerText(), new RegExp(reason));
      await shotBoth(t, page, 'claim-reversed', 'reversal-status', false);
      assert.deepEqual([...problems, ...manager.problems, ...financeUser.problems], []);
    });
  });
}

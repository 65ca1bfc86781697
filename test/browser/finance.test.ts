import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  callApi,
  confirmVia,
  ensureConsoleBuilt,
  findChromium,
  openConsole,
  screenshotBothLocales,
  screenshotPath,
  signIn,
  startServer,
  type ConsoleLocale,
  type RunningServer,
} from './support.ts';

/**
 * The finance staff's pages in a real browser (Debian's Chromium) against the demo, signed in as the
 * demo's accountant zhao.jing (role finance): the audit queue (a claim's audit findings, approved),
 * budgets (the execution chart; a refused amount beside its field, then a new amount saved), closed
 * periods (last month closed, a claim dated in it refused, reopened), the rules explained for a claim,
 * payments to make (a payment recorded) and a claim's postings with the ERP voucher number and trace.
 * Screenshots of every page in zh-CN and en-US go to test-artifacts/screenshots/.
 */
const executablePath = findChromium();
const MISSING =
  'Chromium not found: install Debian’s (apt-get install -y chromium) or set FINBRIDGE_CHROMIUM to a Chromium binary';

interface Claim {
  id: string;
  number: string;
  status: string;
  total: string;
  posting: { id: string; erpVoucherNumber: string | null } | null;
}
interface Task {
  id: string;
  documentId: string;
  stepId: string;
}
interface Budget {
  id: string;
  departmentCode: string;
  categoryCode: string;
  period: string;
  amount: { amount: string };
}

if (executablePath === undefined && process.env['CI'] !== undefined && process.env['CI'] !== '') {
  describe('finance pages in Chromium', () => {
    it('has a Chromium to run in', () => {
      assert.fail(`${MISSING} — .ci/run installs it when missing`);
    });
  });
} else if (executablePath === undefined) {
  describe('finance pages in Chromium', () => {
    it('runs in Chromium', { skip: MISSING }, () => {});
  });
} else {
  describe('finance pages in Chromium', () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    /** The claim taken through finance review in the first test, paid and traced in the later ones. */
    let reviewed: Claim | undefined;
    const pages: { page: Page; problems: string[] }[] = [];

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

    const as = async (username: string, locale: ConsoleLocale = 'zh-CN'): Promise<Page> => {
      const opened = await openConsole(browser, locale);
      contexts.push(opened.context);
      await signIn(opened.page, server, username);
      pages.push(opened); // its problems are checked at the end of each test
      return opened.page;
    };
    const noProblems = () =>
      assert.deepEqual(
        pages.flatMap((p) => p.problems),
        [],
      );
    const api = async <T>(
      page: Page,
      method: 'GET' | 'POST' | 'PUT' | 'PATCH',
      path: string,
      body?: unknown,
    ) => {
      const res = await callApi(page, server, method, path, body);
      assert.ok(
        res.status >= 200 && res.status < 300,
        `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body as T;
    };
    const until = async <T>(what: string, probe: () => Promise<T | undefined>, ms = 120_000): Promise<T> => {
      const end = Date.now() + ms;
      for (;;) {
        const found = await probe();
        if (found !== undefined) return found;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    const row = (page: Page, table: string, text: string) =>
      page.getByTestId(table).locator('.ant-table-row', { hasText: text });

    it('audit queue: shows what the audit rules found on a claim at finance review, and approves it', async (t) => {
      // zhang.san's claim above 5,000 (a round amount): his manager chen.wei approves, finance review is next
      const employee = await as('zhang.san');
      const draft = await api<Claim>(employee, 'POST', '/api/v1/expense-claims', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: `财务审核 ${Date.now()}`,
        currency: 'CNY',
        claimedOn: today,
        lines: [
          { categoryCode: 'TAXI', description: '客户拜访包车', occurredOn: today, amount: '5200.00' },
          { categoryCode: 'TAXI', description: '市内打车', occurredOn: today, amount: '86.40' },
        ],
      });
      const submitted = await api<Claim>(employee, 'POST', `/api/v1/expense-claims/${draft.id}/submit`);
      const manager = await as('chen.wei');
      const managerTask = (await api<{ items: Task[] }>(manager, 'GET', '/api/v1/approval-tasks')).items.find(
        (x) => x.documentId === draft.id,
      );
      assert.ok(managerTask, 'chen.wei has the first step');
      await api(manager, 'POST', `/api/v1/approval-tasks/${managerTask.id}/approve`, {});

      const page = await as('zhao.jing');
      // the finance pages are on the accountant's home page
      for (const id of ['audit', 'budgets', 'periods', 'rules', 'payments', 'postings'])
        await page.getByTestId(`home-card-finance-${id}`).waitFor();
      await page.getByTestId('home-card-finance-audit').click();
      await row(page, 'audit-table', submitted.number).waitFor();
      // the language switch in the header changes the page at once
      await page.getByTestId('language-switch').getByText('English').click();
      await page.getByText('Audit queue', { exact: true }).first().waitFor();
      assert.match(await row(page, 'audit-table', submitted.number).innerText(), /Round amount/);
      await page.getByTestId('language-switch').getByText('简体中文').click();
      await page.getByText('待财务审核', { exact: true }).first().waitFor();
      await screenshotBothLocales(t, page, 'finance-audit-queue', 'audit-table');

      await row(page, 'audit-table', submitted.number).click();
      await page.getByTestId('audit-panel').waitFor();
      await page.getByTestId('audit-rules').waitFor();
      const fired = page.locator('[data-testid=audit-rule][data-fired=true]');
      await fired.first().waitFor();
      assert.ok(
        (await fired.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-rule')))).includes(
          'round_amount',
        ),
      );
      await page.getByTestId('audit-voucher').waitFor();
      await screenshotBothLocales(t, page, 'finance-audit-task', 'audit-voucher');
      // returning needs a reason: refused beside the comment box, nothing sent
      await page.getByTestId('audit-return').click();
      await page
        .locator('.ant-form-item')
        .filter({ has: page.getByTestId('audit-comment') })
        .locator('.ant-form-item-explain-error')
        .waitFor();
      await page.getByTestId('audit-approve').click();
      await page.waitForURL(/\/finance\/audit$/);
      await page.getByTestId('audit-table').waitFor();
      await until('the row leaves the queue', async () =>
        (await row(page, 'audit-table', submitted.number).count()) === 0 ? true : undefined,
      );
      const decided = await api<Claim>(page, 'GET', `/api/v1/expense-claims/${draft.id}`);
      assert.ok(['approved', 'posted'].includes(decided.status), decided.status);
      reviewed = decided;
      noProblems();
    });

    it('budgets: draws the execution chart, refuses a negative amount beside its field, then saves a new amount', async (t) => {
      const page = await as('zhao.jing', 'en-US');
      await page.goto(`${server.url}/finance/budgets`);
      await page.getByTestId('budget-chart').locator('canvas').first().waitFor();
      await screenshotBothLocales(t, page, 'finance-budgets', 'budget-chart');
      const budgets = await api<{ items: Budget[] }>(
        page,
        'GET',
        '/api/v1/budgets?departmentCode=SALES-E&categoryCode=TRAVEL',
      );
      const travel = budgets.items[0];
      assert.ok(travel, 'the demo has a SALES-E travel budget');
      const line = row(page, 'budget-table', 'SALES-E')
        .filter({ hasText: 'TRAVEL' })
        .filter({ hasText: travel.period });
      await line.getByTestId('budget-edit').click();
      const amount = page.getByTestId('budget-amount-input');
      await amount.fill('-100.00');
      await page.getByTestId('budget-save').click();
      const fieldError = page
        .locator('.ant-form-item')
        .filter({ has: amount })
        .locator('.ant-form-item-explain-error');
      await fieldError.waitFor();
      assert.notEqual((await fieldError.innerText()).trim(), '');
      await page.screenshot({ path: screenshotPath('finance-budget-refused', 'en-US'), fullPage: true });
      await amount.fill('65432.10');
      await page.getByTestId('budget-save').click();
      await page.getByTestId('budget-form').waitFor({ state: 'hidden' });
      await line.getByText('¥65,432.10').waitFor();
      const saved = await api<{ items: Budget[] }>(
        page,
        'GET',
        '/api/v1/budgets?departmentCode=SALES-E&categoryCode=TRAVEL',
      );
      assert.equal(saved.items.find((b) => b.id === travel.id)?.amount.amount, '65432.10');
      noProblems();
    });

    it('closed periods: closes last month, a claim dated in it is refused, then reopens it', async (t) => {
      const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
      const period = last.toISOString().slice(0, 7);
      const page = await as('zhao.jing');
      await page.goto(`${server.url}/finance/periods?year=${period.slice(0, 4)}`);
      const line = page.locator(`[data-testid=period-table] [data-period="${period}"]`);
      await confirmVia(page, line.getByTestId('period-close'));
      await line.locator('[data-status=closed]').waitFor();
      const listed = await api<{ items: { period: string; closedBy: string }[] }>(
        page,
        'GET',
        '/api/v1/periods',
      );
      assert.match(listed.items.find((p) => p.period === period)?.closedBy ?? '', /zhao\.jing/);
      await screenshotBothLocales(t, page, 'finance-periods', 'period-table');

      // a new claim line dated in that period cannot be submitted
      const employee = await as('zhang.san');
      const dated = last.toISOString().slice(0, 10);
      const draft = await api<Claim>(employee, 'POST', '/api/v1/expense-claims', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: `上月打车 ${Date.now()}`,
        currency: 'CNY',
        claimedOn: dated,
        lines: [{ categoryCode: 'TAXI', description: '补报打车', occurredOn: dated, amount: '42.00' }],
      });
      const refused = await callApi(employee, server, 'POST', `/api/v1/expense-claims/${draft.id}/submit`);
      const problem = refused.body as { code: string; errors: { pointer: string }[] };
      assert.equal(refused.status, 422);
      assert.equal(problem.code, 'period_closed');
      assert.equal(problem.errors[0]?.pointer, '/claimedOn');

      await confirmVia(page, line.getByTestId('period-reopen'));
      await line.locator('[data-status=open]').waitFor();
      const again = await callApi(employee, server, 'POST', `/api/v1/expense-claims/${draft.id}/submit`);
      assert.equal(again.status, 200, JSON.stringify(again.body));
      noProblems();
    });

    it('rules: shows the audit and posting rules, and explains which rule applied to a claim and why', async (t) => {
      assert.ok(reviewed, 'the audit-queue test left a claim');
      const page = await as('zhao.jing');
      await page.goto(`${server.url}/finance/rules`);
      await page.getByTestId('audit-rule-table').waitFor();
      await screenshotBothLocales(t, page, 'finance-rules-audit', 'audit-rule-table');
      await page.getByTestId('tab-posting').click();
      await page.getByTestId('posting-accounts').waitFor();
      await page.getByTestId('tab-explain').click();
      await page.getByTestId('explain-claim').click();
      await page.keyboard.type(reviewed.number);
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option-active')
        .filter({ hasText: reviewed.number })
        .waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId('explain-lines').waitFor();
      // SALES-E is a sales department: the taxi lines go to the category's sales account
      assert.deepEqual(
        await page
          .getByTestId('explain-why')
          .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-source'))),
        ['category_sales', 'category_sales'],
      );
      assert.deepEqual(
        (await page.getByTestId('explain-account').allInnerTexts()).map((x) => x.trim()),
        ['660103', '660103'],
      );
      await page.locator('[data-testid=explain-rule][data-rule=round_amount][data-fired=true]').waitFor();
      await page.getByTestId('explain-voucher').waitFor();
      await screenshotBothLocales(t, page, 'finance-rules-explain', 'explain-voucher');
      noProblems();
    });

    it('payments to make: lists posted claims with the total to pay in ¥, and records a payment', async (t) => {
      assert.ok(reviewed, 'the audit-queue test left a claim');
      const id = reviewed.id;
      const page = await as('zhao.jing');
      const posted = await until('the reviewed claim posted to the ERP', async () => {
        const c = await api<Claim>(page, 'GET', `/api/v1/expense-claims/${id}`);
        return c.status === 'posted' ? c : undefined;
      });
      reviewed = posted;
      await page.goto(`${server.url}/finance/payments`);
      const line = row(page, 'payment-table', posted.number);
      await line.waitFor();
      assert.match(await line.getByTestId('payable').innerText(), /¥5,286\.40/);
      const totalBefore = await page.getByTestId('payment-total').first().innerText();
      assert.match(totalBefore, /^¥[\d,]+\.\d{2}$/);
      await screenshotBothLocales(t, page, 'finance-payments', 'payment-table');
      await line.getByTestId('pay').click();
      await page.getByTestId('pay-reference').fill('B20261130-001');
      await page.getByTestId('pay-confirm').click();
      await page.getByTestId('pay-form').waitFor({ state: 'hidden' });
      await until('the paid claim leaves the list', async () =>
        (await line.count()) === 0 ? true : undefined,
      );
      const cents = (text: string) => BigInt(text.replace(/[^\d]/g, ''));
      await until('the total drops by what was paid', async () => {
        const now = await page.getByTestId('payment-total').first().innerText();
        return cents(totalBefore) - cents(now) === 528640n ? true : undefined;
      });
      const paid = await api<Claim>(page, 'GET', `/api/v1/expense-claims/${id}`);
      assert.equal(paid.status, 'paid');
      noProblems();
    });

    it('postings per claim: shows the claim’s voucher posting with the ERP number, and its trace', async (t) => {
      assert.ok(reviewed?.posting?.erpVoucherNumber, 'the reviewed claim was posted');
      const claim = reviewed;
      const page = await as('zhao.jing', 'en-US');
      await page.goto(`${server.url}/finance/postings`);
      await page.getByTestId('posted-claims').waitFor();
      await screenshotBothLocales(t, page, 'finance-postings', 'posted-claims');
      await page.getByTestId('postings-search').fill(claim.number);
      await row(page, 'posted-claims', claim.number).click();
      const postings = page.getByTestId('claim-postings');
      await postings.getByTestId('posting-erp-number').first().waitFor();
      assert.equal(
        (await postings.getByTestId('posting-erp-number').first().innerText()).trim(),
        claim.posting?.erpVoucherNumber,
      );
      // finance may not open the integration pages: no link there, the trace opens beside the list
      assert.equal(await postings.getByTestId('posting-integration-link').count(), 0);
      await page.screenshot({ path: screenshotPath('finance-claim-postings', 'en-US'), fullPage: true });
      await postings.getByTestId('posting-trace').first().click();
      await page.waitForURL(/\/finance\/postings\/[0-9a-f-]{36}$/);
      await page.locator('[data-testid=trace-event][data-kind=posted]').first().waitFor();
      await screenshotBothLocales(t, page, 'finance-posting-trace', 'trace-timeline');
      noProblems();
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  callApi,
  ensureConsoleBuilt,
  findChromium,
  openConsole,
  screenshotBothLocales,
  signIn,
  startServer,
  type ConsoleLocale,
  type RunningServer,
} from './support.ts';

/**
 * Payment batches in a real browser against the demo: the accountant zhao.jing makes a batch from a
 * posted claim on the page, the finance manager li.min approves it (zhao.jing, its maker, cannot),
 * zhao.jing downloads the ICBC file (GBK), marks the batch sent and records the transfer returned —
 * the claim is payable again. Screenshots of the page in zh-CN and en-US.
 */
const executablePath = findChromium();
const MISSING =
  'Chromium not found: install Debian’s (apt-get install -y chromium) or set FINBRIDGE_CHROMIUM to a Chromium binary';

interface Claim {
  id: string;
  number: string;
  status: string;
}

if (executablePath === undefined && process.env['CI'] !== undefined && process.env['CI'] !== '') {
  describe('payment batches in Chromium', () => {
    it('has a Chromium to run in', () => {
      assert.fail(`${MISSING} — .ci/run installs it when missing`);
    });
  });
} else if (executablePath === undefined) {
  describe('payment batches in Chromium', () => {
    it('runs in Chromium', { skip: MISSING }, () => {});
  });
} else {
  describe('payment batches in Chromium', () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const opened: { problems: string[] }[] = [];
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

    const as = async (username: string, locale: ConsoleLocale = 'zh-CN'): Promise<Page> => {
      const o = await openConsole(browser, locale);
      contexts.push(o.context);
      opened.push(o);
      await signIn(o.page, server, username);
      return o.page;
    };
    const api = async <T>(page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => {
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

    it('makes, approves (not by its maker), downloads, sends and records a returned transfer on the page', async (t) => {
      const employee = await as('zhang.san');
      const draft = await api<Claim>(employee, 'POST', '/api/v1/expense-claims', {
        employeeCode: 'E011',
        departmentCode: 'SALES-E',
        title: `付款批次 ${Date.now()}`,
        currency: 'CNY',
        claimedOn: today,
        lines: [{ categoryCode: 'TAXI', description: '市内打车', occurredOn: today, amount: '88.60' }],
      });
      await api(employee, 'POST', `/api/v1/expense-claims/${draft.id}/submit`);
      const manager = await as('chen.wei');
      const task = (
        await api<{ items: { id: string; documentId: string }[] }>(manager, 'GET', '/api/v1/approval-tasks')
      ).items.find((x) => x.documentId === draft.id);
      assert.ok(task, 'chen.wei has the task');
      await api(manager, 'POST', `/api/v1/approval-tasks/${task.id}/approve`, {});
      const maker = await as('zhao.jing');
      await until('the claim posted', async () => {
        const c = await api<Claim>(maker, 'GET', `/api/v1/expense-claims/${draft.id}`);
        return c.status === 'posted' ? c : undefined;
      });
      // the payee's salary card and the company's account, as finance keeps them
      const employees = await api<{ items: { id: string; code: string }[] }>(
        maker,
        'GET',
        '/api/v1/employees?limit=200',
      );
      const e011 = employees.items.find((e) => e.code === 'E011');
      await api(maker, 'PATCH', `/api/v1/employees/${e011?.id}`, { bankAccount: '6222021000000011' });
      await api(maker, 'POST', '/api/v1/bank-statements/accounts', {
        code: 'ICBC-01',
        accountNumber: '31001234560000001',
        name: '演示科技有限公司',
        currency: 'CNY',
        openedOn: '2026-01-01',
        openingBalance: '0.00',
        default: true,
      });

      await maker.goto(`${server.url}/finance/payment-batches`);
      const payable = maker
        .getByTestId('batch-payables')
        .locator('.ant-table-row', { hasText: draft.number });
      await payable.locator('.ant-checkbox-input').check();
      await maker.getByTestId('batch-account').click();
      await maker.locator('.ant-select-item-option', { hasText: 'ICBC-01' }).click();
      await maker.getByTestId('batch-create').click();
      await maker.getByTestId('batch-detail-status').filter({ hasText: '草稿' }).waitFor();
      // the maker cannot approve: refused, the batch stays a draft
      await maker.getByTestId('batch-approve').click();
      await maker.locator('.ant-alert-error').first().waitFor();
      const batches = await api<{ items: { id: string; number: string; status: string }[] }>(
        maker,
        'GET',
        '/api/v1/payment-batches',
      );
      const made = batches.items[0];
      assert.equal(made?.status, 'draft');

      const checker = await as('li.min');
      await checker.goto(`${server.url}/finance/payment-batches`);
      await checker.getByTestId('batch-table').locator('.ant-table-row', { hasText: made.number }).click();
      await checker.getByTestId('batch-approve').click();
      await checker.getByTestId('batch-detail-status').filter({ hasText: '已审批' }).waitFor();

      await maker.reload();
      await maker.getByTestId('batch-table').locator('.ant-table-row', { hasText: made.number }).click();
      await maker.getByTestId('batch-format').click();
      await maker.locator('.ant-select-item-option', { hasText: '中国工商银行' }).click();
      const downloading = maker.waitForEvent('download');
      await maker.getByTestId('batch-file').click();
      const download = await downloading;
      assert.match(download.suggestedFilename(), /\.icbc\.csv$/);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const text = iconv.decode(Buffer.concat(chunks), 'gbk');
      assert.match(text, /收款账号/);
      assert.match(text, /6222021000000011,张三,,88\.60/);
      await maker.getByTestId('batch-send').click();
      await maker.getByTestId('batch-detail-status').filter({ hasText: '已发送' }).waitFor();
      assert.equal((await api<Claim>(maker, 'GET', `/api/v1/expense-claims/${draft.id}`)).status, 'paid');
      await maker.getByTestId('batch-drawer').locator('.ant-drawer-close').click();
      await screenshotBothLocales(t, maker, 'finance-payment-batches', 'batch-table');

      await maker.getByTestId('batch-table').locator('.ant-table-row', { hasText: made.number }).click();
      await maker.getByTestId('line-return').click();
      await maker.getByTestId('line-return-reason').fill('户名不符');
      await maker.getByTestId('line-return-confirm').click();
      await maker.getByTestId('batch-detail-status').filter({ hasText: '已退票' }).waitFor();
      assert.equal((await api<Claim>(maker, 'GET', `/api/v1/expense-claims/${draft.id}`)).status, 'posted');
      await maker.getByTestId('batch-drawer').locator('.ant-drawer-close').click();
      await maker
        .getByTestId('batch-payables')
        .locator('.ant-table-row', { hasText: draft.number })
        .waitFor();
      assert.deepEqual(
        opened.flatMap((o) => o.problems),
        [],
      );
    });
  });
}

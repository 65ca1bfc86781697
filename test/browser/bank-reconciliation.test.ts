import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  callApi,
  ensureConsoleBuilt,
  findChromium,
  openConsole,
  screenshot,
  screenshotBothLocales,
  signIn,
  startServer,
  type RunningServer,
} from './support.ts';

/**
 * Bank reconciliation and Hub ↔ ERP reconciliation in a real browser against the demo. zhao.jing
 * (finance) registers the CMB account, imports a broken MT940 file (every wrong line listed, nothing
 * imported), then the real one (test/fixtures/bank/mt940-cmb.sta); matches a line to a book entry by
 * dragging it, a line to two entries (many to one) by dragging it onto ticked entries, runs the automatic
 * matching (score and reasons), unmatches with a confirmation and matches again with the keyboard
 * alternative; sees the 银行存款余额调节表 of November balance. Then reconciles the demo Kingdee
 * connection: a clean report, then — after a voucher is altered and another deleted in the simulator
 * behind FinBridge's back — a report with those differences, the workbook, and a re-post. Screenshots in
 * zh-CN and en-US (the language switched once), and the phone layout.
 */
const executablePath = findChromium();
const MISSING =
  'Chromium not found: install Debian’s (apt-get install -y chromium) or set FINBRIDGE_CHROMIUM to a Chromium binary';
const FIXTURE = new URL('../fixtures/bank/mt940-cmb.sta', import.meta.url);

interface Entry {
  id: string;
  amount: string;
}
interface Summary {
  byConnection: {
    connectionId: string;
    type: string;
    byStatus: Record<string, number>;
  }[];
}

if (executablePath === undefined && process.env['CI'] !== undefined && process.env['CI'] !== '') {
  describe('bank and ERP reconciliation in Chromium', () => {
    it('has a Chromium to run in', () => {
      assert.fail(`${MISSING} — .ci/run installs it when missing`);
    });
  });
} else if (executablePath === undefined) {
  describe('bank and ERP reconciliation in Chromium', () => {
    it('runs in Chromium', { skip: MISSING }, () => {});
  });
} else {
  describe('bank and ERP reconciliation in Chromium', () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const opened: { problems: string[] }[] = [];

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

    const as = async (username: string, viewport?: { width: number; height: number }): Promise<Page> => {
      const o = await openConsole(browser, 'zh-CN', viewport);
      contexts.push(o.context);
      opened.push(o);
      await signIn(o.page, server, username);
      return o.page;
    };
    const api = async <T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => {
      const res = await callApi(page, server, method, path, body);
      assert.ok(
        res.status >= 200 && res.status < 300,
        `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body as T;
    };
    /** Picks a date (or month) in an antd picker by typing it, as a keyboard user does. */
    const typeDate = async (page: Page, testId: string, value: string) => {
      const input = page
        .getByTestId(testId)
        .locator('input')
        .or(page.locator(`input[data-testid="${testId}"]`));
      await input.first().click();
      await input.first().fill(value);
      await input.first().press('Enter');
    };

    it('imports a statement, matches by drag and drop and by keyboard, unmatches, and draws a balanced 调节表', async (t) => {
      const page = await as('zhao.jing');
      await page.goto(`${server.url}/finance/bank`);
      await page.getByTestId('bank-no-account').waitFor();

      // the account the MT940 file names (:25: CMBCCNBS/755912345610001)
      await page.getByTestId('bank-account-new').click();
      await page.getByTestId('bank-account-code').fill('CMB-01');
      await page.getByTestId('bank-account-number').fill('755912345610001');
      await page.getByTestId('bank-account-name').fill('演示科技有限公司');
      await typeDate(page, 'bank-account-opened', '2026-11-01');
      await page.getByTestId('bank-account-opening').fill('200000.00');
      await page.getByTestId('bank-account-save').click();
      await page.getByTestId('bank-account-info').waitFor();
      assert.match(await page.getByTestId('bank-account-info').innerText(), /¥200,000\.00/);

      // a broken file: refused whole, its wrong line named readably
      await page.getByTestId('bank-tab-import').click();
      const good = readFileSync(FIXTURE);
      const broken = Buffer.from(
        good.toString('utf8').replace(':61:2611021102C15000,00', ':61:2611021102C15O00,00'),
      );
      await page
        .getByTestId('bank-import')
        .locator('input[type="file"]')
        .setInputFiles({ name: 'broken.sta', mimeType: 'text/plain', buffer: broken });
      await page.getByTestId('bank-import-submit').click();
      const errors = page.getByTestId('bank-import-error');
      await errors.first().waitFor();
      assert.match(await errors.first().innerText(), /6/, 'names the line of the file');
      assert.equal((await api<{ items: unknown[] }>(page, 'GET', '/api/v1/bank-statements')).items.length, 0);
      await screenshot(t, page, 'finance-bank-import-refused', 'zh-CN');

      await page
        .getByTestId('bank-import')
        .locator('input[type="file"]')
        .setInputFiles({ name: 'cmb-2026-11.sta', mimeType: 'text/plain', buffer: good });
      await page.getByTestId('bank-import-submit').click();
      await page.getByTestId('bank-import-result').waitFor();
      assert.match(await page.getByTestId('bank-import-result').innerText(), /4/);

      // the company's side of November: a refund received, a deposit paid in two parts, a broadband bill
      const entry = async (body: Record<string, string>) =>
        api<Entry>(page, 'POST', '/api/v1/bank-statements/book-entries', { account: 'CMB-01', ...body });
      const refund = await entry({
        date: '2026-11-02',
        amount: '15000.00',
        direction: 'in',
        counterpartyName: '杭州青禾会务服务有限公司',
        description: '会务费退款',
      });
      const part1 = await entry({
        date: '2026-11-03',
        amount: '3000.00',
        direction: 'out',
        reference: 'PO-1',
      });
      const part2 = await entry({
        date: '2026-11-03',
        amount: '2000.00',
        direction: 'out',
        reference: 'PO-2',
      });
      await entry({
        date: '2026-11-02',
        amount: '320.00',
        direction: 'out',
        counterpartyName: 'China Telecom Shenzhen',
        reference: 'Broadband November',
      });

      await page.getByTestId('bank-import-to-match').click();
      const lines = page.getByTestId('bank-lines');
      const entries = page.getByTestId('bank-entries');
      const lineRow = (amount: string) => lines.locator(`tr[data-amount="${amount}"]`);
      const entryRow = (id: string) => entries.locator(`tr[data-entry="${id}"]`);
      await lineRow('15000.00').waitFor();
      await entryRow(refund.id).waitFor();

      // drag the refund's line onto its book entry
      await lineRow('15000.00').dragTo(entryRow(refund.id));
      await lineRow('15000.00').waitFor({ state: 'detached' });
      const matches = page.getByTestId('bank-matches');
      await matches.locator('.ant-table-row').first().waitFor();
      assert.equal(await matches.locator('.ant-table-row').count(), 1);
      assert.match(await matches.innerText(), /人工/);

      // many to one: tick both parts, drop the 5,000.00 line on one of them
      await entryRow(part1.id).locator('.ant-checkbox-input').check();
      await entryRow(part2.id).locator('.ant-checkbox-input').check();
      await lineRow('5000.00').dragTo(entryRow(part2.id));
      await lineRow('5000.00').waitFor({ state: 'detached' });
      await matches.getByText('多对一').waitFor();

      // automatic matching pairs the broadband bill, with its score and reasons
      await page.getByTestId('bank-auto-match').click();
      await matches.locator('[data-reason="reference"]').first().waitFor();
      const auto = matches.locator('.ant-table-row', { hasText: '自动' });
      assert.equal(await auto.count(), 1);
      const score = Number(await auto.getByTestId('match-score').getAttribute('data-score'));
      assert.ok(score >= 60 && score <= 100, `score ${score}`);
      assert.ok((await auto.locator('[data-reason]').count()) >= 3, 'several reasons');
      await screenshotBothLocales(t, page, 'finance-bank-matching', 'bank-matches');

      // unmatch the refund (after a confirmation): its line and entry are open again
      const refundMatch = matches.locator('.ant-table-row', { hasText: '15,000.00' });
      await refundMatch.getByTestId('bank-unmatch').click();
      await page.getByTestId('bank-unmatch-confirm').click();
      await lineRow('15000.00').waitFor();
      await entryRow(refund.id).waitFor();
      assert.equal(await matches.locator('.ant-table-row', { hasText: '15,000.00' }).count(), 0);

      // …and match it again without a mouse: the line's Match… button, the entry chosen in a list
      await lineRow('15000.00').getByTestId('bank-line-match').click();
      const chooser = page.getByTestId('bank-choose-entries');
      await chooser
        .locator('input')
        .or(page.locator('input[data-testid="bank-choose-entries"]'))
        .first()
        .focus();
      await page.keyboard.type('15,000');
      await page.locator('.ant-select-item-option-active', { hasText: '15,000.00' }).waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId('bank-choose-ok').click();
      await lineRow('15000.00').waitFor({ state: 'detached' });
      assert.equal(
        (await api<{ items: unknown[] }>(page, 'GET', '/api/v1/bank-statements/matches')).items.length,
        3,
      );

      // November's reconciliation statement balances; the bank's reversal of 100.00 is outstanding
      await page.getByTestId('bank-tab-statement').click();
      await typeDate(page, 'bank-rec-period', '2026-11');
      await page.getByTestId('bank-rec-balanced').waitFor();
      assert.match(await page.getByTestId('rec-bank-balance').innerText(), /¥209,580\.00/);
      assert.match(await page.getByTestId('rec-book-balance').innerText(), /¥209,680\.00/);
      assert.match(await page.getByTestId('rec-minus-bank').innerText(), /¥100\.00/);
      assert.match(await page.getByTestId('rec-adjusted-book').innerText(), /¥209,580\.00/);
      assert.match(await page.getByTestId('rec-adjusted-bank').innerText(), /¥209,580\.00/);
      await screenshotBothLocales(t, page, 'finance-bank-statement', 'bank-rec-table');

      // the language switched once, by the header's switch: the statement in English, US formatting
      await page.getByTestId('language-switch').getByText('English').click();
      await page.getByRole('heading', { name: 'Bank reconciliation statement' }).waitFor();
      assert.match(
        await page.getByTestId('rec-bank-balance').innerText(),
        /Bank statement balance[\s\S]*¥209,580\.00/,
      );
      await page.getByTestId('language-switch').getByText('简体中文').click();
      await page.getByRole('heading', { name: '银行存款余额调节表' }).waitFor();

      // the phone layout: the 调节表 reads top to bottom, nothing wider than the screen
      const phone = await as('zhao.jing', { width: 390, height: 844 });
      await phone.goto(`${server.url}/finance/bank?account=CMB-01&tab=statement&period=2026-11`);
      await phone.getByTestId('bank-rec-balanced').waitFor();
      await screenshot(t, phone, 'finance-bank-statement-phone', 'zh-CN');
      const width = Number(await phone.evaluate('document.documentElement.scrollWidth'));
      const wide = await phone.evaluate(
        `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 391).slice(0, 5).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')`,
      );
      assert.ok(width <= 390, `page ${width}px wide on a 390px phone: ${String(wide)}`);

      for (const o of opened) assert.deepEqual(o.problems, [], 'no console errors or failed requests');
    });

    it('reconciles the demo Kingdee connection: a clean report, then the differences made in the ERP, exported and repaired', async (t) => {
      const page = await as('zhao.jing');
      const admin = await as('admin');
      const connections = await api<{ items: { id: string; type: string; baseUrl: string }[] }>(
        admin,
        'GET',
        '/api/v1/connections',
      );
      const kingdee = connections.items.find((c) => c.type === 'kingdee-k3cloud');
      assert.ok(kingdee, 'the demo has its Kingdee connection');
      // every demo voucher has reached the simulator
      const end = Date.now() + 120_000;
      for (;;) {
        const summary = await api<Summary>(page, 'GET', '/api/v1/postings/summary');
        const mine = summary.byConnection.find((c) => c.connectionId === kingdee.id);
        const s = mine?.byStatus ?? {};
        if ((s['posted'] ?? 0) > 0 && (s['pending'] ?? 0) + (s['sending'] ?? 0) + (s['unknown'] ?? 0) === 0)
          break;
        if (Date.now() > end) throw new Error(`the demo vouchers were not posted: ${JSON.stringify(mine)}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }

      await page.goto(`${server.url}/finance/reconciliation`);
      await page.getByTestId('recon-connection').click();
      await page.locator('.ant-select-item-option', { hasText: 'kingdee-k3cloud' }).click();
      await page.getByTestId('recon-run').click();
      const report = page.getByTestId('recon-report');
      await report.getByTestId('recon-clean').waitFor();
      assert.equal(await report.getAttribute('data-status'), 'matched');
      assert.ok((await report.getByTestId('recon-summary').locator('.ant-table-row').count()) > 0);
      assert.equal(await report.getByTestId('recon-differences').locator('.ant-table-row').count(), 0);
      await screenshot(t, page, 'finance-reconciliation-clean', 'zh-CN');

      // behind FinBridge's back: one voucher altered in the ERP, another deleted
      const documents = (await (await fetch(new URL('/__sim/documents', kingdee.baseUrl))).json()) as {
        kind: string;
        reference: string;
      }[];
      const ours = documents.filter((d) => d.kind === 'voucher' && d.reference.startsWith('FB-'));
      assert.ok(ours.length >= 2, `two vouchers of ours in the ERP: ${JSON.stringify(documents)}`);
      const altered = ours[0]!;
      const deleted = ours[1]!;
      for (const [reference, change] of [
        [altered.reference, 'alter'],
        [deleted.reference, 'delete'],
      ] as const) {
        const res = await fetch(new URL('/__sim/documents/tamper', kingdee.baseUrl), {
          method: 'POST',
          body: JSON.stringify({ reference, change }),
        });
        assert.equal(res.status, 200, await res.text());
      }

      await page.getByTestId('recon-run').click();
      await report.getByTestId('recon-has-differences').waitFor();
      assert.equal(await report.getAttribute('data-status'), 'differences');
      const differences = report.getByTestId('recon-differences');
      const amountRow = differences.locator('.ant-table-row', { hasText: altered.reference });
      const missingRow = differences.locator('.ant-table-row', { hasText: deleted.reference });
      await amountRow.locator('[data-kind="amount_differs"]').waitFor();
      await missingRow.locator('[data-kind="missing_in_erp"]').waitFor();
      assert.equal(
        await missingRow.getByTestId('recon-action-repost').count(),
        1,
        'missing: re-post offered',
      );
      assert.equal(await amountRow.getByTestId('recon-action-repost').count(), 0, 'altered: no re-post');
      assert.ok(
        (await report.getByTestId('recon-summary').getByText(/不符/).count()) > 0,
        'summary rows differ',
      );
      await screenshotBothLocales(t, page, 'finance-reconciliation-differences', 'recon-differences');

      // the workbook
      const download = page.waitForEvent('download');
      await report.getByTestId('recon-export').click();
      const file = await download;
      assert.match(file.suggestedFilename(), /^reconciliation-\d{4}-\d{2}\.xlsx$/);
      const path = await file.path();
      assert.equal(readFileSync(path).subarray(0, 2).toString('latin1'), 'PK', 'an xlsx (zip) file');

      // the safe repair: the deleted voucher goes back on the posting queue, with a reason
      await missingRow.getByTestId('recon-action-repost').click();
      await page.getByTestId('recon-resolve-reason').fill('ERP 中被误删，按原参考号重新过账');
      await page.getByTestId('recon-resolve-ok').click();
      await missingRow.getByTestId('recon-resolution').waitFor();
      assert.match(await missingRow.innerText(), /已重新过账/);
      assert.match(
        await page.getByTestId('recon-runs').locator('.ant-table-row').first().innerText(),
        /有差异/,
      );

      for (const o of opened) assert.deepEqual(o.problems, [], 'no console errors or failed requests');
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { USCC_CHARS, usccCheckChar } from '../../src/standards/cn/uscc.ts';
import {
  callApi,
  confirmVia,
  ensureConsoleBuilt,
  findChromium,
  openConsole,
  screenshot,
  screenshotBothLocales,
  signIn,
  startServer,
  type ConsoleLocale,
  type OpenedPage,
  type RunningServer,
} from './support.ts';

/**
 * Master-data governance in a real browser against the demo (issue #19 item 7): the accountant matches
 * the demo's suppliers into golden records and sees each one's sources side by side; imports a GBK CSV
 * of suppliers through the wizard (column mapping, dry run with a diff, commit) and rolls the batch back,
 * leaving the suppliers as they were; with a second person required for suppliers, her import becomes a
 * change request that she may not approve herself and that the finance manager approves; imports
 * historical claims (the bad cell named in the dry run, commit, rollback). Screenshots
 * of the three pages in zh-CN and en-US, and the inbox at phone width.
 */
const executablePath = findChromium();
const MISSING =
  'Chromium not found: install Debian’s (apt-get install -y chromium) or set FINBRIDGE_CHROMIUM to a Chromium binary';

/** A valid 统一社会信用代码 (the check character computed), distinct per `n`. */
const uscc = (n: number) => {
  const first17 = `91310115MA1GY${String(9000 + n)}`;
  assert.ok([...first17].every((c) => USCC_CHARS.includes(c)));
  return first17 + usccCheckChar(first17);
};

/** A supplier file as Excel on Chinese Windows writes CSV: GBK, Chinese headers for code and name. */
function supplierCsv(rows: readonly (readonly string[])[]): Buffer {
  const header = [
    '供应商编码',
    '供应商名称',
    'taxId',
    'bankAccounts.0.bankName',
    'bankAccounts.0.accountNumber',
  ];
  const text = [header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
  return iconv.encode(text, 'gbk');
}

type Supplier = { code: string; name: string; taxId: string; status: string };
async function suppliersOf(page: Page, server: RunningServer): Promise<Supplier[]> {
  const res = await callApi(page, server, 'GET', '/api/v1/suppliers?limit=500');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return (res.body as { items: Supplier[] }).items
    .map((s) => ({ code: s.code, name: s.name, taxId: s.taxId, status: s.status }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Picks `field` for the file column `header` in the mapping table. */
async function mapColumn(page: Page, header: string, field: string): Promise<void> {
  await page.getByTestId(`import-map-${header}`).click();
  // the newest dropdown is the last one in the page (an earlier one may still be fading out)
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${field}"]`).last().click();
  await page
    .getByTestId(`import-map-${header}`)
    .locator('.ant-select-selection-item')
    .filter({ hasText: new RegExp(`^${field.replace(/\./g, '\\.')}$`) })
    .waitFor();
  await page
    .locator('.ant-select-dropdown:visible')
    .first()
    .waitFor({ state: 'hidden', timeout: 3000 })
    .catch(() => undefined);
}

if (executablePath === undefined && process.env['CI'] !== undefined && process.env['CI'] !== '') {
  describe('governance console in Chromium', () => {
    it('has a Chromium to run in', () => {
      assert.fail(`${MISSING} — .ci/run installs it when missing`);
    });
  });
} else if (executablePath === undefined) {
  describe('governance console in Chromium', () => {
    it('runs in Chromium', { skip: MISSING }, () => {});
  });
} else {
  describe('governance console in Chromium', () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const open = async (
      locale: ConsoleLocale,
      viewport?: { width: number; height: number },
    ): Promise<OpenedPage> => {
      const opened = await openConsole(browser, locale, viewport);
      contexts.push(opened.context);
      return opened;
    };

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

    it('shows the demo’s suppliers as golden records with their sources side by side, and refuses a merge with a record it does not have beside the field', async (t) => {
      const { page, problems } = await open('zh-CN');
      await signIn(page, server, 'zhao.jing');
      // the menu offers the governance group to finance
      await page.locator('[data-page="gov-golden"]').first().click();
      await page.getByTestId('golden-title').waitFor();
      await page.getByTestId('golden-refresh').click();
      await page.getByTestId('golden-refreshed').waitFor();
      const listed = await callApi(
        page,
        server,
        'GET',
        '/api/v1/governance/golden-records?entity=supplier&limit=500',
      );
      const items = (
        listed.body as { items: { name: string; sources: { source: string; sourceName: string }[] }[] }
      ).items;
      assert.ok(items.length > 0, 'the demo’s suppliers became golden records');
      // the demo ERP's pull of suppliers meets FinBridge's own master data in one record
      const both = items.find((g) => g.sources.some((s) => s.source === 'finbridge') && g.sources.length > 1);
      assert.ok(both !== undefined, JSON.stringify(items.slice(0, 3)));
      await page.getByTestId('golden-search').fill(both.name);
      await page.getByTestId('golden-search').press('Enter');
      await page.getByTestId('golden-row').filter({ hasText: both.name }).first().click();
      const drawer = page.getByTestId('golden-drawer');
      await drawer.getByTestId('golden-sources').waitFor();
      for (const source of both.sources)
        await drawer
          .getByTestId('golden-source-column')
          .filter({ hasText: source.sourceName })
          .first()
          .waitFor();
      assert.ok((await drawer.getByTestId('golden-won').count()) > 0, 'the surviving values are marked');
      await screenshot(t, page, 'governance-golden-sources', 'zh-CN');

      // merging a record this company does not have: refused beside the field, nothing merged
      await drawer
        .getByTestId('golden-merge-from')
        .locator('input')
        .fill('00000000-0000-4000-8000-000000000001');
      await drawer.getByTestId('golden-merge-from').locator('input').press('Enter');
      await drawer.getByTestId('golden-merge').click();
      const fieldError = drawer.locator('#from_help, .ant-form-item-explain-error').first();
      await fieldError.waitFor();
      assert.match((await fieldError.textContent()) ?? '', /不属于本公司/);
      await page.keyboard.press('Escape');

      // the cross-reference: golden id ↔ FinBridge code ↔ the ERP's code
      await page.getByRole('tab', { name: '交叉引用' }).click();
      await page.getByTestId('golden-xref').locator('tbody tr.ant-table-row').first().waitFor();
      assert.deepEqual(problems, []);
    });

    it('imports a GBK CSV through mapping, dry run and commit, and rolls it back to the suppliers as before', async (t) => {
      const { page, problems } = await open('zh-CN');
      await signIn(page, server, 'zhao.jing');
      const before = await suppliersOf(page, server);
      const s0001 = before.find((s) => s.code === 'S0001');
      assert.ok(s0001 !== undefined);
      const file = supplierCsv([
        ['Ｓ９００１', '杭州青禾文具有限公司', uscc(1), '中国银行杭州分行', '6000000000000091'],
        ['S9002', '苏州东吴印务有限公司', uscc(2), '农业银行苏州分行', '6000000000000092'],
        [s0001.code, `${s0001.name}（更名）`, s0001.taxId, '招商银行上海分行', '121900000000001'],
      ]);

      await page.goto(`${server.url}/governance/import`);
      await page.getByTestId('import-title').waitFor();
      await page.locator('.ant-upload input[type=file]').setInputFiles({
        name: 'suppliers-gbk.csv',
        mimeType: 'text/csv',
        buffer: file,
      });
      await page.getByTestId('import-mapping').getByText('供应商编码').waitFor();
      // without mapping, the Chinese headers are refused beside their columns
      await page.getByTestId('import-dry-run').click();
      await page.getByTestId('import-column-error').first().waitFor();
      assert.equal(await page.getByTestId('import-column-error').count(), 2);
      await mapColumn(page, '供应商编码', 'code');
      await mapColumn(page, '供应商名称', 'name');
      await page.getByTestId('import-dry-run').click();
      await page.getByTestId('import-result').waitFor();
      assert.equal(await page.getByTestId('import-count-created').getAttribute('data-count'), '2');
      assert.equal(await page.getByTestId('import-count-updated').getAttribute('data-count'), '1');
      assert.equal(await page.getByTestId('import-count-refused').getAttribute('data-count'), '0');
      // the full-width code was cleansed; the update shows its diff against the current record
      await page.getByTestId('import-rows').getByText('S9001').waitFor();
      assert.match((await page.getByTestId('import-diff').first().textContent()) ?? '', /更名/);
      assert.deepEqual(await suppliersOf(page, server), before, 'a dry run writes nothing');
      await screenshotBothLocales(t, page, 'governance-import-dry-run', 'import-title', false);
      // the reload cleared the wizard: in en-US now, go through it again
      await page.locator('.ant-upload input[type=file]').setInputFiles({
        name: 'suppliers-gbk.csv',
        mimeType: 'text/csv',
        buffer: file,
      });
      await mapColumn(page, '供应商编码', 'code');
      await mapColumn(page, '供应商名称', 'name');
      await page.getByTestId('import-dry-run').click();
      await page.getByTestId('import-result').waitFor();
      await confirmVia(page, page.getByTestId('import-commit'));
      await page.getByTestId('import-committed').waitFor();
      await page.getByTestId('import-rows').getByText('S9002').waitFor();
      const afterCommit = await suppliersOf(page, server);
      assert.ok(afterCommit.some((s) => s.code === 'S9001' && s.name === '杭州青禾文具有限公司'));
      // full-width brackets cleansed to half-width
      assert.equal(afterCommit.find((s) => s.code === 'S0001')?.name, `${s0001.name}(更名)`);

      const batchRow = page
        .getByTestId('import-batches')
        .locator('tbody tr.ant-table-row')
        .filter({ hasText: 'suppliers-gbk.csv' });
      await batchRow.locator('[data-status="committed"]').waitFor();
      await screenshot(t, page, 'governance-import-batches', 'en-US');
      await confirmVia(page, batchRow.getByTestId('import-rollback'));
      await batchRow.locator('[data-status="rolled_back"]').waitFor();
      assert.deepEqual(await suppliersOf(page, server), before, 'the rollback left the suppliers as before');

      // a batch whose record was edited after it cannot be rolled back: the page lists the edit
      await page.locator('.ant-upload input[type=file]').setInputFiles({
        name: 'one-more.csv',
        mimeType: 'text/csv',
        buffer: supplierCsv([
          ['S9003', '常州龙城包装有限公司', uscc(4), '交通银行常州分行', '6000000000000094'],
        ]),
      });
      await mapColumn(page, '供应商编码', 'code');
      await mapColumn(page, '供应商名称', 'name');
      await page.getByTestId('import-dry-run').click();
      await page.getByTestId('import-result').waitFor();
      await confirmVia(page, page.getByTestId('import-commit'));
      await page.getByTestId('import-committed').waitFor();
      const listedAgain = await callApi(page, server, 'GET', '/api/v1/suppliers?limit=500');
      const s9003 = (listedAgain.body as { items: { id: string; code: string }[] }).items.find(
        (s) => s.code === 'S9003',
      );
      assert.ok(s9003 !== undefined);
      const edited = await callApi(page, server, 'PATCH', `/api/v1/suppliers/${s9003.id}`, {
        name: '常州龙城包装股份有限公司',
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const laterRow = page
        .getByTestId('import-batches')
        .locator('tbody tr')
        .filter({ hasText: 'one-more.csv' });
      await confirmVia(page, laterRow.getByTestId('import-rollback'));
      await page.getByTestId('import-rollback-blocked').waitFor();
      const blocked = page.getByTestId('import-blocked-records').locator('tbody tr.ant-table-row');
      assert.equal(await blocked.count(), 1);
      assert.match((await blocked.first().textContent()) ?? '', /S9003/);
      await laterRow.locator('[data-status="committed"]').waitFor();
      await screenshot(t, page, 'governance-import-rollback-blocked', 'en-US');
      assert.deepEqual(problems, []);
    });

    it('imports historical claims: a dry run naming the bad cell, the commit and its rollback', async (t) => {
      const { page, problems } = await open('zh-CN');
      await signIn(page, server, 'zhao.jing');
      /** Claim lines as an old expense system exports them: GBK, Chinese headers, no mapping needed. */
      const claimsCsv = (rows: readonly (readonly string[])[]) =>
        iconv.encode(
          [['报销单号', '员工编码', '部门编码', '费用类别', '发生日期', '金额'], ...rows]
            .map((r) => r.join(','))
            .join('\r\n') + '\r\n',
          'gbk',
        );
      const good = ['BX-H-0001', 'E011', 'SALES-E', 'TRAVEL', '2025/6/10', '1200.00'];
      await page.goto(`${server.url}/governance/import`);
      await page.getByTestId('import-title').waitFor();
      await page.getByTestId('import-resource').click();
      // the options list is virtual: the history resources come last, scroll them into being
      await page
        .locator('.ant-select-dropdown:visible .rc-virtual-list-holder')
        .last()
        .evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option[title="historical-claims"]')
        .last()
        .click();
      await page.getByTestId('import-history-hint').waitFor();
      await page.locator('.ant-upload input[type=file]').setInputFiles({
        name: 'history-bad.csv',
        mimeType: 'text/csv',
        buffer: claimsCsv([good, ['BX-H-0002', 'E011', 'SALES-E', 'TAXI', '2025-06-31', '35.00']]),
      });
      await page.getByTestId('import-mapping').getByText('报销单号').waitFor();
      await page.getByTestId('import-dry-run').click();
      await page.getByTestId('import-result').waitFor();
      assert.equal(await page.getByTestId('import-count-created').getAttribute('data-count'), '1');
      assert.equal(await page.getByTestId('import-count-refused').getAttribute('data-count'), '1');
      assert.match((await page.getByTestId('import-reason').first().textContent()) ?? '', /2025-06-31/);
      await screenshot(t, page, 'governance-import-history-dry-run', 'zh-CN');

      await page.locator('.ant-upload input[type=file]').setInputFiles({
        name: 'history-ok.csv',
        mimeType: 'text/csv',
        buffer: claimsCsv([good]),
      });
      await page.getByTestId('import-picked').filter({ hasText: 'history-ok.csv' }).waitFor();
      await page.getByTestId('import-dry-run').click();
      await page.locator('[data-testid="import-count-refused"][data-count="0"]').waitFor();
      assert.equal(await page.getByTestId('import-count-created').getAttribute('data-count'), '1');
      await confirmVia(page, page.getByTestId('import-commit'));
      await page.getByTestId('import-committed').waitFor();
      const batchRow = page
        .getByTestId('import-batches')
        .locator('tbody tr.ant-table-row')
        .filter({ hasText: 'history-ok.csv' });
      await batchRow.locator('[data-status="committed"]').waitFor();
      assert.match((await batchRow.textContent()) ?? '', /historical-claims/);
      await confirmVia(page, batchRow.getByTestId('import-rollback'));
      await batchRow.locator('[data-status="rolled_back"]').waitFor();
      assert.deepEqual(problems, []);
    });

    it('turns an import into a change request the maker cannot approve and another finance user approves', async (t) => {
      const maker = await open('zh-CN');
      await signIn(maker.page, server, 'zhao.jing');
      const policy = await callApi(
        maker.page,
        server,
        'PUT',
        '/api/v1/governance/change-policies/master-data:suppliers',
        {
          requiresApproval: true,
        },
      );
      assert.equal(policy.status, 200, JSON.stringify(policy.body));
      const before = await suppliersOf(maker.page, server);

      await maker.page.goto(`${server.url}/governance/import`);
      await maker.page.locator('.ant-upload input[type=file]').setInputFiles({
        name: 'new-supplier.csv',
        mimeType: 'text/csv',
        buffer: supplierCsv([
          ['S9101', '无锡惠山机电有限公司', uscc(3), '建设银行无锡分行', '6000000000000093'],
        ]),
      });
      await mapColumn(maker.page, '供应商编码', 'code');
      await mapColumn(maker.page, '供应商名称', 'name');
      await maker.page.getByTestId('import-dry-run').click();
      await maker.page.getByTestId('import-result').waitFor();
      await confirmVia(maker.page, maker.page.getByTestId('import-commit'));
      await maker.page.getByTestId('import-needs-approval').waitFor();
      await maker.page.getByTestId('import-file-request').click();
      await maker.page.getByTestId('import-filed').waitFor();
      assert.deepEqual(await suppliersOf(maker.page, server), before, 'nothing is imported before approval');

      // the maker opens the inbox and tries to approve her own request: refused, and said so
      await maker.page.getByTestId('import-filed').getByRole('link').click();
      await maker.page.getByTestId('changes-title').waitFor();
      const row = maker.page.getByTestId('change-row').filter({ hasText: 'new-supplier.csv' });
      await row.click();
      const drawer = maker.page.getByTestId('change-drawer');
      await drawer.getByTestId('change-diff').locator('tbody tr.ant-table-row').first().waitFor();
      await drawer.getByTestId('change-approve').click();
      await drawer.getByTestId('change-same-person').waitFor();
      assert.equal(await drawer.getByTestId('change-status').getAttribute('data-status'), 'pending');
      await screenshot(t, maker.page, 'governance-change-same-person', 'zh-CN');

      // the finance manager approves it on a phone, in English
      const checker = await open('en-US', { width: 390, height: 844 });
      await signIn(checker.page, server, 'li.min');
      await checker.page.goto(`${server.url}/governance/changes`);
      await checker.page.getByTestId('change-row').filter({ hasText: 'new-supplier.csv' }).click();
      const theirs = checker.page.getByTestId('change-drawer');
      await theirs.getByTestId('change-diff').locator('tbody tr.ant-table-row').first().waitFor();
      await screenshot(t, checker.page, 'governance-change-phone', 'en-US');
      await theirs.getByTestId('change-note').fill('Checked against the supplier’s licence');
      await theirs.getByTestId('change-approve').click();
      await theirs.locator('[data-testid="change-status"][data-status="applied"]').waitFor();
      await theirs.getByTestId('change-decision').waitFor();
      const afterApproval = await suppliersOf(checker.page, server);
      assert.ok(afterApproval.some((s) => s.code === 'S9101' && s.name === '无锡惠山机电有限公司'));

      await checker.page.goto(`${server.url}/governance/changes?view=history`);
      await checker.page.getByTestId('change-row').filter({ hasText: 'new-supplier.csv' }).waitFor();
      await maker.page.goto(`${server.url}/governance/changes?view=history`);
      await screenshotBothLocales(t, maker.page, 'governance-changes-history', 'change-row');
      assert.deepEqual(maker.problems, []);
      assert.deepEqual(checker.problems, []);
    });

    it('shows a connection-settings change with its credentials as changed, never their value', async (t) => {
      const { page, problems } = await open('zh-CN');
      await signIn(page, server, 'admin');
      const list = await callApi(page, server, 'GET', '/api/v1/connections');
      type Connection = { id: string; name: string; type: string; rateLimitRps: number };
      // the demo's Kingdee connection signs in with a password
      const connection = (list.body as { items: Connection[] }).items.find(
        (c) => c.type === 'kingdee-k3cloud',
      );
      assert.ok(connection !== undefined, JSON.stringify(list.body));
      const secret = `Browser-${String(Date.now())}-secret`;
      const filed = await callApi(page, server, 'POST', '/api/v1/governance/change-requests', {
        target: 'connection-settings',
        subject: connection.id,
        payload: {
          op: 'update',
          patch: { rateLimitRps: connection.rateLimitRps + 1, credentials: { password: secret } },
        },
      });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));

      await page.goto(`${server.url}/governance/changes`);
      await page.getByTestId('change-row').filter({ hasText: connection.name }).first().click();
      const drawer = page.getByTestId('change-drawer');
      const secretCell = drawer.getByTestId('change-secret');
      await secretCell.first().waitFor();
      assert.deepEqual(await secretCell.allTextContents(), ['已设置（不显示）', '已更改（不显示）']);
      await drawer.getByText('/rateLimitRps').waitFor();
      assert.ok(!(await page.content()).includes(secret), 'the proposed password is nowhere on the page');
      await screenshot(t, page, 'governance-change-connection', 'zh-CN');
      assert.deepEqual(problems, []);
    });
  });
}

import assert from 'node:assert/strict';
import { it } from 'node:test';
import iconv from 'iconv-lite';
import { describeInChromium, screenshotBothLocales } from './support.ts';
import { until } from '../support/wait.ts';

/**
 * Payment batches in a real browser against the demo: the accountant zhao.jing makes a batch from a
 * posted claim on the page, the finance manager li.min approves it (zhao.jing, its maker, cannot),
 * zhao.jing downloads the ICBC file (GBK), marks the batch sent and records the transfer returned —
 * the claim is payable again. Screenshots of the page in zh-CN and en-US.
 */
interface Claim {
  id: string;
  number: string;
  status: string;
}

describeInChromium('payment batches in Chromium', (suite) => {
  const { as, api, problems } = suite;
  const today = new Date().toISOString().slice(0, 10);

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
    await until(
      'the claim posted',
      async () => {
        const c = await api<Claim>(maker, 'GET', `/api/v1/expense-claims/${draft.id}`);
        return c.status === 'posted' ? c : undefined;
      },
      120_000,
    );
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

    await maker.goto(`${suite.server.url}/finance/payment-batches`);
    const payable = maker.getByTestId('batch-payables').locator('.ant-table-row', { hasText: draft.number });
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
    await checker.goto(`${suite.server.url}/finance/payment-batches`);
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
    await maker.getByTestId('batch-payables').locator('.ant-table-row', { hasText: draft.number }).waitFor();
    assert.deepEqual(problems(), []);
  });
});

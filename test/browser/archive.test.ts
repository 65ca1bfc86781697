import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeInChromium, screenshotBothLocales } from './support.ts';

/**
 * The accounting archive in a real browser against the demo: zhang.san's claim is approved and posted;
 * zhao.jing closes this month (API), builds its archive package on the page, sees the claim's item
 * with its 档号, verifies the package and sees all four properties hold, item by item. Screenshots in
 * zh-CN and en-US.
 */
interface Claim {
  id: string;
  number: string;
  status: string;
}

describeInChromium('accounting archive in Chromium', (suite) => {
  const { as, api, problems } = suite;
  const today = new Date().toISOString().slice(0, 10);
  const period = today.slice(0, 7);

  it('builds the package of a closed month on the page and shows the four properties per item after verification', async (t) => {
    const employee = await as('zhang.san');
    const draft = await api<Claim>(employee, 'POST', '/api/v1/expense-claims', {
      employeeCode: 'E011',
      departmentCode: 'SALES-E',
      title: `归档样本 ${Date.now()}`,
      currency: 'CNY',
      claimedOn: today,
      lines: [{ categoryCode: 'TAXI', description: '市内打车', occurredOn: today, amount: '66.60' }],
    });
    await api(employee, 'POST', `/api/v1/expense-claims/${draft.id}/submit`);
    const manager = await as('chen.wei');
    const task = (
      await api<{ items: { id: string; documentId: string }[] }>(manager, 'GET', '/api/v1/approval-tasks')
    ).items.find((x) => x.documentId === draft.id);
    assert.ok(task, 'chen.wei has the task');
    await api(manager, 'POST', `/api/v1/approval-tasks/${task.id}/approve`, {});
    const finance = await as('zhao.jing');
    const end = Date.now() + 120_000;
    for (;;) {
      const c = await api<Claim>(finance, 'GET', `/api/v1/expense-claims/${draft.id}`);
      if (c.status === 'posted') break;
      if (Date.now() > end) throw new Error('the claim was not posted');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await api(finance, 'PUT', `/api/v1/periods/${period}`, { status: 'closed' });

    await finance.goto(`${suite.server.url}/finance/archive`);
    await finance.getByTestId('archive-period').click();
    await finance.locator('.ant-select-item-option', { hasText: period }).click();
    await finance.getByTestId('archive-build').click();
    const items = finance.getByTestId('archive-items');
    const item = items.locator('.ant-table-row', { hasText: draft.number });
    await item.waitFor();
    assert.match(
      await item.innerText(),
      new RegExp(`DEMO-KJ-${period.slice(0, 4)}-D30-${period.slice(5)}-\\d{5}`),
    );
    assert.match(await item.innerText(), /未检测/);

    await finance
      .getByTestId('archive-packages')
      .locator('.ant-table-row', { hasText: period })
      .getByTestId('archive-verify')
      .click();
    await item.locator('[data-property="secure"][data-ok="true"]').waitFor();
    assert.equal(await item.locator('[data-ok="true"]').count(), 4);
    assert.equal(await finance.locator('[data-ok="false"]').count(), 0);
    await screenshotBothLocales(t, finance, 'finance-archive', 'archive-items');

    assert.deepEqual(problems(), [], 'no console errors or failed requests');
  });
});

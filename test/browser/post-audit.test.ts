import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { describeInChromium, screenshotBothLocales } from './support.ts';
import { until } from '../support/wait.ts';

/**
 * Post-hoc audit in a real browser against the demo: zhang.san's claim is approved and posted; the
 * auditor defines a sampling plan on the page, runs it over today, sees the claim sampled with its
 * reason, records a finding on it and asks for rectification; zhang.san responds (API); the auditor
 * closes the finding. Screenshots of the samples and of the findings in zh-CN and en-US.
 */
interface Claim {
  id: string;
  number: string;
  status: string;
}

describeInChromium('post-hoc audit in Chromium', (suite) => {
  const { as, api, problems } = suite;
  const today = new Date().toISOString().slice(0, 10);
  const modalOk = (page: Page) =>
    page.locator('.ant-modal-wrap:visible .ant-modal-footer .ant-btn-primary').click();

  it('samples a posted claim by a plan made on the page, records a finding and follows its rectification', async (t) => {
    const employee = await as('zhang.san');
    const draft = await api<Claim>(employee, 'POST', '/api/v1/expense-claims', {
      employeeCode: 'E011',
      departmentCode: 'SALES-E',
      title: `事后审计样本 ${Date.now()}`,
      currency: 'CNY',
      claimedOn: today,
      lines: [{ categoryCode: 'TAXI', description: '市内打车', occurredOn: today, amount: '432.17' }],
    });
    await api(employee, 'POST', `/api/v1/expense-claims/${draft.id}/submit`);
    const manager = await as('chen.wei');
    const task = (
      await api<{ items: { id: string; documentId: string }[] }>(manager, 'GET', '/api/v1/approval-tasks')
    ).items.find((x) => x.documentId === draft.id);
    assert.ok(task, 'chen.wei has the task');
    await api(manager, 'POST', `/api/v1/approval-tasks/${task.id}/approve`, {});
    const auditor = await as('auditor');
    await until(
      'the claim posted',
      async () => {
        const c = await api<Claim>(auditor, 'GET', `/api/v1/expense-claims/${draft.id}`);
        return c.status === 'posted' ? c : undefined;
      },
      120_000,
    );

    // a plan picking totals in [432.17, 432.18): the claim and nothing else
    await auditor.goto(`${suite.server.url}/finance/post-audit`);
    await auditor.getByRole('tab', { name: '抽样方案' }).click();
    await auditor.getByTestId('post-audit-new-plan').click();
    const planName = `金额抽查 ${Date.now()}`;
    await auditor.getByTestId('post-audit-plan-name').fill(planName);
    await auditor.locator('.ant-modal-wrap:visible').getByText('金额区间', { exact: true }).click();
    await auditor.getByTestId('post-audit-band-min').fill('432.17');
    await auditor.locator('.ant-modal-wrap:visible').getByLabel('低于', { exact: true }).fill('432.18');
    await modalOk(auditor);
    await auditor.getByTestId('post-audit-plans').locator('.ant-table-row', { hasText: planName }).waitFor();

    await auditor.getByRole('tab', { name: '抽样与样本' }).click();
    await auditor.getByTestId('post-audit-run-plan').click();
    await auditor.locator('.ant-select-item-option', { hasText: planName }).click();
    await auditor.getByTestId('post-audit-run-from').fill(today);
    await auditor.getByTestId('post-audit-run-to').fill(today);
    await auditor.getByTestId('post-audit-run').click();
    const sample = auditor
      .getByTestId('post-audit-samples')
      .locator('.ant-table-row', { hasText: draft.number });
    await sample.waitFor();
    assert.equal(await auditor.getByTestId('post-audit-samples').locator('.ant-table-row').count(), 1);
    assert.match(await sample.innerText(), /金额 432\.17 落在区间 \[432\.17, 432\.18\)/);
    await screenshotBothLocales(t, auditor, 'finance-post-audit-samples', 'post-audit-runs');

    await auditor.getByTestId('post-audit-runs').locator('.ant-table-row').first().click();
    await auditor
      .getByTestId('post-audit-samples')
      .locator('.ant-table-row', { hasText: draft.number })
      .getByTestId('post-audit-add-finding')
      .click();
    await auditor.getByTestId('post-audit-finding-title').fill('打车金额与行程不符');
    await modalOk(auditor);
    await auditor.getByText('1 项发现').waitFor();

    await auditor.getByRole('tab', { name: '审计发现' }).click();
    const row = auditor
      .getByTestId('post-audit-findings')
      .locator('.ant-table-row', { hasText: draft.number });
    await row.getByTestId('post-audit-finding-status').filter({ hasText: '待处理' }).waitFor();
    await row.getByTestId('post-audit-request').click();
    await auditor.getByTestId('post-audit-step-text').fill('请补充行程单');
    await modalOk(auditor);
    await row.getByTestId('post-audit-finding-status').filter({ hasText: '待整改' }).waitFor();

    const findings = await api<{ items: { id: string; status: string }[] }>(
      employee,
      'GET',
      '/api/v1/post-audit/my-findings',
    );
    const mine = findings.items[0];
    assert.equal(mine?.status, 'rectification_requested');
    await api(employee, 'POST', `/api/v1/post-audit/findings/${mine.id}/response`, {
      text: '已补充行程单',
    });

    await auditor.reload();
    await auditor.getByRole('tab', { name: '审计发现' }).click();
    await row.getByTestId('post-audit-finding-status').filter({ hasText: '已答复' }).waitFor();
    await screenshotBothLocales(t, auditor, 'finance-post-audit-findings', 'post-audit-findings');
    await auditor.getByRole('tab', { name: '审计发现' }).click();
    await row.getByTestId('post-audit-close').click();
    await auditor.getByTestId('post-audit-step-text').fill('行程单已核对');
    await modalOk(auditor);
    await row.getByTestId('post-audit-finding-status').filter({ hasText: '已关闭' }).waitFor();

    assert.deepEqual(problems(), [], 'no console errors or failed requests');
  });
});

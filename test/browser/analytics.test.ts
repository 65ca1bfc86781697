import assert from 'node:assert/strict';
import { it } from 'node:test';
import { callApi, describeInChromium, screenshotBothLocales } from './support.ts';

/**
 * Spend analytics in a real browser against the demo: once the demo's claims are posted, the
 * accountant opens Spend analytics, sees spend by department × month, clicks a cell and gets the claim
 * lines behind it with links to the claims; budget execution by department; the anomalies after a
 * scan, each linking to its claim. Screenshots of the three tabs in zh-CN and en-US.
 */
describeInChromium('spend analytics in Chromium', (suite) => {
  it('shows the demo company’s spend with drill-down to claims, its budget execution and its anomalies', async (t) => {
    const page = await suite.as('zhao.jing');
    const { server } = suite;
    // the demo posts its claims through the hub's worker: wait until the cube has them
    const deadline = Date.now() + 120_000;
    for (;;) {
      const res = await callApi(page, server, 'POST', '/api/v1/analytics/spend:query', {
        rows: ['department'],
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      if ((res.body as { cells: unknown[] }).cells.length > 0) break;
      assert.ok(Date.now() < deadline, 'the demo’s claims never reached the spend cube');
      await new Promise((r) => setTimeout(r, 1000));
    }

    await page.goto(`${server.url}/analytics`);
    await page.getByTestId('analytics-spend-chart').waitFor();
    const cell = page.getByTestId('analytics-cell').first();
    await cell.waitFor();
    await screenshotBothLocales(t, page, 'analytics-spend', 'analytics-cell');
    await page.getByTestId('analytics-cell').first().click();
    const link = page.getByTestId('analytics-drill-lines').locator('a[href^="/claims/"]').first();
    await link.waitFor();
    assert.match((await link.getAttribute('href')) ?? '', /^\/claims\/[0-9a-f-]{36}$/);
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}/analytics?tab=budget`);
    await page.getByTestId('analytics-budget-chart').waitFor();
    await page.getByTestId('analytics-budget-table').locator('tbody tr').first().waitFor();
    await screenshotBothLocales(t, page, 'analytics-budget', 'analytics-budget-chart');

    await page.goto(`${server.url}/analytics?tab=anomalies`);
    await page.getByTestId('analytics-scan').click();
    await page.getByTestId('analytics-anomalies').waitFor();
    const scanned = await callApi(page, server, 'POST', '/api/v1/analytics/anomalies:scan');
    assert.equal(scanned.status, 200);
    const { anomalies } = scanned.body as { anomalies: number };
    if (anomalies > 0) {
      await page.reload();
      const claimLink = page.getByTestId('analytics-claim-link').first();
      const benfordOnly = (
        (await callApi(page, server, 'GET', '/api/v1/analytics/anomalies?limit=500')).body as {
          items: { link: string | null }[];
        }
      ).items.every((a) => a.link === null);
      if (!benfordOnly) assert.match((await claimLink.getAttribute('href')) ?? '', /^\/claims\//);
    }
    await screenshotBothLocales(t, page, 'analytics-anomalies', 'analytics-anomalies');
    assert.deepEqual(suite.problems(), []);
  });
});

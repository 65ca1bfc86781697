import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  ensureConsoleBuilt,
  findChromium,
  screenshotPath,
  startServer,
  type RunningServer,
} from './support.ts';

/**
 * The web console in a real browser (Debian's Chromium through playwright-core) against the real
 * FinBridge with the demo company: sign-in, what each role sees, my claims and a claim's timeline,
 * the language switch, a session lost mid-form, readable errors, the phone layout. Screenshots of
 * each page in zh-CN and en-US go to test-artifacts/screenshots/.
 */
const executablePath = findChromium();
const MISSING =
  'Chromium not found: install Debian’s (apt-get install -y chromium) or set FINBRIDGE_CHROMIUM to a Chromium binary';

if (executablePath === undefined && process.env['CI'] !== undefined && process.env['CI'] !== '') {
  // in CI a missing browser is a failure, never a quiet skip
  describe('web console in Chromium', () => {
    it('has a Chromium to run in', () => {
      assert.fail(`${MISSING} — .ci/run installs it when missing`);
    });
  });
} else if (executablePath === undefined) {
  describe('web console in Chromium', () => {
    it('runs in Chromium', { skip: MISSING }, () => {});
  });
} else {
  describe('web console in Chromium', () => {
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

    /** A fresh browser profile in one language (the console's own switch, as remembered in localStorage). */
    const open = async (locale: 'zh-CN' | 'en-US', viewport = { width: 1280, height: 860 }) => {
      const context = await browser.newContext({ viewport, locale });
      contexts.push(context);
      await context.addInitScript((l) => {
        if (localStorage.getItem('finbridge.locale') === null) localStorage.setItem('finbridge.locale', l);
      }, locale);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 40[14]/.test(m.text())) problems.push(`console: ${m.text()}`);
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

    const shot = async (t: TestContext, page: Page, name: string, locale: string) => {
      const path = screenshotPath(name, locale);
      await page.screenshot({ path, fullPage: true });
      t.diagnostic(`screenshot ${path}`);
      console.log(`screenshot: ${path}`);
    };

    const menuTexts = async (page: Page) =>
      (await page.getByTestId('main-menu').locator('.ant-menu-item').allInnerTexts()).map((s) => s.trim());

    for (const locale of ['zh-CN', 'en-US'] as const) {
      const zh = locale === 'zh-CN';

      it(`${locale}: an employee signs in, sees their own claims and opens a claim’s timeline`, async (t) => {
        const { page, problems } = await open(locale);
        await page.goto(`${server.url}/`);
        await page.getByTestId('sign-in').waitFor();
        await shot(t, page, 'sign-in', locale);
        await signIn(page, 'zhang.san');
        assert.deepEqual(
          await menuTexts(page),
          zh
            ? ['首页', '我的报销', '新建报销单', '新建事前申请', '新建借款']
            : ['Home', 'My claims', 'New claim', 'New request', 'New advance'],
        );
        await shot(t, page, 'home-employee', locale);

        await page
          .getByTestId('main-menu')
          .getByText(zh ? '我的报销' : 'My claims')
          .click();
        await page.waitForURL(/\/claims$/);
        // the same list the API gives this session
        const answer = await page.request.get(`${server.url}/api/v1/expense-claims?mine=true&limit=20`);
        assert.equal(answer.status(), 200);
        const mine = (await answer.json()) as {
          items: { id: string; number: string; total: string; status: string }[];
        };
        assert.ok(mine.items.length > 0, 'the demo gives zhang.san claims');
        const rows = page.getByTestId('claims-table').locator('tbody tr.ant-table-row');
        await rows.first().waitFor();
        assert.deepEqual(
          await rows.locator('td:first-child').allInnerTexts(),
          mine.items.map((c) => c.number),
        );
        // money as the locale writes it, from the decimal string, digits unchanged
        const total = (await rows.first().locator('td').nth(3).innerText()).trim();
        assert.match(total, /^¥\d{1,3}(,\d{3})*\.\d{2}$/);
        assert.equal(total.replace(/[¥,]/g, ''), mine.items[0]!.total);
        // antd's own texts follow the language too
        assert.equal(
          await page.locator('.ant-picker-range input').first().getAttribute('placeholder'),
          zh ? '开始日期' : 'Start date',
        );
        await shot(t, page, 'my-claims', locale);

        // the claim that went furthest has the longest timeline
        const index = Math.max(
          0,
          mine.items.findIndex((c) => c.status !== 'draft'),
        );
        const first = mine.items[index]!;
        await rows.nth(index).getByTestId('open-claim').click();
        await page.getByTestId('claim-detail').waitFor();
        assert.match(page.url(), new RegExp(`/claims/${first.id}$`));
        const detail = (await (
          await page.request.get(`${server.url}/api/v1/expense-claims/${first.id}`)
        ).json()) as {
          transitions: { to: string }[];
        };
        const steps = page.getByTestId('timeline-step');
        await steps.first().waitFor();
        assert.deepEqual(
          await steps.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-to'))),
          detail.transitions.map((s) => s.to),
        );
        await shot(t, page, 'claim-detail', locale);

        await page.goto(`${server.url}/claims/new`);
        await page.getByTestId('new-claim-form').waitFor();
        await page.getByText(zh ? '保存草稿' : 'Save draft').waitFor();
        await shot(t, page, 'new-claim', locale);
        assert.deepEqual(problems, []);
      });

      it(`${locale}: an admin sees the administration pages and none of the employee-only ones`, async (t) => {
        const { page, problems } = await open(locale);
        await signIn(page, 'admin');
        const menu = await menuTexts(page);
        assert.ok(menu.includes(zh ? '用户与角色' : 'Users and roles'), menu.join(', '));
        for (const employeeOnly of zh ? ['我的报销', '新建报销单'] : ['My claims', 'New claim'])
          assert.ok(!menu.includes(employeeOnly), `${employeeOnly} offered to admin: ${menu.join(', ')}`);
        assert.equal(await page.getByTestId('home-card-my-claims').count(), 0);
        await shot(t, page, 'home-admin', locale);
        await page.getByTestId('home-card-users').click();
        const users = page.getByTestId('users-table').locator('tbody tr.ant-table-row');
        await users.first().waitFor();
        const names = await users.locator('td:first-child').allInnerTexts();
        for (const u of server.passwords.keys())
          assert.ok(names.includes(u), `${u} listed: ${names.join(', ')}`);
        await shot(t, page, 'admin-users', locale);
        // an employee page typed into the address bar does not exist for the admin
        await page.goto(`${server.url}/claims`);
        await page.locator('.ant-result-404').waitFor();
        assert.deepEqual(problems, []);
      });
    }

    it('draws my claims on the server: the rows are there before any script runs, and the console takes them over as they are', async () => {
      const password = server.passwords.get('zhang.san');
      assert.ok(password !== undefined);
      // without JavaScript: what the server sent is the page
      const still = await browser.newContext({
        viewport: { width: 1280, height: 860 },
        javaScriptEnabled: false,
      });
      contexts.push(still);
      const login = await still.request.post(`${server.url}/auth/login`, {
        data: { username: 'zhang.san', password },
      });
      assert.equal(login.status(), 200);
      const drawn = await still.newPage();
      await drawn.goto(`${server.url}/claims`);
      const drawnRows = await drawn.getByTestId('claims-table').locator('.ant-table-row').allInnerTexts();
      assert.ok(drawnRows.length > 0, 'the claim list arrives drawn');
      // and inert until the console has taken it over: a click would be lost
      assert.equal(await drawn.locator('#root').getAttribute('inert'), '');
      assert.ok(
        await drawn.getByTestId('main-menu').getByText('我的报销').isVisible(),
        'with the side menu of a signed-in employee',
      );
      // signed out, the same address carries nobody's data
      const anonymous = await browser.newContext({ javaScriptEnabled: false });
      contexts.push(anonymous);
      const blank = await anonymous.newPage();
      await blank.goto(`${server.url}/claims`);
      assert.equal(await blank.locator('#root').innerHTML(), '');

      // with JavaScript: the same rows, taken over without an error, and the page answers clicks
      const { context, page, problems } = await open('zh-CN');
      await context.request.post(`${server.url}/auth/login`, { data: { username: 'zhang.san', password } });
      const asked: string[] = [];
      page.on('request', (r) => {
        if (/\/api\/v1\/expense-claims\?|\/auth\/me/.test(r.url())) asked.push(r.url());
      });
      await page.goto(`${server.url}/claims`);
      await page.waitForFunction(() => performance.getEntriesByName('finbridge:interactive').length > 0);
      assert.deepEqual(
        await page.getByTestId('claims-table').locator('.ant-table-row').allInnerTexts(),
        drawnRows,
      );
      assert.deepEqual(asked, [], 'the session and the list came in the page');
      assert.equal(await page.locator('#root').getAttribute('inert'), null);
      await page
        .getByTestId('claims-table')
        .locator('.ant-table-row')
        .first()
        .getByTestId('open-claim')
        .click();
      await page.getByTestId('claim-detail').waitFor();
      assert.deepEqual(problems, []);
    });

    it('pages through my claims 20 at a time and filters them by status and date', async () => {
      const { page } = await open('zh-CN');
      await signIn(page, 'chen.wei');
      const api = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
        const me = (await (await page.request.get(`${server.url}/auth/me`)).json()) as { csrfToken: string };
        const res = await page.request.fetch(`${server.url}${path}`, {
          method,
          headers: { 'x-csrf-token': me.csrfToken },
          ...(body === undefined ? {} : { data: body }),
        });
        assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`);
        return (await res.json()) as T;
      };
      // enough drafts for a second page, dated apart from the demo's claims
      const employees = await api<{ items: { code: string; departmentCode: string }[] }>(
        'GET',
        '/api/v1/employees?q=E010&limit=20',
      );
      const departmentCode = employees.items.find((e) => e.code === 'E010')!.departmentCode;
      const categories = await api<{ items: { code: string }[] }>(
        'GET',
        '/api/v1/expense-categories?limit=1',
      );
      for (let i = 1; i <= 21; i += 1) {
        await api('POST', '/api/v1/expense-claims', {
          employeeCode: 'E010',
          departmentCode,
          title: `分页 ${i}`,
          currency: 'CNY',
          claimedOn: '2026-10-15',
          lines: [
            {
              categoryCode: categories.items[0]!.code,
              description: `第 ${i} 张`,
              occurredOn: '2026-10-15',
              amount: `${i}.00`,
            },
          ],
        });
      }
      const all = await api<{ items: { number: string }[] }>(
        'GET',
        '/api/v1/expense-claims?mine=true&limit=500',
      );
      assert.ok(all.items.length > 20);
      await page.goto(`${server.url}/claims`);
      const rows = page.getByTestId('claims-table').locator('tbody tr.ant-table-row');
      const numbers = async () => {
        await page.getByTestId('claims-table').locator('.ant-spin-spinning').waitFor({ state: 'detached' });
        await rows.first().waitFor();
        return rows.locator('td:first-child').allInnerTexts();
      };
      const first = await numbers();
      assert.deepEqual(
        first,
        all.items.slice(0, 20).map((c) => c.number),
      );
      await page.getByTestId('next-page').click();
      await page.getByText('第 2 页').waitFor();
      assert.deepEqual(
        await numbers(),
        all.items.slice(20, 40).map((c) => c.number),
      );
      await page.getByTestId('previous-page').click();
      await page.getByText('第 1 页').waitFor();
      assert.deepEqual(await numbers(), first);

      // status and dates go into the address and into the API's query
      await page.getByTestId('status-filter').click();
      await page.locator('.ant-select-item-option').getByText('草稿', { exact: true }).click();
      const range = page.locator('.ant-picker-range input');
      await range.nth(0).click();
      await range.nth(0).fill('2026-10-01');
      await range.nth(1).click();
      await range.nth(1).fill('2026-10-31');
      await range.nth(1).press('Enter');
      assert.equal(await range.nth(1).inputValue(), '2026-10-31');
      await page.getByTestId('apply-filters').click();
      await page
        .waitForURL(/status=draft&from=2026-10-01&to=2026-10-31$/, { timeout: 10_000 })
        .catch(() => assert.fail(`the filters did not reach the address: ${page.url()}`));
      const filtered = await api<{ items: { number: string }[] }>(
        'GET',
        '/api/v1/expense-claims?mine=true&status=draft&from=2026-10-01&to=2026-10-31&limit=20',
      );
      assert.equal(filtered.items.length, 20);
      assert.deepEqual(
        await numbers(),
        filtered.items.map((c) => c.number),
      );
      await page.reload();
      assert.deepEqual(
        await numbers(),
        filtered.items.map((c) => c.number),
      );
    });

    it('switches language on the spot and remembers it', async () => {
      const { page } = await open('zh-CN');
      await signIn(page, 'chen.wei');
      assert.ok((await menuTexts(page)).includes('我的报销'));
      await page.getByTestId('language-switch').getByText('English').click();
      await page.getByText('My claims').first().waitFor();
      assert.ok((await menuTexts(page)).includes('My claims'));
      assert.equal(await page.locator('html').getAttribute('lang'), 'en-US');
      await page.reload();
      await page.getByTestId('home-title').waitFor();
      assert.match(await page.getByTestId('home-title').innerText(), /^Hello, /);
      assert.equal(await page.evaluate(() => localStorage.getItem('finbridge.locale')), 'en-US');
      // antd follows: its own texts (the table's empty state, date pickers) are English too
      await page.getByTestId('main-menu').getByText('My claims').click();
      await page.getByTestId('status-filter').click();
      await page.locator('.ant-select-item-option').getByText('Reversed', { exact: true }).waitFor();
      await page.keyboard.press('Escape');
      // signing out ends the session on the server too; the language stays
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in').waitFor();
      assert.equal((await page.request.get(`${server.url}/auth/me`)).status(), 401);
      assert.equal(await page.getByTestId('sign-in').innerText(), 'Sign in');
      await page.goto(`${server.url}/claims`);
      await page.waitForURL(/\/login\?next=%2Fclaims$/);
    });

    it('keeps the form of a person whose session ends mid-form and gives it back after signing in', async (t) => {
      const { context, page } = await open('zh-CN');
      await signIn(page, 'zhang.san');
      await page.goto(`${server.url}/claims/new`);
      const title = `客户拜访 ${Date.now()}`;
      await page.getByTestId('claim-title').fill(title);
      await page.getByTestId('claim-date').click();
      await page.keyboard.type('2026-11-20');
      await page.keyboard.press('Enter');
      await page.getByTestId('line-category').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await page.getByTestId('line-description').fill('出租车');
      await page.getByTestId('line-date').click();
      await page.keyboard.type('2026-11-19');
      await page.keyboard.press('Enter');
      await page.getByTestId('line-amount').fill('86.50');
      await shot(t, page, 'new-claim-filled', 'zh-CN');

      await context.clearCookies(); // the session ends (expired, signed out elsewhere)
      await page.getByTestId('save-claim').click();
      await page.getByTestId('session-lost').waitFor();
      assert.match(page.url(), /\/login\?next=%2Fclaims%2Fnew$/);
      await shot(t, page, 'session-lost', 'zh-CN');

      await page.locator('#username').fill('zhang.san');
      await page.locator('#password').fill(server.passwords.get('zhang.san')!);
      await page.getByTestId('sign-in').click();
      await page.waitForURL(/\/claims\/new$/);
      await page.getByTestId('new-claim-form').waitFor();
      assert.equal(await page.getByTestId('claim-title').inputValue(), title);
      assert.equal(await page.getByTestId('line-amount').inputValue(), '86.50');
      assert.equal(await page.getByTestId('line-description').inputValue(), '出租车');

      // what only the server refuses (a third decimal on yuan) is shown beside the field it names
      await page.getByTestId('line-amount').fill('86.505');
      await page.getByTestId('save-claim').click();
      const amountItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('line-amount') });
      await amountItem.locator('.ant-form-item-explain-error').waitFor();
      assert.match(await page.getByTestId('error-notice').innerText(), /请求编号/);
      await shot(t, page, 'new-claim-refused', 'zh-CN');
      await page.getByTestId('line-amount').fill('86.50');
      await page.getByTestId('save-claim').click();
      await page.getByTestId('claim-detail').waitFor();
      assert.match(await page.getByTestId('claim-detail').innerText(), new RegExp(title));
      const listed = (await (
        await page.request.get(`${server.url}/api/v1/expense-claims?mine=true&status=draft&limit=100`)
      ).json()) as {
        items: { title: string; total: string }[];
      };
      assert.equal(listed.items.find((c) => c.title === title)?.total, '86.50');
    });

    it('drafts a pre-approval request and an advance from the tabs of my documents', async (t) => {
      const { page, problems } = await open('zh-CN');
      await signIn(page, 'zhang.san');
      const pick = async (testId: string) => {
        await page.getByTestId(testId).click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      };
      const typeDate = async (testId: string, date: string) => {
        await page.getByTestId(testId).click();
        await page.keyboard.type(date);
        await page.keyboard.press('Enter');
      };

      await page.goto(`${server.url}/claims?tab=requests`);
      await page.getByTestId('new-document').click();
      await page.waitForURL(/\/requests\/new$/);
      const request = `上海出差申请 ${Date.now()}`;
      await page.getByTestId('request-title').fill(request);
      await typeDate('request-date', '2026-11-20');
      await pick('request-line-category');
      await page.getByTestId('request-line-description').fill('往返机票');
      await typeDate('request-line-date', '2026-11-25');
      await page.getByTestId('request-line-amount').fill('2400.00');
      await shot(t, page, 'new-request-filled', 'zh-CN');
      await page.getByTestId('save-request').click();
      await page.getByTestId('claim-detail').waitFor();
      assert.match(page.url(), /tab=requests/);
      assert.match(await page.getByTestId('claim-detail').innerText(), new RegExp(request));

      await page.goto(`${server.url}/claims?tab=advances`);
      await page.getByTestId('new-document').click();
      await page.waitForURL(/\/advances\/new$/);
      const advance = `差旅借款 ${Date.now()}`;
      await page.getByTestId('advance-title').fill(advance);
      await page.getByTestId('advance-amount').fill('3000');
      // Enter in the date picker submits the form once every required field is filled, as it is here
      await typeDate('advance-date', '2026-11-21');
      await page.getByTestId('claim-detail').waitFor();
      assert.match(page.url(), /tab=advances/);
      assert.match(await page.getByTestId('claim-detail').innerText(), new RegExp(advance));
      const mine = (await (
        await page.request.get(`${server.url}/api/v1/advances?mine=true&status=draft&limit=100`)
      ).json()) as { items: { title: string; total: string }[] };
      assert.equal(mine.items.find((a) => a.title === advance)?.total, '3000.00');
      const requests = (await (
        await page.request.get(`${server.url}/api/v1/expense-requests?mine=true&status=draft&limit=100`)
      ).json()) as { items: { title: string; total: string }[] };
      assert.equal(requests.items.find((r) => r.title === request)?.total, '2400.00');
      assert.deepEqual(problems, []);
    });

    it('shows a failed request as a readable message with its request id, never a blank page', async () => {
      const { page } = await open('en-US');
      await signIn(page, 'zhang.san');
      const missing = '01a2212c-0000-7000-8000-000000000000';
      const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/expense-claims/${missing}`));
      await page.goto(`${server.url}/claims/${missing}`);
      const response = await answer;
      assert.equal(response.status(), 404);
      const notice = page.getByTestId('error-notice');
      await notice.waitFor();
      const requestId = response.headers()['x-request-id'];
      assert.ok(requestId !== undefined && requestId !== '');
      assert.match(await notice.innerText(), new RegExp(`Request id: ${requestId}`));
      // a console path that does not exist is a page saying so
      await page.goto(`${server.url}/no/such/page`);
      await page.locator('.ant-result-404').waitFor();
    });

    it('fits a phone: the side menu becomes a drawer', async (t) => {
      const { page } = await open('zh-CN', { width: 390, height: 844 });
      await signIn(page, 'zhang.san');
      assert.equal(await page.locator('.ant-layout-sider').count(), 0);
      await shot(t, page, 'home-phone', 'zh-CN');
      await page.getByTestId('menu-button').click();
      await page.getByTestId('main-menu').getByText('我的报销').click();
      await page.getByTestId('claims-table').waitFor();
      const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
      assert.ok(width <= 390, `the page scrolls sideways: ${width}px`);
      await shot(t, page, 'my-claims-phone', 'zh-CN');
    });
  });
}

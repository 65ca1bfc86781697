import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildConsole, consoleIsFresh } from '../../scripts/build-console.ts';
import { openDatabase } from '../../src/platform/store/database.ts';
import { seedPendingTasksOf, type PendingLoad } from '../support/approval-load.ts';

/**
 * The browser suite's world: Debian's Chromium (never a browser downloaded by Playwright), the console
 * built from the current web/ sources, and the real FinBridge started as `npm start` starts it —
 * `finbridge serve --demo` on loopback, a fresh database, the demo passwords read from what it prints.
 */
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(REPO, 'src/cli/main.ts');
export const SCREENSHOTS = join(REPO, 'test-artifacts', 'screenshots');

/** Chromium from the system: FINBRIDGE_CHROMIUM, else the first of the Debian names on PATH. */
export function findChromium(): string | undefined {
  const named = process.env['FINBRIDGE_CHROMIUM'];
  if (named !== undefined && named !== '') return existsSync(named) ? named : undefined;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    const path = found.stdout.trim();
    if (found.status === 0 && path !== '') return path;
  }
  return undefined;
}

export function ensureConsoleBuilt(): void {
  if (!consoleIsFresh()) buildConsole();
}

export interface RunningServer {
  readonly url: string;
  /** username → the password this start gave the demo user */
  readonly passwords: ReadonlyMap<string, string>;
  /** The server's own database (SQLite in a directory of its own), for seeding through the store. */
  readonly databaseUrl: string;
  readonly output: () => string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** More environment for the server (e.g. FINBRIDGE_OIDC_* for single sign-on). */
  readonly env?: Readonly<Record<string, string>>;
  /** A fixed port (see freePort) where the address must be known before start, e.g. for SSO redirects. */
  readonly port?: number;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'finbridge-browser-'));
  const databaseUrl = `sqlite:${join(dir, 'finbridge.db')}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'serve', '--demo', '--host', '127.0.0.1', '--port', String(options.port ?? 0)],
    {
      cwd: REPO,
      env: {
        ...process.env,
        FINBRIDGE_DATA_DIR: dir,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
        FINBRIDGE_RATE_LIMIT_IP: '100000',
        FINBRIDGE_RATE_LIMIT_CLIENT: '100000',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
      child.kill('SIGTERM');
      const stopped = await Promise.race([
        exited,
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
      ]);
      if (!stopped) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`FinBridge did not start within 120 s:\n${out}`)),
        120_000,
      );
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`FinBridge exited with ${code}:\n${out}`));
      });
      const poll = setInterval(() => {
        const m = /running on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m?.[1] !== undefined && out.includes('Press Ctrl+C')) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(m[1]);
        }
      }, 100);
    });
    const passwords = new Map<string, string>();
    for (const m of out.matchAll(/^ {2}([a-z][a-z.]*)\s+(demo-\S+)\s/gm)) passwords.set(m[1]!, m[2]!);
    if (passwords.size === 0) throw new Error(`no demo sign-ins printed:\n${out}`);
    return { url, passwords, databaseUrl, output: () => out, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A loopback port free right now (the OS's choice), for a server whose address must be known ahead. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export function screenshotPath(name: string, locale: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.${locale}.png`);
}

/* ——— helpers for a suite's pages: one browser context per person, signed in as a demo user ——— */

export type ConsoleLocale = 'zh-CN' | 'en-US';

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors and console errors seen so far (a 401/403/404/409/422 answer's console line excepted). */
  readonly problems: string[];
}

/** A fresh context in `locale` (the console's own choice, kept in localStorage, starts there). */
export async function openConsole(
  browser: Browser,
  locale: ConsoleLocale,
  viewport = { width: 1366, height: 900 },
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, locale });
  await context.addInitScript((l) => {
    if (localStorage.getItem('finbridge.locale') === null) localStorage.setItem('finbridge.locale', l);
  }, locale);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000); // two cores shared with the server, its worker and CI
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4(01|03|04|09|22)/.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

/** Signs in on the sign-in page with the password this start gave the demo user. */
export async function signIn(page: Page, server: RunningServer, username: string): Promise<void> {
  const password = server.passwords.get(username);
  if (password === undefined) throw new Error(`no demo password printed for ${username}`);
  await page.goto(`${server.url}/`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('home-title').waitFor();
}

/**
 * Clicks `trigger` and then OK in the confirmation it opens. Waits first until no earlier confirmation is
 * showing: one still fading out matches `:visible` until its animation ends, and Playwright keeps the
 * element it first resolved, so its OK would be clicked (and waited on for ever once hidden) instead.
 */
export async function confirmVia(page: Page, trigger: Locator): Promise<void> {
  const noneShowing = () => {
    const { document } = globalThis as unknown as {
      document: { querySelectorAll(s: string): ArrayLike<{ checkVisibility(): boolean }> };
    };
    return Array.from(document.querySelectorAll('.ant-popconfirm')).every((e) => !e.checkVisibility());
  };
  await page.waitForFunction(noneShowing);
  await trigger.click();
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
  await page.waitForFunction(noneShowing);
}

/** The API as the signed-in page's session (its cookie and CSRF token); any answer, not only 2xx. */
export async function callApi(
  page: Page,
  server: RunningServer,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const me = (await (await page.request.get(`${server.url}/auth/me`)).json()) as { csrfToken: string };
  const res = await page.request.fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-csrf-token': me.csrfToken },
    ...(body === undefined ? {} : { data: body }),
  });
  return { status: res.status(), body: (await res.json()) as unknown };
}

/** A full-page screenshot of the page as it is, named `<name>.<locale>.png` under SCREENSHOTS. */
export async function screenshot(t: TestContext, page: Page, name: string, locale: string): Promise<void> {
  const path = screenshotPath(name, locale);
  await page.screenshot({ path, fullPage: true });
  t.diagnostic(`screenshot ${path}`);
  console.log(`screenshot: ${path}`);
}

/**
 * Screenshots of the same view in both languages, as a person switches them: the header's language
 * switch (remembered in localStorage), then the page reloads; `ready` names a test id to wait for.
 * Leaves the page in the language it found it in unless `restore` is false.
 */
export async function screenshotBothLocales(
  t: TestContext,
  page: Page,
  name: string,
  ready: string,
  restore = true,
): Promise<void> {
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
  await page.getByTestId(ready).first().waitFor();
}

/**
 * Pending approval tasks put straight into a running server's database through the store (the demo
 * company's; see test/support/approval-load.ts) — an inbox of thousands in a second, not an API call
 * each. SQLite in WAL mode lets the server go on meanwhile.
 */
export async function seedPendingTasksInto(
  server: RunningServer,
  load: PendingLoad,
): Promise<{ documentIds: string[]; taskIds: string[] }> {
  const database = openDatabase(server.databaseUrl);
  try {
    return await seedPendingTasksOf(database, 'DEMO', load);
  } finally {
    await database.close();
  }
}

/* ——— a suite in Chromium: the browser and the server started once, people signed in as needed ——— */

const MISSING =
  'Chromium not found: install Debian’s (apt-get install -y chromium) or set FINBRIDGE_CHROMIUM to a Chromium binary';

export interface ChromiumSuite {
  /** The FinBridge this suite started (valid inside its tests). */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A new browser context in `locale`, signed in on the sign-in page as the demo user `username`. */
  readonly as: (username: string, locale?: ConsoleLocale) => Promise<Page>;
  /** The API as the page's session, for set-up: the answer must be a 2xx, and its body is returned. */
  readonly api: <T>(
    page: Page,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    path: string,
    body?: unknown,
  ) => Promise<T>;
  /** What went wrong on every page opened through `as` (page errors, console errors). */
  readonly problems: () => string[];
}

/**
 * A describe block whose tests run in Chromium against one `serve --demo` (started before them,
 * stopped after). Without a Chromium the suite is skipped — and fails under CI, where `.ci/run`
 * installs Debian's.
 */
export function describeInChromium(
  title: string,
  body: (suite: ChromiumSuite) => void,
  options: ServerOptions = {},
): void {
  const executablePath = findChromium();
  if (executablePath === undefined) {
    const ci = process.env['CI'] !== undefined && process.env['CI'] !== '';
    describe(title, () => {
      if (ci)
        it('has a Chromium to run in', () => assert.fail(`${MISSING} — .ci/run installs it when missing`));
      else it('runs in Chromium', { skip: MISSING }, () => {});
    });
    return;
  }
  describe(title, () => {
    let server: RunningServer | undefined;
    let browser: Browser | undefined;
    const opened: OpenedPage[] = [];
    before(async () => {
      ensureConsoleBuilt();
      server = await startServer(options);
      browser = await chromium.launch({
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-dev-shm-usage'],
      });
    });
    after(async () => {
      for (const o of opened) await o.context.close().catch(() => undefined);
      await browser?.close();
      await server?.close();
    });
    const started = <T>(value: T | undefined, what: string): T => {
      if (value === undefined) throw new Error(`${what} is not started yet (use it inside a test)`);
      return value;
    };
    const suite: ChromiumSuite = {
      get server() {
        return started(server, 'the server');
      },
      get browser() {
        return started(browser, 'the browser');
      },
      as: async (username, locale = 'zh-CN') => {
        const o = await openConsole(suite.browser, locale);
        opened.push(o);
        await signIn(o.page, suite.server, username);
        return o.page;
      },
      api: async <T>(page: Page, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown) => {
        const res = await callApi(page, suite.server, method, path, body);
        assert.ok(
          res.status >= 200 && res.status < 300,
          `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`,
        );
        return res.body as T;
      },
      problems: () => opened.flatMap((o) => o.problems),
    };
    body(suite);
  });
}

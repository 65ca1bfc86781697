import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsole, consoleIsFresh } from '../../scripts/build-console.ts';

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
  readonly output: () => string;
  close(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'finbridge-browser-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'serve', '--demo', '--host', '127.0.0.1', '--port', '0'],
    {
      cwd: REPO,
      env: {
        ...process.env,
        FINBRIDGE_DATA_DIR: dir,
        DATABASE_URL: `sqlite:${join(dir, 'finbridge.db')}`,
        LOG_LEVEL: 'warn',
        FINBRIDGE_RATE_LIMIT_IP: '100000',
        FINBRIDGE_RATE_LIMIT_CLIENT: '100000',
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
    return { url, passwords, output: () => out, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export function screenshotPath(name: string, locale: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.${locale}.png`);
}

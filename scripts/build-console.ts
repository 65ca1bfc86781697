/**
 * Builds the web console (web/ → web/dist) with Vite.
 *
 *   node scripts/build-console.ts             build now (npm run build:console)
 *   node scripts/build-console.ts --if-stale  build only when web/ changed since the last build
 *                                            (npm's prepare and npm start run this)
 *
 * Without Vite installed (an install that left out devDependencies) it says so and exits 0: the
 * server still starts, and `/` explains how to build the console.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(REPO, 'web');
/** What the build writes last (the server's drawing of the opening pages, after the browser's bundle). */
const BUILT = join(WEB, 'dist', 'server', 'entry-server.js');
/** What the build reads besides web/src: a change to any of them makes the console stale. */
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.app.json'].map((p) =>
  join(WEB, p),
);

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Built, and nothing the build reads (nor the installed packages) changed after it. */
export function consoleIsFresh(): boolean {
  if (!existsSync(BUILT)) return false;
  const built = statSync(BUILT).mtimeMs;
  const lock = join(REPO, 'node_modules', '.package-lock.json');
  return Math.max(...INPUTS.map(newest), existsSync(lock) ? statSync(lock).mtimeMs : 0) <= built;
}

function viteBin(): string | undefined {
  try {
    const require = createRequire(join(REPO, 'package.json'));
    const manifest = require.resolve('vite/package.json');
    return join(manifest, '..', 'bin', 'vite.js');
  } catch {
    return undefined;
  }
}

export function buildConsole(): void {
  const vite = viteBin();
  if (vite === undefined) {
    process.stderr.write(
      'console: Vite is not installed (devDependencies left out?) — the web console is not built; ' +
        'run `npm ci` with devDependencies to build it\n',
    );
    return;
  }
  process.stdout.write('console: building web/ → web/dist …\n');
  // the browser's bundle, then the server's drawing of the opening pages (web/src/entry-server.tsx)
  for (const args of [[], ['--ssr', 'src/entry-server.tsx']]) {
    const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', ...args], {
      cwd: WEB,
      stdio: 'inherit',
    });
    if (run.status !== 0) throw new Error(`console build failed (exit ${run.status ?? run.signal})`);
  }
  process.stdout.write('console: built web/dist\n');
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && consoleIsFresh()) process.exit(0);
  try {
    buildConsole();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

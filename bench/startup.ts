// npm run bench -- startup   — how long the `finbridge` commands take to start (FINBRIDGE_BENCH_STARTUP_RUNS
// runs of each, default 5): `--help` until it exits, `serve` until it listens, `worker` until it says it
// started. Each run is a new node process with the heap sizing FinBridge ships, on one SQLite database
// migrated beforehand (a restart, not a first install).
//
// Three columns per command: without Node's compile cache (NODE_DISABLE_COMPILE_CACHE=1: every
// TypeScript file stripped and every module compiled again), the first start with an empty cache (cold)
// and the starts after it (warm). The CLI turns the cache on itself (src/cli/main.ts); its default place
// is the OS temporary directory, here a fresh directory per cold run.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_HEAP_FLAGS } from '../src/cli/heap-sizing.ts';
import { percentile } from './measure.ts';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const RUNS = Math.max(1, Number(process.env['FINBRIDGE_BENCH_STARTUP_RUNS'] ?? 5));
/** A start that takes longer than this is reported as failed rather than waited for. */
const GIVE_UP_MS = 120_000;

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  /** The output line that says the command is ready; undefined: the command's exit. */
  readonly ready?: RegExp;
}

const CASES: readonly Case[] = [
  { name: 'finbridge --help', args: ['--help'] },
  { name: 'finbridge version', args: ['version'] },
  { name: 'finbridge serve (to listening)', args: ['serve'], ready: /is running on http/ },
  { name: 'finbridge worker (to started)', args: ['worker'], ready: /^worker \S+ started/m },
];

type CacheMode = 'off' | 'cold' | 'warm';

/** One start: wall-clock ms from spawning `node src/cli/main.ts …` until ready, and the CPU ms it used. */
interface Start {
  readonly wallMs: number;
  readonly cpuMs: number | undefined;
}

/** Reports the process's own CPU time as it exits (for commands measured to their exit). */
const CPU_ON_EXIT =
  "data:text/javascript,process.on('exit',()=>process.stderr.write('\\n@cpu '+JSON.stringify(process.cpuUsage())+'\\n'))";

/** User + system CPU ms of a live process (Linux /proc; undefined elsewhere). */
function cpuOfLive(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
/** Linux's USER_HZ: 100 on every mainstream architecture. */
const CLOCK_TICKS = 100;

function startOnce(command: Case, env: NodeJS.ProcessEnv): Promise<Start> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        ...NODE_HEAP_FLAGS,
        ...(command.ready === undefined ? [`--import=${CPU_ON_EXIT}`] : []),
        MAIN,
        ...command.args,
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let ready: Start | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), GIVE_UP_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (ready === undefined && command.ready?.test(out) === true) {
        ready = { wallMs: performance.now() - started, cpuMs: cpuOfLive(child.pid) };
        child.kill('SIGTERM');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (command.ready !== undefined && ready !== undefined) return resolve(ready);
      if (command.ready === undefined && code === 0) {
        const cpu = /@cpu (\{.*\})/.exec(err)?.[1];
        const usage = cpu === undefined ? undefined : (JSON.parse(cpu) as { user: number; system: number });
        return resolve({
          wallMs: performance.now() - started,
          cpuMs: usage === undefined ? undefined : (usage.user + usage.system) / 1000,
        });
      }
      reject(
        new Error(`${command.name} failed (exit ${String(code ?? signal)}): ${err.trim() || out.trim()}`),
      );
    });
  });
}

async function runCommand(
  command: Case,
  base: NodeJS.ProcessEnv,
  scratch: string,
): Promise<Record<CacheMode, Start[]>> {
  const times: Record<CacheMode, Start[]> = { off: [], cold: [], warm: [] };
  const warmCache = join(scratch, `cache-${randomBytes(4).toString('hex')}`);
  for (let run = 0; run < RUNS; run++) {
    times.off.push(await startOnce(command, { ...base, NODE_DISABLE_COMPILE_CACHE: '1' }));
    const coldCache = join(scratch, `cold-${run}`);
    times.cold.push(await startOnce(command, { ...base, NODE_COMPILE_CACHE: coldCache }));
    rmSync(coldCache, { recursive: true, force: true });
    // the first start fills the warm cache; only the starts after it count
    if (run === 0) await startOnce(command, { ...base, NODE_COMPILE_CACHE: warmCache });
    times.warm.push(await startOnce(command, { ...base, NODE_COMPILE_CACHE: warmCache }));
  }
  return times;
}

const median = (values: readonly number[]): number | null =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** Median (min–max) of the wall-clock times; the median CPU time. */
function cells(starts: readonly Start[]): [string, string] {
  const wall = starts.map((s) => s.wallMs);
  const cpu = starts.flatMap((s) => (s.cpuMs === undefined ? [] : [s.cpuMs]));
  const m = median(wall);
  const c = median(cpu);
  return [
    m === null ? '—' : `${Math.round(m)} (${Math.round(Math.min(...wall))}–${Math.round(Math.max(...wall))})`,
    c === null ? '—' : String(Math.round(c)),
  ];
}

const MODES: Record<CacheMode, string> = {
  off: 'no compile cache',
  cold: 'cold cache',
  warm: 'warm cache',
};

export async function startupSuite(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'finbridge-startup-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(scratch, 'finbridge.db')}`,
    FINBRIDGE_DATA_DIR: scratch,
    FINBRIDGE_MASTER_KEY: randomBytes(32).toString('base64'),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    NODE_COMPILE_CACHE: undefined,
    NODE_DISABLE_COMPILE_CACHE: undefined,
  };
  try {
    const rows: string[][] = [];
    for (const [i, command] of CASES.entries()) {
      const database = { ...env, DATABASE_URL: `sqlite:${join(scratch, `finbridge-${i}.db`)}` };
      await startOnce({ name: 'finbridge migrate', args: ['migrate'] }, database);
      const times = await runCommand(command, database, scratch);
      for (const mode of Object.keys(MODES) as CacheMode[])
        rows.push([command.name, MODES[mode], ...cells(times[mode])]);
    }
    const header = ['command', 'compile cache', 'wall ms: median (min–max)', 'CPU ms: median'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: readonly string[]) =>
      `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
    process.stdout.write(
      `\nStart-up until ready, ${RUNS} runs each (node ${NODE_HEAP_FLAGS.join(' ')}, SQLite). ` +
        'On a busy machine the CPU time is the steadier figure.\n\n' +
        `${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${rows.map(line).join('\n')}\n`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.main) await startupSuite();

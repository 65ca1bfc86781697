/** One benchmark row: what ran, how many rows, how fast, and the peak resident memory while it ran. */
export interface Row {
  readonly engine: string;
  readonly case: string;
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly peakRssMb: number;
}

export async function measure(
  engine: string,
  name: string,
  rows: number,
  work: () => Promise<void>,
): Promise<Row> {
  globalThis.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const start = process.hrtime.bigint();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { engine, case: name, rows, seconds, rowsPerSecond: rows / seconds, peakRssMb: peak / 1024 / 1024 };
}

export function printTable(title: string, rows: readonly Row[]): void {
  const header = ['engine', 'case', 'rows', 'seconds', 'rows/s', 'peak RSS MB'];
  const body = rows.map((r) => [
    r.engine,
    r.case,
    String(r.rows),
    r.seconds.toFixed(2),
    Math.round(r.rowsPerSecond).toLocaleString('en-US'),
    r.peakRssMb.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  process.stdout.write(
    `\n${title}\n\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${body.map(line).join('\n')}\n`,
  );
}

/** The p-th percentile (0–100) of ascending values; null when there are none. */
export const percentile = (sorted: readonly number[], p: number): number | null =>
  sorted.length === 0
    ? null
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? null);

import type { Answer, Violation } from './invariants.ts';
import type { FuzzRequest } from './requests.ts';

/**
 * The fuzz report: counts per violation, and the first examples of each (violation, operation,
 * status) group — enough to reproduce each finding, few enough to read.
 */
export interface Example {
  readonly kind: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly status: number;
  readonly response: string;
  readonly detail: string;
}

export interface FindingGroup {
  readonly violation: Violation | 'error log';
  readonly operation: string;
  readonly status: number;
  count: number;
  readonly examples: Example[];
}

export interface FuzzReport {
  readonly engine: string;
  readonly seed: number;
  readonly requests: number;
  readonly seconds: number;
  readonly operationsTotal: number;
  readonly operationsCovered: number;
  readonly uncovered: readonly string[];
  /** Operations that never answered 2xx: how far the valid requests got is worth watching. */
  readonly neverSucceeded: readonly string[];
  readonly serverErrors: number;
  readonly nonProblem: number;
  readonly halfWrites: number;
  readonly leaks: number;
  /** Requests naming the other company in X-Tenant that were answered 2xx. */
  readonly crossTenant: number;
  readonly errorLogLines: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly groups: readonly FindingGroup[];
}

type RunFacts = Pick<
  FuzzReport,
  | 'engine'
  | 'seed'
  | 'requests'
  | 'seconds'
  | 'operationsTotal'
  | 'operationsCovered'
  | 'uncovered'
  | 'neverSucceeded'
  | 'statuses'
>;

const excerpt = (text: string, max = 300): string =>
  text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;

/** Headers worth showing: secrets and session ids elided. */
function shownHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'authorization')
      out[name] = value.startsWith('Bearer ') ? 'Bearer <caller token>' : excerpt(value, 60);
    else if (name === 'cookie') out[name] = '<session cookie>';
    else if (name !== 'x-csrf-token') out[name] = excerpt(value, 80);
  }
  return out;
}

export class Findings {
  private readonly groups = new Map<string, FindingGroup>();
  private readonly counts = new Map<string, number>();
  private readonly perGroup: number;

  constructor(perGroup: number) {
    this.perGroup = perGroup;
  }

  add(violation: Violation, request: FuzzRequest, res: Answer, detail: string): void {
    this.record(violation, request, res, detail);
  }

  addLogLine(request: FuzzRequest, res: Answer, line: string): void {
    this.record('error log', request, res, excerpt(line, 400));
  }

  private record(
    violation: FindingGroup['violation'],
    request: FuzzRequest,
    res: Answer,
    detail: string,
  ): void {
    this.counts.set(violation, (this.counts.get(violation) ?? 0) + 1);
    const key = `${violation}|${request.operation.key}|${res.statusCode}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { violation, operation: request.operation.key, status: res.statusCode, count: 0, examples: [] };
      this.groups.set(key, group);
    }
    group.count += 1;
    if (group.examples.length < this.perGroup)
      group.examples.push({
        kind: request.kind,
        method: request.method,
        url: excerpt(request.url, 200),
        headers: shownHeaders(request.headers),
        body: excerpt(request.payload ?? ''),
        status: res.statusCode,
        response: excerpt(res.body),
        detail,
      });
  }

  report(facts: RunFacts): FuzzReport {
    const count = (v: string) => this.counts.get(v) ?? 0;
    return {
      ...facts,
      serverErrors: count('server error'),
      nonProblem: count('not problem+json'),
      halfWrites: count('half-write'),
      leaks: count('leak'),
      crossTenant: count('cross-tenant'),
      errorLogLines: count('error log'),
      groups: [...this.groups.values()].sort(
        (a, b) =>
          a.violation.localeCompare(b.violation) ||
          a.operation.localeCompare(b.operation) ||
          a.status - b.status,
      ),
    };
  }
}

export const failed = (r: FuzzReport): boolean =>
  r.serverErrors + r.nonProblem + r.halfWrites + r.leaks + r.crossTenant + r.errorLogLines > 0;

/** One table row per engine. */
export function formatTable(reports: readonly FuzzReport[]): string {
  const header = [
    'engine',
    'requests',
    'operations',
    '5xx',
    'non-problem 4xx',
    'half-writes',
    'leaks',
    'cross-tenant',
    'error logs',
    'seconds',
    'req/s',
  ];
  const rows = reports.map((r) => [
    r.engine,
    String(r.requests),
    `${r.operationsCovered}/${r.operationsTotal}`,
    String(r.serverErrors),
    String(r.nonProblem),
    String(r.halfWrites),
    String(r.leaks),
    String(r.crossTenant),
    String(r.errorLogLines),
    String(r.seconds),
    String(Math.round(r.requests / Math.max(r.seconds, 0.001))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The failing examples, grouped, as readable text. */
export function formatFindings(report: FuzzReport): string {
  const out: string[] = [];
  for (const g of report.groups) {
    out.push(`[${report.engine}] ${g.violation}: ${g.operation} → ${g.status} (${g.count}×)`);
    for (const e of g.examples) {
      out.push(`  - request: ${e.kind}`);
      if (e.detail !== '') out.push(`    finding: ${e.detail}`);
      out.push(`    ${e.method} ${e.url}  ${JSON.stringify(e.headers)}`);
      if (e.body !== '') out.push(`    body: ${e.body}`);
      out.push(`    → ${e.status} ${e.response}`);
    }
  }
  return out.join('\n');
}

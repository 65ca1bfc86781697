import type { EngineUnderTest } from '../support/engines.ts';
import {
  answerProblem,
  type Answer,
  changedTables,
  errorLines,
  leaks,
  snapshotter,
  type Snapshot,
  type Violation,
} from './invariants.ts';
import type { Operation } from './openapi.ts';
import { Pools, collectionOf } from './pools.ts';
import { makeHint } from './hints.ts';
import { RequestBuilder, type FuzzRequest, type Mode } from './requests.ts';
import { Rng } from './rng.ts';
import { ValueGenerator } from './schema-values.ts';
import { OTHER_COMPANY, startWorld, type World } from './world.ts';
import { Findings, type FuzzReport } from './report.ts';

/**
 * The API fuzzer: every operation of /openapi.json, driven by one seed. Each answer is checked
 * against the invariants (invariants.ts); the report counts violations and keeps the first examples
 * of each (kind, operation, status). Same seed, same request sequence.
 */
export interface FuzzOptions {
  readonly engine: EngineUnderTest;
  readonly requests: number;
  readonly seed: number;
  readonly log?: (line: string) => void;
  /** Examples kept per (violation, operation, status) group; default 3. */
  readonly examplesPerGroup?: number;
}

/** Requests between re-reads of the list endpoints (new ids, codes and records to mutate). */
const REFRESH_EVERY = 250;
const MIX: readonly (readonly [number, Mode])[] = [
  [25, 'valid'],
  [55, 'mutated'],
  [20, 'garbage'],
];

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const world = await startWorld(options.engine);
  try {
    log(
      `fuzz ${options.engine.engine}: app ready in ${seconds(started)} s, ${world.doc.operations.length} operations`,
    );
    const run = new FuzzRun(world, options);
    await run.start();
    const t0 = performance.now();
    for (let i = 0; i < options.requests; i++) {
      await run.step(i);
      if ((i + 1) % 5000 === 0)
        log(`  ${i + 1} requests, ${Math.round((i + 1) / ((performance.now() - t0) / 1000))}/s`);
    }
    return run.report(seconds(t0));
  } finally {
    await world.close();
  }
}

class FuzzRun {
  private readonly world: World;
  private readonly options: FuzzOptions;
  private readonly rng: Rng;
  private readonly pools: Pools;
  private readonly builder: RequestBuilder;
  private readonly findings: Findings;
  private readonly covered = new Set<string>();
  private readonly succeeded = new Set<string>();
  private readonly statuses = new Map<number, number>();
  private snapshot: () => Promise<Snapshot> = async () => new Map();
  private before: Snapshot = new Map();
  private counter = 0;

  constructor(world: World, options: FuzzOptions) {
    this.world = world;
    this.options = options;
    this.rng = new Rng(options.seed);
    this.pools = new Pools(world);
    const fresh = () => `FZ${(++this.counter).toString(36).toUpperCase()}`;
    const generator = new ValueGenerator(world.doc, this.rng, makeHint(world, this.pools, fresh));
    this.builder = new RequestBuilder(world, this.pools, this.rng, generator, fresh);
    this.findings = new Findings(options.examplesPerGroup ?? 3);
  }

  async start(): Promise<void> {
    this.snapshot = await snapshotter(this.world.app.database);
    await this.pools.refresh();
    this.world.app.logLines.length = 0;
    this.before = await this.snapshot();
  }

  /** One request: the first pass gives every operation a valid request, then the mix decides. */
  async step(i: number): Promise<void> {
    const operations = this.world.doc.operations;
    const op = i < operations.length ? (operations[i] as Operation) : this.rng.pick(operations);
    const mode: Mode = i < operations.length ? 'valid' : this.rng.weighted(MIX);
    const request = this.builder.build(op, mode);
    const res = await this.send(request);
    this.covered.add(op.key);
    if (res.statusCode < 300) this.succeeded.add(op.key);
    this.statuses.set(res.statusCode, (this.statuses.get(res.statusCode) ?? 0) + 1);
    const after = await this.snapshot();
    this.check(request, res, after);
    this.before = after;
    await this.housekeeping(i, request, res);
  }

  private async send(request: FuzzRequest): Promise<Answer> {
    try {
      if (request.overSocket) return await this.sendOverSocket(request);
      const res = await this.world.app.request({
        method: request.method,
        url: request.url,
        headers: request.headers,
        ...(request.payload === undefined ? {} : { payload: request.payload }),
      });
      return { statusCode: res.statusCode, contentType: res.headers['content-type'] ?? '', body: res.body };
    } catch (error) {
      // inject only throws when the server could not answer at all: stop with the request to replay
      throw new Error(`no answer to ${request.method} ${request.url.slice(0, 200)} (${request.kind})`, {
        cause: error,
      });
    }
  }

  private async sendOverSocket(request: FuzzRequest): Promise<Answer> {
    const res = await fetch(`${this.world.baseUrl}${request.url}`, {
      method: request.method,
      headers: request.headers,
      ...(request.payload === undefined ? {} : { body: request.payload }),
    });
    return {
      statusCode: res.status,
      contentType: res.headers.get('content-type') ?? '',
      body: await res.text(),
    };
  }

  private check(request: FuzzRequest, res: Answer, after: Snapshot): void {
    const flag = (violation: Violation, detail: string) => this.findings.add(violation, request, res, detail);
    if (res.statusCode >= 500) flag('server error', '');
    const shape = answerProblem(request.operation.path, res);
    if (shape !== undefined) flag('not problem+json', shape);
    if (res.statusCode >= 400 && res.statusCode < 500) {
      const changes = changedTables(this.before, after, request.operation.key);
      if (changes.length > 0) flag('half-write', changes.join('; '));
    }
    if (leaks(res.body)) flag('leak', 'answer carries the other company’s marker');
    const tenant = request.headers['x-tenant'];
    const otherTenant = tenant === OTHER_COMPANY || tenant === this.world.otherCompanyId;
    if (otherTenant && !request.operation.public && res.statusCode < 300)
      flag('cross-tenant', `X-Tenant ${tenant} of the other company was served`);
    const lines = this.world.app.logLines.splice(0);
    for (const line of errorLines(lines)) this.findings.addLogLine(request, res, line);
  }

  /** Keeps the world usable: new ids into the pools, a fresh session after a logout. */
  private async housekeeping(i: number, request: FuzzRequest, res: Answer): Promise<void> {
    let changed = false;
    if (res.statusCode === 201) this.rememberCreated(request, res);
    if (res.statusCode < 300) this.pools.learnVersion(parseJson(res.body));
    if (request.operation.key === 'POST /oauth/token' && res.statusCode === 200) {
      const token = (JSON.parse(res.body) as { access_token?: unknown }).access_token;
      if (typeof token === 'string') this.pools.disposableTokens.push(token);
    }
    if (request.operation.key === 'POST /auth/logout' && res.statusCode < 300 && request.usesSession) {
      await this.signInAgain();
      changed = true;
    }
    if ((i + 1) % REFRESH_EVERY === 0) {
      await this.pools.refresh();
      changed = true;
    }
    if (changed) {
      this.world.app.logLines.length = 0;
      this.before = await this.snapshot();
    }
  }

  private rememberCreated(request: FuzzRequest, res: Answer): void {
    try {
      const id = (JSON.parse(res.body) as { id?: unknown }).id;
      if (typeof id === 'string') this.pools.remember(collectionOf(request.operation.path), id);
    } catch {
      // not every 201 carries a JSON body with an id
    }
  }

  private async signInAgain(): Promise<void> {
    const { username, password } = this.world.sessionUser;
    const res = await this.world.app.request({
      method: 'POST',
      url: '/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200) {
      this.world.session = { cookie: '', csrf: '' };
      return;
    }
    const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
    this.world.session = { cookie, csrf: (JSON.parse(res.body) as { csrfToken: string }).csrfToken };
  }

  report(elapsed: number): FuzzReport {
    const all = this.world.doc.operations.map((op) => op.key);
    return this.findings.report({
      engine: this.options.engine.engine,
      seed: this.options.seed,
      requests: this.options.requests,
      seconds: elapsed,
      operationsTotal: all.length,
      operationsCovered: all.filter((k) => this.covered.has(k)).length,
      uncovered: all.filter((k) => !this.covered.has(k)),
      neverSucceeded: all.filter((k) => !this.succeeded.has(k)),
      statuses: Object.fromEntries([...this.statuses].sort(([a], [b]) => a - b)),
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const seconds = (since: number): number => Math.round((performance.now() - since) / 100) / 10;

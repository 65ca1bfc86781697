import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type Running } from '../../src/app.ts';
import { registerCompany } from '../../src/governance/companies.ts';
import { fixedClock, systemClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createClient } from '../../src/platform/security/clients.ts';
import type { Scope } from '../../src/platform/security/scopes.ts';
import { createUser } from '../../src/platform/security/users.ts';
import { findCompany } from '../../src/platform/store/companies.ts';
import type { OpenDatabase } from '../../src/platform/store/database.ts';
import { tenantDb } from '../../src/platform/store/tenant-scope.ts';
import type { EngineUnderTest } from './engines.ts';
import type { WorkerOptions } from '../../src/hub/worker.ts';
import type { ConnectorDefinition } from '../../src/connectors/contract.ts';

/** A FinBridge app on a fresh database of one engine, with a hand-moved clock and captured logs. */
export interface TestApp {
  readonly running: Running;
  readonly database: OpenDatabase;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly logLines: string[];
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Registers a company as the operator would (`finbridge companies create`). */
  provision(company?: Partial<typeof DEMO_LIKE_COMPANY>): Promise<string>;
  /** An API client of the company with these scopes, and an access token for it. */
  client(
    companyCode: string,
    scopes: readonly Scope[],
  ): Promise<{ clientId: string; clientSecret: string; token: string }>;
  /** Authorization header for a fresh token with these scopes. */
  bearer(companyCode: string, scopes: readonly Scope[]): Promise<Record<string, string>>;
  /** A console user; returns the session cookie and CSRF token after signing in. */
  user(
    companyCode: string,
    username: string,
    roles: readonly string[],
    employeeCode?: string,
  ): Promise<{ cookie: string; csrf: string; password: string }>;
  close(): Promise<void>;
}

export const DEMO_LIKE_COMPANY = {
  code: 'ACME',
  name: '测试有限公司',
  taxId: '91110108123456788E',
  baseCurrency: 'CNY',
  fiscalCalendar: { firstMonth: 1, specialPeriods: 0 },
  accountingStandard: 'CAS',
};

export interface TestAppOptions {
  /** Run the posting worker (off by default); it runs on real time, not the test clock. */
  readonly worker?: Partial<WorkerOptions>;
  /** Connector definitions the app installs (default: every connector FinBridge ships). */
  readonly connectors?: readonly ConnectorDefinition[];
  /** The console directory served at `/` (default: the built console, web/dist). */
  readonly consoleDir?: string;
}

export async function startTestApp(
  engine: EngineUnderTest,
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = await engine.open();
  const clock = fixedClock('2026-11-28T08:00:00.000Z');
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((l) => l !== ''),
      );
      callback();
    },
  });
  // files the app keeps beside its database (attachment blobs, archive packages) go to a folder of
  // this app's own, removed on close — never into the checkout's data/
  const dataDir = mkdtempSync(join(tmpdir(), 'finbridge-test-'));
  const config = loadConfig({
    FINBRIDGE_DATA_DIR: dataDir,
    DATABASE_URL: 'sqlite::memory:',
    LOG_LEVEL: 'info',
    FINBRIDGE_MASTER_KEY: randomBytes(32).toString('base64'),
    FINBRIDGE_RATE_LIMIT_IP: '100000',
    FINBRIDGE_RATE_LIMIT_CLIENT: '100000',
    ...env,
  });
  const running = await buildApp({
    config,
    database,
    clock,
    logStream,
    worker: options.worker === undefined ? false : { clock: systemClock, ...options.worker },
    ...(options.connectors === undefined ? {} : { connectors: options.connectors }),
    ...(options.consoleDir === undefined ? {} : { consoleDir: options.consoleDir }),
  });
  const { audit } = running.context.security;
  const request = (options: InjectOptions) => running.app.inject(options);
  const client: TestApp['client'] = async (companyCode, scopes) => {
    const company = await findCompany(database, companyCode);
    if (company === undefined) throw new Error(`no company ${companyCode}`);
    const { client: created, clientSecret } = await createClient(tenantDb(database.db, company.id), audit, {
      name: `test ${scopes.join(' ')}`,
      scopes,
      actor: 'system:test',
    });
    const res = await request({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: created.clientId,
        client_secret: clientSecret,
      }).toString(),
    });
    if (res.statusCode !== 200) throw new Error(`token: ${res.statusCode} ${res.body}`);
    return {
      clientId: created.clientId,
      clientSecret,
      token: res.json<{ access_token: string }>().access_token,
    };
  };
  return {
    running,
    database,
    clock,
    logLines,
    request,
    provision: async (overrides = {}) => {
      const created = await registerCompany(
        database,
        { actor: 'system:test', audit },
        { ...DEMO_LIKE_COMPANY, ...overrides },
      );
      return String(created['id']);
    },
    client,
    bearer: async (companyCode, scopes) => ({
      authorization: `Bearer ${(await client(companyCode, scopes)).token}`,
    }),
    user: async (companyCode, username, roles, employeeCode) => {
      const company = await findCompany(database, companyCode);
      if (company === undefined) throw new Error(`no company ${companyCode}`);
      const password = `pw-${randomBytes(8).toString('hex')}`;
      await createUser(tenantDb(database.db, company.id), audit, {
        username,
        displayName: username,
        roles,
        password,
        ...(employeeCode === undefined ? {} : { employeeCode }),
        actor: 'system:test',
      });
      const res = await request({ method: 'POST', url: '/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login: ${res.statusCode} ${res.body}`);
      const setCookie = String(res.headers['set-cookie']);
      return {
        cookie: setCookie.split(';')[0] ?? '',
        csrf: res.json<{ csrfToken: string }>().csrfToken,
        password,
      };
    },
    close: async () => {
      await running.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

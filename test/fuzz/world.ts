import { connectDemoErp, startDemoSimulator } from '../../src/demo/erp.ts';
import { startDemoBudgetSystem, type DemoBudgetSystem } from '../../src/demo/budget-system.ts';
import { DEMO_COMPANY } from '../../src/demo/demo-company.ts';
import { seedExpenseDemo } from '../../src/demo/expenses.ts';
import { issueDemoCredentials, seedDemo } from '../../src/demo/seed.ts';
import { ALL_SCOPES } from '../../src/platform/security/scopes.ts';
import type { EngineUnderTest } from '../support/engines.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { parseDocument, type ApiDocument } from './openapi.ts';

/**
 * The world the fuzzer acts in: a FinBridge app with the demo company (org chart, staff, a Kingdee
 * simulator connection, expense claims in every state) as the caller's company, and a second company
 * OTHER whose records carry a marker name that must never appear in an answer to the caller.
 */
export const OTHER_COMPANY = 'OTHER';
export const MARKER = 'OTHER-CO-MARKER-5f1c9e';
export const CALLER_COMPANY: string = DEMO_COMPANY.code;

export interface Credentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly token: string;
}

export interface World {
  readonly app: TestApp;
  /** The same app listening on a loopback port, for what inject cannot show (Node's own URL limits). */
  readonly baseUrl: string;
  readonly doc: ApiDocument;
  readonly callerCompanyId: string;
  readonly otherCompanyId: string;
  /** The caller's API client (every scope); never revoked by the fuzzer. */
  readonly caller: Credentials;
  /** A token of the other company, only for reading its ids. */
  readonly other: Credentials;
  /** A console user of the caller's company (admin, finance, approver, employee E001). */
  session: { cookie: string; csrf: string };
  readonly sessionUser: { username: string; password: string };
  /** Demo users whose sign-in the fuzzer may try (and lock out). */
  readonly loginUsers: readonly { username: string; password: string }[];
  /** Loopback addresses that may stand as URLs in requests (the server may call them). */
  readonly loopbackUrls: readonly string[];
  /** The demo budget system's webhook secret: signs approval callbacks that get past the signature check. */
  readonly webhookSecret: string;
  close(): Promise<void>;
}

export async function startWorld(engine: EngineUnderTest): Promise<World> {
  const app = await startTestApp(engine, {
    LOG_LEVEL: 'warn',
    FINBRIDGE_RATE_LIMIT_IP: '1000000',
    FINBRIDGE_RATE_LIMIT_CLIENT: '1000000',
  });
  const { database, security, clock } = app.running.context;
  const platform = { database, security, clock, wake: () => app.running.worker?.wake() };
  const seeded = await seedDemo(database, security.audit);
  const demoCredentials = await issueDemoCredentials(database, security.audit, seeded.company);
  const erp = { simulator: await startDemoSimulator(clock) };
  await connectDemoErp(platform, seeded.company, erp.simulator);
  let budgetSystem: DemoBudgetSystem | undefined;
  try {
    budgetSystem = await startDemoBudgetSystem(clock);
    await seedExpenseDemo(platform, seeded.company, budgetSystem);
    const otherCompanyId = await app.provision({
      code: OTHER_COMPANY,
      name: `${MARKER} 有限公司`,
      taxId: '9144030071526726XG',
    });
    const other = await app.client(OTHER_COMPANY, ALL_SCOPES);
    await seedOtherCompany(app, other.token);
    const caller = await app.client(CALLER_COMPANY, ALL_SCOPES);
    const sessionUser = { username: 'fuzz.admin', roles: ['admin', 'finance', 'approver', 'employee'] };
    const signedIn = await app.user(CALLER_COMPANY, sessionUser.username, sessionUser.roles, 'E001');
    const docResponse = await app.request({ method: 'GET', url: '/openapi.json' });
    if (docResponse.statusCode !== 200) throw new Error(`GET /openapi.json: ${docResponse.statusCode}`);
    const system = budgetSystem;
    const baseUrl = await app.running.app.listen({ host: '127.0.0.1', port: 0 });
    return {
      app,
      baseUrl,
      doc: parseDocument(docResponse.json()),
      callerCompanyId: seeded.company.id,
      otherCompanyId,
      caller,
      other,
      session: { cookie: signedIn.cookie, csrf: signedIn.csrf },
      sessionUser: { username: sessionUser.username, password: signedIn.password },
      loginUsers: demoCredentials.users.map((u) => ({ username: u.username, password: u.password })),
      loopbackUrls: [erp.simulator.url, system.url, 'http://127.0.0.1:9/'],
      webhookSecret: system.secret,
      close: async () => {
        await app.close();
        await erp.simulator.close();
        await system.close();
      },
    };
  } catch (error) {
    await app.close();
    await erp.simulator.close();
    await budgetSystem?.close();
    throw error;
  }
}

/** Master data of OTHER named with the marker, so a leak shows in any answer that carries names. */
async function seedOtherCompany(app: TestApp, token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  const records: readonly [string, Record<string, unknown>][] = [
    ['/api/v1/departments', { code: 'OD1', name: `${MARKER} dept`, kind: 'management' }],
    ['/api/v1/cost-centers', { code: 'OCC1', name: `${MARKER} cost centre`, departmentCode: 'OD1' }],
    ['/api/v1/employees', { code: 'OE1', name: `${MARKER} employee`, departmentCode: 'OD1' }],
    ['/api/v1/suppliers', { code: 'OS1', name: `${MARKER} supplier`, taxId: '91310115MA1K3BTP2B' }],
    ['/api/v1/customers', { code: 'OC1', name: `${MARKER} customer`, taxId: '91110108123456788E' }],
    ['/api/v1/projects', { code: 'OP1', name: `${MARKER} project` }],
    [
      '/api/v1/accounts',
      { code: '6602', name: `${MARKER} account`, type: 'profit_loss', balanceDirection: 'debit' },
    ],
    ['/api/v1/external-approvers', { code: 'OX1', name: `${MARKER} approver`, url: 'http://127.0.0.1:9/' }],
    ['/api/v1/clients', { name: `${MARKER} client`, scopes: ['master-data:read'] }],
    ['/api/v1/users', { username: 'other.user', displayName: `${MARKER} user`, roles: ['employee'] }],
  ];
  for (const [url, payload] of records) {
    const res = await app.request({ method: 'POST', url, headers, payload });
    if (res.statusCode >= 300) throw new Error(`seeding OTHER ${url}: ${res.statusCode} ${res.body}`);
  }
}

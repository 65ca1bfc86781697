import type { Clock } from '../platform/clock.ts';
import { yuanOf } from '../model/money.ts';
import { DomainError } from '../model/result.ts';
import type { Security } from '../platform/security/context.ts';
import type { OpenDatabase } from '../platform/store/database.ts';
import type { RunningSimulator, SimulatorMasterData } from '../connectors/contract.ts';
import { connectorDefinition } from '../hub/connector-registry.ts';
import {
  connectorFor,
  createConnection,
  getConnectionRow,
  listConnections,
  updateConnection,
} from '../hub/connections.ts';
import { submitDocument, submitVoucher } from '../hub/postings.ts';
import { listProfiles, saveProfile } from '../hub/profiles.ts';
import { pullNow, setSchedules } from '../hub/pulls.ts';
import type { CompanyRecord } from '../platform/store/companies.ts';
import { tenantDb, type TenantDb } from '../platform/store/tenant-scope.ts';
import type { Writer } from '../platform/audit/audit-log.ts';
import type { Keyring } from '../platform/security/keyring.ts';
import { registerCompany } from '../governance/companies.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_DEPARTMENTS,
  DEMO_EMPLOYEES,
  DEMO_EXPENSE_CATEGORIES,
  DEMO_SUPPLIERS,
} from './demo-company.ts';

/** What a built-in simulator's book starts with: the demo company's master data. */
export const demoMasterData = (): SimulatorMasterData => ({
  accounts: DEMO_ACCOUNTS.map((a) => ({
    code: String(a['code']),
    name: String(a['name']),
    postable: a['postable'] !== false,
    balanceDirection: a['balanceDirection'] === 'credit' ? 'credit' : 'debit',
  })),
  departments: DEMO_DEPARTMENTS.map((d) => ({ code: String(d['code']), name: String(d['name']) })),
  employees: DEMO_EMPLOYEES.map((e) => ({ code: String(e['code']), name: String(e['name']) })),
  suppliers: DEMO_SUPPLIERS.map((s) => ({
    code: String(s['code']),
    name: String(s['name']),
    taxId: String(s['taxId']),
  })),
});

/** The connection type whose built-in simulator the demo company posts its sample documents to. */
export const DEMO_ERP = 'kingdee-k3cloud';

/**
 * Which ERP keeps the books of which offices of the demo company, as in a group that grew by
 * acquisitions: head office and the offices not listed below book into Kingdee; the others kept the
 * ERP they came with. (In a real group each subsidiary is a company of its own, with its own
 * connection; the demo keeps them in one company so that one sign-in sees every ERP.) A route whose
 * connector is not installed is left out, and its offices book into Kingdee.
 */
export interface DemoRoute {
  readonly type: string;
  /** The departments whose sample vouchers this ERP receives. */
  readonly departments: (department: string) => boolean;
}
const ROUTED_OFFICES: readonly { readonly type: string; readonly departments: readonly string[] }[] = [
  { type: 'yonyou-u8', departments: ['SALES-S'] },
  { type: 'yonbip', departments: ['MKT'] },
  { type: 'sap-s4', departments: ['RND'] },
  { type: 'sap-b1', departments: ['HR'] },
  { type: 'oracle-fusion', departments: ['ADM'] },
  { type: 'file-exchange', departments: ['SALES'] },
];

/** The demo's routes among the installed connection types, Kingdee (the default) first. */
export function demoRoutes(installed: readonly string[]): DemoRoute[] {
  const routed = ROUTED_OFFICES.filter((r) => r.type !== DEMO_ERP && installed.includes(r.type));
  const elsewhere = new Set(routed.flatMap((r) => r.departments));
  return [
    { type: DEMO_ERP, departments: (d) => !elsewhere.has(d) },
    ...routed.map((r) => ({ type: r.type, departments: (d: string) => r.departments.includes(d) })),
  ];
}

/** The demo connection to a type's built-in simulator, e.g. 金蝶云·星空（内置模拟器）. */
export const demoConnectionName = (type: string): string =>
  `${connectorDefinition(type).manifest.names.zh}（内置模拟器）`;

/** One business trip per office (department, employee, amount in fen): each becomes a sample voucher. */
const SAMPLE_TRIPS: readonly (readonly [string, string, number])[] = [
  ['SALES-E', 'E011', 183000],
  ['SALES-S', 'E014', 96050],
  ['RND', 'E018', 45230],
  ['FIN', 'E003', 12800],
  ['MKT', 'E016', 67400],
  ['HR', 'E006', 23800],
  ['ADM', 'E008', 15600],
  ['SALES', 'E009', 251000],
  ['GM', 'E001', 388000],
];

const travel = (n: number, employee: string, department: string, amountFen: number) => {
  const amount = yuanOf(BigInt(amountFen));
  const summary = `报销差旅费-${employee}-${n}`;
  return {
    companyCode: 'DEMO',
    date: '',
    period: '',
    word: '记',
    currency: 'CNY',
    summary,
    lines: [
      {
        summary,
        accountCode: department.startsWith('SALES') || department === 'MKT' ? '660101' : '660202',
        debit: amount,
        aux: { department, employee },
      },
      { summary, accountCode: '224101', credit: amount, aux: { employee } },
    ],
  };
};

/**
 * `npm start`: the demo company is connected to an in-process Kingdee simulator and a few demo
 * vouchers are submitted, so a newcomer sees documents flow from FinBridge into the ERP.
 */
export interface DemoPlatform {
  readonly database: OpenDatabase;
  readonly security: Security;
  readonly clock: Clock;
  /** Tells the posting worker there is work. */
  wake(): void;
}

/** The built-in simulator of a connection type, its book holding the demo company's master data. */
export const startDemoSimulator = (clock: Clock, type = DEMO_ERP): Promise<RunningSimulator> =>
  connectorDefinition(type).simulator.start({
    master: demoMasterData(),
    latencyMs: 5,
    now: () => clock.now(),
  });

export async function connectDemoErp(
  platform: DemoPlatform,
  company: CompanyRecord,
  simulator: Pick<RunningSimulator, 'url' | 'connection'>,
  route: DemoRoute = { type: DEMO_ERP, departments: () => true },
): Promise<{ submitted: number }> {
  const { type } = route;
  const { database, security, clock } = platform;
  const db = tenantDb(database.db, company.id);
  const writer = { actor: 'system:demo', audit: security.audit };
  const name = demoConnectionName(type);
  const existing = (await listConnections(db)).find((c) => c.name === name);
  const connection = existing
    ? await updateConnection(db, security.keyring, writer, existing.id, {
        baseUrl: simulator.url,
        ...simulator.connection,
      })
    : await createConnection(db, security.keyring, writer, {
        name,
        type,
        baseUrl: simulator.url,
        ...simulator.connection,
      });
  await pullAndProfile(platform, db, connection.id);
  const today = clock.now().toISOString().slice(0, 10);
  const run = clock.now().toISOString().replace(/\D/g, '').slice(0, 14);
  const samples = SAMPLE_TRIPS.map(([department, employee, fen], i) => ({
    n: i + 1,
    department,
    voucher: travel(i + 1, employee, department, fen),
  })).filter((sample) => route.departments(sample.department));
  for (const { n, voucher: sample } of samples) {
    const voucher = { ...sample, date: today, period: today.slice(0, 7) };
    await submitVoucher(db, writer, company.code, {
      connectionId: connection.id,
      voucher,
      documentId: `DEMO-${run}-${n}`,
    });
  }
  const { pushes } = connectorDefinition(type).manifest;
  if (pushes.supplier_bill === undefined || pushes.payment === undefined) {
    platform.wake();
    return { submitted: samples.length };
  }
  // a supplier bill and its payment: posted in that order (same supplier, same ordering key)
  await submitDocument(db, writer, company.code, {
    connectionId: connection.id,
    kind: 'supplier_bill',
    documentId: `DEMO-${run}-AP`,
    document: {
      supplierCode: 'S0001',
      date: today,
      currency: 'CNY',
      lines: [{ description: '办公用品采购', categoryCode: 'OFFICE', amount: '2260.00', taxRate: '0.13' }],
    },
  });
  await submitDocument(db, writer, company.code, {
    connectionId: connection.id,
    kind: 'payment',
    documentId: `DEMO-${run}-PAY`,
    document: {
      payeeKind: 'supplier',
      payeeCode: 'S0001',
      amount: { amount: '2260.00', currency: 'CNY' },
      paidOn: today,
      method: 'bank_transfer',
    },
  });
  platform.wake();
  return { submitted: samples.length + 2 };
}

/**
 * Pulls the ERP's master data once, saves the demo mapping profile (expense categories to the demo
 * chart's management-expense accounts, input VAT to 应交税费-应交增值税(进项税额)) checked against it,
 * and schedules hourly pulls from then on.
 */
async function pullAndProfile(platform: DemoPlatform, db: TenantDb, connectionId: string): Promise<void> {
  const { security, clock } = platform;
  const row = await getConnectionRow(db, connectionId);
  const connector = await connectorFor(db, security.keyring, row, {
    now: () => clock.now(),
    log: () => {},
    timeoutMs: 10_000,
  });
  const objects = Object.keys(connectorDefinition(row.type).manifest.pulls);
  try {
    for (const object of objects)
      await pullNow(db, clock, connector, connectionId, object, 'demo').catch((error: unknown) => {
        // a worker already pulling it on schedule is just as good
        if (!(error instanceof DomainError && error.code === 'sync_running')) throw error;
      });
  } finally {
    await connector.close();
  }
  await setSchedules(db, clock, connectionId, objects, Object.fromEntries(objects.map((o) => [o, 3600])));
  if ((await listProfiles(db, connectionId)).length > 0) return;
  const categories = Object.fromEntries(
    DEMO_EXPENSE_CATEGORIES.flatMap((c) =>
      typeof c['managementAccountCode'] === 'string' ? [[String(c['code']), c['managementAccountCode']]] : [],
    ),
  );
  await saveProfile(db, { actor: 'system:demo', audit: security.audit }, connectionId, {
    valueMaps: {
      expenseCategories: categories,
      taxRates: { '0.03': '22210101', '0.06': '22210101', '0.09': '22210101', '0.13': '22210101' },
    },
    note: '演示账套默认映射 / demo chart defaults',
  });
}

/**
 * A fresh company connected to a running simulator — the set-up shared by the pipeline benchmark, the
 * chaos run and the hub tests.
 */
export async function companyConnectedTo(
  simulator: Pick<RunningSimulator, 'url' | 'connection'> & { readonly type?: string },
  database: OpenDatabase,
  keyring: Keyring,
  writer: Writer,
  code: string,
  rateLimitRps: number,
): Promise<{ db: TenantDb; connectionId: string }> {
  const company = await registerCompany(database, writer, {
    code,
    name: `${code} 测试公司`,
    taxId: '91110108123456788E',
    baseCurrency: 'CNY',
    fiscalCalendar: { firstMonth: 1, specialPeriods: 0 },
    accountingStandard: 'CAS',
  });
  const db = tenantDb(database.db, String(company['id']));
  const connection = await createConnection(db, keyring, writer, {
    name: code.toLowerCase(),
    type: simulator.type ?? DEMO_ERP,
    baseUrl: simulator.url,
    ...simulator.connection,
    rateLimitRps,
  });
  return { db, connectionId: connection.id };
}

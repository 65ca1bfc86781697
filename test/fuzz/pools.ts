import { sampleReimbursement } from '../../src/demo/sample-vouchers.ts';
import type { ApiDocument, Operation } from './openapi.ts';
import { conform, componentOf } from './schema-values.ts';
import { CALLER_COMPANY, type World } from './world.ts';

/**
 * What the fuzzer knows of the data: ids per collection (the caller's and the other company's), codes
 * per master-data resource, and valid records per input schema, read from the running app's list
 * endpoints and refreshed as the run creates records.
 */
export class Pools {
  /** Collection path (`/api/v1/departments`) → ids of the caller's records. */
  readonly ids = new Map<string, string[]>();
  /** Collection path → ids of the other company's records. */
  readonly otherIds = new Map<string, string[]>();
  /** Resource (`departments`) → codes of the caller's records. */
  readonly codes = new Map<string, string[]>();
  readonly otherCodes: string[] = [];
  /** Input schema name (`DepartmentInput`) → records of the caller, shaped to that schema. */
  readonly examples = new Map<string, unknown[]>();
  /** Rule-set kind → current body. */
  readonly ruleBodies: unknown[] = [];
  readonly taxIds: string[] = [];
  /** Record id → its current version (for If-Match). */
  readonly versions = new Map<string, number>();
  /** Access tokens issued during the run: the only ones the fuzzer revokes or introspects. */
  readonly disposableTokens: string[] = [];
  private readonly world: World;
  private readonly collections: readonly Operation[];

  constructor(world: World) {
    this.world = world;
    this.collections = world.doc.operations.filter(
      (op) => op.method === 'GET' && op.path.startsWith('/api/v1/') && !op.path.includes('{'),
    );
    for (const [name, record] of staticExamples()) this.addExample(name, record);
  }

  async refresh(): Promise<void> {
    const otherAuth = { authorization: `Bearer ${this.world.other.token}` };
    for (const op of this.collections) {
      const url = op.parameters.some((p) => p.name === 'limit') ? `${op.path}?limit=100` : op.path;
      const items = await this.list(url, this.callerHeaders(op));
      this.ids.set(op.path, idsOf(items));
      for (const item of items) this.learnVersion(item);
      this.learnCodes(op.path, items);
      this.learnExamples(op.path, items);
      if (op.path.startsWith('/api/v1/clients')) this.dropCallerClient(items);
      if (this.otherIds.has(op.path)) continue;
      const others = await this.list(url, otherAuth);
      this.otherIds.set(op.path, idsOf(others));
      for (const code of codesOf(others)) if (!this.otherCodes.includes(code)) this.otherCodes.push(code);
    }
    await this.learnDocuments();
    await this.learnRules();
  }

  /** Notes the version of a record read back or answered (`{"id", "version"}`). */
  learnVersion(record: unknown): void {
    if (typeof record !== 'object' || record === null) return;
    const { id, version } = record as { id?: unknown; version?: unknown };
    if (typeof id === 'string' && typeof version === 'number') this.versions.set(id, version);
  }

  /** Records a created id (from a 201 answer) without waiting for the next refresh. */
  remember(collection: string, id: string): void {
    const ids = this.ids.get(collection) ?? [];
    if (!ids.includes(id)) ids.push(id);
    this.ids.set(collection, ids);
  }

  idsFor(path: string): readonly string[] {
    const collection = collectionOf(path);
    const aliases = ALIASES[collection] ?? [collection];
    return aliases.flatMap((c) => this.ids.get(c) ?? []);
  }

  otherIdsFor(path: string): readonly string[] {
    const collection = collectionOf(path);
    const aliases = ALIASES[collection] ?? [collection];
    const own = aliases.flatMap((c) => this.otherIds.get(c) ?? []);
    return own.length > 0 ? own : [...this.otherIds.values()].flat();
  }

  allOtherIds(): readonly string[] {
    return [this.world.otherCompanyId, ...[...this.otherIds.values()].flat()];
  }

  private callerHeaders(op: Operation): Record<string, string> {
    // approval tasks and notifications belong to an employee: ask as the console user (E001)
    if (op.path === '/api/v1/approval-tasks' || op.path === '/api/v1/notifications')
      return { cookie: this.world.session.cookie };
    return { authorization: `Bearer ${this.world.caller.token}` };
  }

  private async list(url: string, headers: Record<string, string>): Promise<Record<string, unknown>[]> {
    const res = await this.world.app.request({ method: 'GET', url, headers });
    if (res.statusCode !== 200) return [];
    const body: unknown = JSON.parse(res.body);
    const items = Array.isArray(body) ? body : (body as { items?: unknown }).items;
    return Array.isArray(items) ? (items as Record<string, unknown>[]) : [];
  }

  private learnCodes(path: string, items: readonly Record<string, unknown>[]): void {
    const resource = path.split('/').pop() ?? '';
    const codes = codesOf(items);
    if (codes.length > 0) this.codes.set(resource, codes);
    for (const item of items)
      for (const key of ['taxId', 'sellerTaxId'])
        if (typeof item[key] === 'string' && !this.taxIds.includes(item[key])) this.taxIds.push(item[key]);
  }

  private learnExamples(path: string, items: readonly Record<string, unknown>[]): void {
    const create = this.world.doc.operations.find((op) => op.method === 'POST' && op.path === path);
    const name = create?.body === undefined ? undefined : componentOf(create.body.schema);
    if (name === undefined || create?.body === undefined) return;
    for (const item of items.slice(0, 30)) this.addExample(name, item);
  }

  /** Expense documents come with lines only one at a time; their approval tasks likewise. */
  private async learnDocuments(): Promise<void> {
    const headers = { authorization: `Bearer ${this.world.caller.token}` };
    const tasks: Record<string, unknown>[] = [];
    for (const [collection, name] of DOCUMENT_INPUTS) {
      for (const id of (this.ids.get(collection) ?? []).slice(-8)) {
        const res = await this.world.app.request({ method: 'GET', url: `${collection}/${id}`, headers });
        if (res.statusCode === 200) this.addExample(name, JSON.parse(res.body));
        tasks.push(...(await this.list(`/api/v1/expense-documents/${id}/approval-tasks`, headers)));
      }
    }
    // tasks of an external approver: the ones a signed approval callback can decide
    this.ids.set('/webhooks/approvals', idsOf(tasks.filter((t) => t['kind'] === 'external')));
  }

  private async learnRules(): Promise<void> {
    const headers = { authorization: `Bearer ${this.world.caller.token}` };
    this.ruleBodies.length = 0;
    for (const kind of ['approval', 'audit', 'posting']) {
      const res = await this.world.app.request({ method: 'GET', url: `/api/v1/rules/${kind}`, headers });
      if (res.statusCode === 200) this.ruleBodies.push((JSON.parse(res.body) as { body: unknown }).body);
    }
  }

  private addExample(name: string, record: unknown): void {
    const schema = this.world.doc.schemas[name];
    if (schema === undefined) return;
    const shaped = conform(this.world.doc, record, { $ref: `#/components/schemas/${name}` });
    if (shaped === undefined) return;
    const list = this.examples.get(name) ?? [];
    if (list.length < 60) list.push(shaped);
    this.examples.set(name, list);
  }

  private dropCallerClient(items: readonly Record<string, unknown>[]): void {
    const own = items.find((c) => c['clientId'] === this.world.caller.clientId);
    const ids = this.ids.get('/api/v1/clients') ?? [];
    if (own !== undefined)
      this.ids.set(
        '/api/v1/clients',
        ids.filter((id) => id !== own['id']),
      );
  }
}

/** `/api/v1/expense-claims/{id}/submit` → `/api/v1/expense-claims`. */
export function collectionOf(path: string): string {
  const cut = path.indexOf('/{');
  return cut < 0 ? path : path.slice(0, cut);
}

/** Path prefixes whose ids come from other collections. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  '/api/v1/expense-documents': ['/api/v1/expense-claims', '/api/v1/expense-requests', '/api/v1/advances'],
  '/api/v1/documents': ['/api/v1/expense-claims', '/api/v1/advances', '/api/v1/postings'],
};

const DOCUMENT_INPUTS: readonly [string, string][] = [
  ['/api/v1/expense-claims', 'ExpenseClaimInput'],
  ['/api/v1/expense-requests', 'ExpenseRequestInput'],
  ['/api/v1/advances', 'AdvanceInput'],
];

const idsOf = (items: readonly Record<string, unknown>[]): string[] =>
  items.flatMap((i) => (typeof i['id'] === 'string' ? [i['id']] : []));

const codesOf = (items: readonly Record<string, unknown>[]): string[] =>
  items.flatMap((i) => (typeof i['code'] === 'string' ? [i['code']] : []));

/** Valid documents that the demo data has no list of: vouchers, a supplier bill, a payment. */
function staticExamples(): [string, unknown][] {
  return [
    ['VoucherInput', sampleReimbursement(7, CALLER_COMPANY)],
    ['VoucherInput', sampleReimbursement(42, CALLER_COMPANY, 'E011', 'SALES-E')],
    [
      'SupplierBillInput',
      {
        supplierCode: 'S0001',
        date: '2026-11-28',
        currency: 'CNY',
        lines: [{ description: '办公用品采购', categoryCode: 'OFFICE', amount: '2260.00', taxRate: '0.13' }],
      },
    ],
    [
      'PaymentInput',
      {
        payeeKind: 'supplier',
        payeeCode: 'S0001',
        amount: { amount: '2260.00', currency: 'CNY' },
        paidOn: '2026-11-28',
        method: 'bank_transfer',
      },
    ],
  ];
}

export type { ApiDocument };

import { createHash } from 'node:crypto';
import { recordImportedSpend, withdrawImportedSpend } from '../../analytics/history.ts';
import {
  claimNumbersInUse,
  periodsFrozenSince,
  recordHistoricalActuals,
  releaseHistoricalActuals,
  voucherNumbersPosted,
} from '../../finance/history.ts';
import { listConnections } from '../../hub/connections.ts';
import { exponentOf, isCurrencyCode } from '../../model/currencies.ts';
import { renderMessage, type ErrorCode, type Locale } from '../../model/error-codes.ts';
import { formatMinor, parseMoney } from '../../model/money.ts';
import { DomainError, type Failure } from '../../model/result.ts';
import { appendAudit, type AuditEntry, type Writer } from '../../platform/audit/audit-log.ts';
import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import {
  columnLetter,
  detectFormat,
  normaliseDate,
  readTable,
  toHalfWidth,
  type ImportRowError,
} from '../master-data/import.ts';
import {
  getBatch,
  markRolledBack,
  skippedRow,
  type BatchView,
  type DryRunResult,
  type DryRunRow,
  type ImportFile,
} from './batches.ts';
import { historicalSpendLines } from './history-lines.ts';

/**
 * Historical claims and vouchers from an old expense system (docs/governance.md#historical-claims-and-vouchers):
 * an xlsx or CSV (UTF-8 or GBK) file with one row per claim line or voucher line, cleansed as master
 * data is (trim, full-width → half-width, codes in capitals, dates and amounts as people write them;
 * money parsed to minor units, never a float). The dry run says per row what would happen — created,
 * unchanged (imported before with the same content), skipped (a duplicate row), refused with the reason
 * per field — and writes nothing. The commit writes the file as one batch, all or nothing: the claims
 * and vouchers are history (each names its batch), never sent to an ERP and never approved; imported
 * claims are spend in the cube, actuals of their budgets and checked for anomalies. A rollback takes
 * the batch out again, refused with the list when a period it covers was closed or archived since.
 */
export const HISTORY_RESOURCES = ['historical-claims', 'historical-vouchers'] as const;
export type HistoryResource = (typeof HISTORY_RESOURCES)[number];
export const isHistoryResource = (resource: string): resource is HistoryResource =>
  (HISTORY_RESOURCES as readonly string[]).includes(resource);

type MasterTable =
  | 'employees'
  | 'departments'
  | 'cost_centers'
  | 'projects'
  | 'expense_categories'
  | 'accounts'
  | 'suppliers'
  | 'customers';

type Kind = 'code' | 'text' | 'date' | 'money' | 'integer' | 'period';

interface FieldSpec {
  readonly name: string;
  readonly zh: string;
  readonly en: string;
  /** Other headers people use for the column (the Chinese one first). */
  readonly aliases: readonly string[];
  readonly kind: Kind;
  readonly required: boolean;
  readonly references?: { readonly table: MasterTable; readonly zh: string; readonly en: string };
}

const ref = (table: MasterTable, zh: string, en: string) => ({ table, zh, en });

const CLAIM_FIELDS: readonly FieldSpec[] = [
  {
    name: 'claimNumber',
    zh: '报销单号',
    en: 'Claim number',
    aliases: ['单据编号', '单号'],
    kind: 'code',
    required: true,
  },
  { name: 'lineNo', zh: '行号', en: 'Line', aliases: ['序号'], kind: 'integer', required: false },
  {
    name: 'employeeCode',
    zh: '员工编码',
    en: 'Employee code',
    aliases: ['报销人编码', '职员编码'],
    kind: 'code',
    required: true,
    references: ref('employees', '职员', 'Employee'),
  },
  {
    name: 'departmentCode',
    zh: '部门编码',
    en: 'Department code',
    aliases: ['费用承担部门'],
    kind: 'code',
    required: true,
    references: ref('departments', '部门', 'Department'),
  },
  {
    name: 'costCenterCode',
    zh: '成本中心编码',
    en: 'Cost centre code',
    aliases: ['成本中心'],
    kind: 'code',
    required: false,
    references: ref('cost_centers', '成本中心', 'Cost center'),
  },
  {
    name: 'projectCode',
    zh: '项目编码',
    en: 'Project code',
    aliases: ['项目'],
    kind: 'code',
    required: false,
    references: ref('projects', '项目', 'Project'),
  },
  {
    name: 'categoryCode',
    zh: '费用类别编码',
    en: 'Category code',
    aliases: ['费用类别', '费用项目'],
    kind: 'code',
    required: true,
    references: ref('expense_categories', '费用类别', 'Expense category'),
  },
  { name: 'date', zh: '发生日期', en: 'Date', aliases: ['日期', '费用日期'], kind: 'date', required: true },
  { name: 'amount', zh: '金额', en: 'Amount', aliases: ['报销金额'], kind: 'money', required: true },
  { name: 'tax', zh: '税额', en: 'Tax', aliases: ['可抵扣税额', '进项税额'], kind: 'money', required: false },
  { name: 'currency', zh: '币种', en: 'Currency', aliases: ['币别'], kind: 'code', required: false },
  {
    name: 'description',
    zh: '摘要',
    en: 'Description',
    aliases: ['事由', '说明'],
    kind: 'text',
    required: false,
  },
  {
    name: 'sourceStatus',
    zh: '单据状态',
    en: 'Status at source',
    aliases: ['状态'],
    kind: 'text',
    required: false,
  },
];

const VOUCHER_FIELDS: readonly FieldSpec[] = [
  {
    name: 'voucherWord',
    zh: '凭证字',
    en: 'Voucher word',
    aliases: ['凭证类别'],
    kind: 'text',
    required: true,
  },
  { name: 'voucherNumber', zh: '凭证号', en: 'Voucher number', aliases: [], kind: 'integer', required: true },
  { name: 'date', zh: '凭证日期', en: 'Date', aliases: ['日期', '业务日期'], kind: 'date', required: true },
  { name: 'period', zh: '会计期间', en: 'Period', aliases: ['期间'], kind: 'period', required: false },
  { name: 'lineNo', zh: '分录号', en: 'Line', aliases: ['行号', '序号'], kind: 'integer', required: false },
  {
    name: 'accountCode',
    zh: '科目编码',
    en: 'Account code',
    aliases: ['科目代码', '会计科目'],
    kind: 'code',
    required: true,
    references: ref('accounts', '会计科目', 'Account'),
  },
  { name: 'summary', zh: '摘要', en: 'Summary', aliases: [], kind: 'text', required: false },
  { name: 'debit', zh: '借方金额', en: 'Debit', aliases: ['借方'], kind: 'money', required: false },
  { name: 'credit', zh: '贷方金额', en: 'Credit', aliases: ['贷方'], kind: 'money', required: false },
  { name: 'currency', zh: '币种', en: 'Currency', aliases: ['币别'], kind: 'code', required: false },
  {
    name: 'auxDepartment',
    zh: '辅助核算-部门',
    en: 'Aux: department',
    aliases: ['部门'],
    kind: 'code',
    required: false,
    references: ref('departments', '部门', 'Department'),
  },
  {
    name: 'auxEmployee',
    zh: '辅助核算-职员',
    en: 'Aux: employee',
    aliases: ['职员'],
    kind: 'code',
    required: false,
    references: ref('employees', '职员', 'Employee'),
  },
  {
    name: 'auxSupplier',
    zh: '辅助核算-供应商',
    en: 'Aux: supplier',
    aliases: ['供应商'],
    kind: 'code',
    required: false,
    references: ref('suppliers', '供应商', 'Supplier'),
  },
  {
    name: 'auxCustomer',
    zh: '辅助核算-客户',
    en: 'Aux: customer',
    aliases: ['客户'],
    kind: 'code',
    required: false,
    references: ref('customers', '客户', 'Customer'),
  },
  {
    name: 'auxProject',
    zh: '辅助核算-项目',
    en: 'Aux: project',
    aliases: ['项目'],
    kind: 'code',
    required: false,
    references: ref('projects', '项目', 'Project'),
  },
  {
    name: 'auxCostCenter',
    zh: '辅助核算-成本中心',
    en: 'Aux: cost centre',
    aliases: ['成本中心'],
    kind: 'code',
    required: false,
    references: ref('cost_centers', '成本中心', 'Cost center'),
  },
  {
    name: 'connectionCode',
    zh: 'ERP连接',
    en: 'ERP connection',
    aliases: ['ERP'],
    kind: 'text',
    required: true,
  },
  {
    name: 'erpVoucherNumber',
    zh: 'ERP凭证号',
    en: 'ERP voucher number',
    aliases: [],
    kind: 'text',
    required: false,
  },
];

const FIELDS: Record<HistoryResource, readonly FieldSpec[]> = {
  'historical-claims': CLAIM_FIELDS,
  'historical-vouchers': VOUCHER_FIELDS,
};
const LABELS: Record<HistoryResource, { zh: string; en: string }> = {
  'historical-claims': { zh: '历史报销单', en: 'Historical claims' },
  'historical-vouchers': { zh: '历史凭证', en: 'Historical vouchers' },
};

/** Options as for master data, plus the company code the spend facts carry. */
export interface HistoryImportOptions {
  readonly mapping?: Readonly<Record<string, string>>;
  readonly cleansing?: {
    readonly fullWidth?: boolean;
    readonly codes?: boolean;
    readonly dates?: boolean;
    readonly amounts?: boolean;
    readonly dedup?: 'refuse' | 'first' | 'last';
  };
  readonly maxRows: number;
  readonly locale: Locale;
  readonly companyCode: string;
  readonly summaryOnly?: boolean;
  readonly onProgress?: (
    phase: 'reading' | 'checking' | 'writing' | 'matching',
    done: number,
    total: number,
  ) => void;
}

// ---- reading and cleansing ------------------------------------------------------------------------

type Cell = string | number | boolean | Date | null;

interface Column {
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  readonly field: FieldSpec;
}

interface Row {
  readonly row: number;
  /** Field → its text after cleansing (money and integers still as text; parsed per group). */
  readonly text: Record<string, string>;
  readonly reasons: ImportRowError[];
}

/** The parameters of each reason, for the problem's field errors (rows[] carries the rendered message). */
const paramsOf = new WeakMap<ImportRowError, Readonly<Record<string, string | number>>>();

const headerKey = (text: string) => toHalfWidth(text).replace(/\s+/g, '').toLowerCase();

function mapColumns(
  resource: HistoryResource,
  header: readonly string[],
  width: number,
  hasData: (index: number) => boolean,
  mapping: Readonly<Record<string, string>>,
): Column[] {
  const fields = FIELDS[resource];
  const byKey = new Map<string, FieldSpec>();
  // field names first, then the Chinese labels, then the aliases: an alias never shadows a name
  for (const f of fields) byKey.set(headerKey(f.name), f);
  for (const f of fields) if (!byKey.has(headerKey(f.zh))) byKey.set(headerKey(f.zh), f);
  for (const f of fields) for (const a of f.aliases) if (!byKey.has(headerKey(a))) byKey.set(headerKey(a), f);
  const failures: Failure[] = [];
  const columns: Column[] = [];
  const known = fields.map((f) => f.name).join(', ');
  for (let index = 0; index < width; index += 1) {
    const header0 = header[index] ?? '';
    const letter = columnLetter(index);
    const unknown = (): Failure => ({
      code: 'import_unknown_column',
      pointer: `/columns/${letter}`,
      params: {
        column: letter,
        header: header0,
        resource: LABELS[resource].en,
        resourceZh: LABELS[resource].zh,
        known,
      },
    });
    if (header0 === '') {
      if (hasData(index)) failures.push(unknown());
      continue;
    }
    const field = byKey.get(headerKey(mapping[header0] ?? header0));
    if (field === undefined) {
      failures.push(unknown());
      continue;
    }
    const first = columns.find((c) => c.field === field);
    if (first !== undefined) {
      failures.push({
        code: 'import_duplicate_column',
        pointer: `/columns/${letter}`,
        params: { column: letter, header: header0, first: first.letter },
      });
      continue;
    }
    columns.push({ index, letter, header: header0, field });
  }
  for (const f of fields)
    if (f.required && !columns.some((c) => c.field === f))
      failures.push({
        code: 'missing_field',
        pointer: `/columns/${f.name}`,
        params: { field: `${f.name} (${f.zh})` },
      });
  if (failures.length > 0) {
    const only = failures.length === 1 ? failures[0] : undefined;
    throw only === undefined
      ? new DomainError('validation_failed', {}, failures)
      : new DomainError(only.code, only.params ?? {}, failures);
  }
  return columns;
}

const integerText = (n: number): string =>
  Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);

function cellText(cell: Cell, kind: Kind, cleansing: HistoryImportOptions['cleansing'] = {}): string {
  if (cell === null) return '';
  if (cell instanceof Date) return kind === 'date' ? cell.toISOString().slice(0, 10) : cell.toISOString();
  if (typeof cell === 'number') return integerText(cell);
  if (typeof cell === 'boolean') return String(cell);
  let text = cell.trim();
  if (cleansing.fullWidth !== false) text = toHalfWidth(text).trim();
  if (kind === 'code' && cleansing.codes !== false) text = text.replace(/\s+/g, '').toUpperCase();
  if (kind === 'date' && cleansing.dates !== false) text = normaliseDate(text);
  if (kind === 'money' && cleansing.amounts !== false)
    text = text.replace(/^([-+]?)\s*[¥￥$]\s*/, '$1').replace(/,(?=\d{3}(\D|$))/g, '');
  return text;
}

const isDate = (text: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
};

// ---- checking --------------------------------------------------------------------------------------

interface Group {
  readonly key: string;
  /** What the dry run shows as the row's key: the claim number, or connection/ERP voucher number. */
  readonly label: string;
  readonly rows: Row[];
  status?: 'created' | 'unchanged' | 'refused';
  /** Parsed once every row is clean. */
  record?: ClaimRecord | VoucherRecord;
}

interface ClaimRecord {
  readonly kind: 'claim';
  readonly number: string;
  readonly employeeCode: string;
  readonly currency: string;
  readonly sourceStatus: 'paid' | 'posted';
  readonly lines: {
    lineNo: number;
    categoryCode: string;
    departmentCode: string;
    costCenterCode: string | null;
    projectCode: string | null;
    occurredOn: string;
    amountMinor: bigint;
    taxMinor: bigint;
    description: string;
  }[];
}

interface VoucherRecord {
  readonly kind: 'voucher';
  readonly connectionId: string;
  readonly connectionName: string;
  readonly erpNumber: string;
  readonly word: string;
  readonly number: number;
  readonly date: string;
  readonly period: string;
  readonly currency: string;
  readonly lines: {
    lineNo: number;
    accountCode: string;
    summary: string;
    debitMinor: bigint;
    creditMinor: bigint;
    aux: Record<string, string>;
  }[];
}

interface Checked {
  readonly resource: HistoryResource;
  readonly format: 'xlsx' | 'csv';
  readonly sheet: string | null;
  readonly rows: Row[];
  readonly groups: Group[];
  readonly skipped: Map<number, { key: string; kept: number }>;
}

const PAID = new Set(['paid', '已付款', '已支付', '付款完成', '已报销']);
const POSTED = new Set(['posted', '已入账', '已过账', '已记账', '已审核', '已生成凭证']);

function hashOf(record: ClaimRecord | VoucherRecord): string {
  const { kind: _k, ...content } = record;
  const plain = JSON.stringify(content, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return createHash('sha256').update(plain).digest('hex');
}

const chunks = <T>(items: readonly T[], size = 500): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

async function existingCodes(
  db: TenantDb,
  table: MasterTable,
  codes: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(codes)]))
    for (const r of await db
      .selectFrom(table as 'employees')
      .select(['code'])
      .where('code', 'in', part)
      .execute())
      found.add(r.code);
  return found;
}

async function check(
  db: TenantDb,
  resource: HistoryResource,
  file: ImportFile,
  options: HistoryImportOptions,
): Promise<Checked> {
  options.onProgress?.('reading', 0, 1);
  const format = detectFormat(file.fileName, file.bytes);
  const table = await readTable(format, file.bytes, options.maxRows);
  const width = Math.max(table.header.cells.length, ...table.rows.map((r) => r.cells.length));
  const filled = (c: Cell | undefined) =>
    c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === '');
  const columns = mapColumns(
    resource,
    table.header.cells,
    width,
    (i) => table.rows.some((r) => filled(r.cells[i])),
    options.mapping ?? {},
  );
  const { locale } = options;
  const columnOf = new Map(columns.map((c) => [c.field.name, c]));
  const reason = (
    row: number,
    field: string,
    code: ErrorCode,
    params: Readonly<Record<string, string | number>>,
    prefix?: string,
  ): ImportRowError => {
    const column = columnOf.get(field);
    const out: ImportRowError = {
      row,
      column: column?.letter ?? null,
      header: column?.header ?? null,
      field: field === '' ? '' : `/${field}`,
      code,
      message: `${prefix === undefined ? '' : `${prefix}: `}${renderMessage(code, locale, params)}`,
    };
    paramsOf.set(out, params);
    return out;
  };
  const total = table.rows.length;
  options.onProgress?.('checking', 0, total);

  // 1. each row on its own: cleansing, required fields, formats
  const rows: Row[] = table.rows.map((r) => {
    const text: Record<string, string> = {};
    const reasons: ImportRowError[] = [];
    for (const c of columns) {
      const value = cellText(r.cells[c.index] ?? null, c.field.kind, options.cleansing);
      if (value !== '') text[c.field.name] = value;
    }
    for (const f of FIELDS[resource]) {
      const value = text[f.name];
      if (value === undefined) {
        if (f.required) reasons.push(reason(r.row, f.name, 'missing_field', { field: f.name }));
        continue;
      }
      if (f.kind === 'date' && !isDate(value)) reasons.push(reason(r.row, f.name, 'invalid_date', { value }));
      if (f.kind === 'integer' && !/^\d{1,9}$/.test(value))
        reasons.push(reason(r.row, f.name, 'wrong_type', { expected: 'integer' }));
    }
    const currency = text['currency'] ?? 'CNY';
    if (!isCurrencyCode(currency)) reasons.push(reason(r.row, 'currency', 'unknown_currency', { currency }));
    else
      for (const f of FIELDS[resource].filter((x) => x.kind === 'money')) {
        const value = text[f.name];
        if (value === undefined) continue;
        const parsed = parseMoney(value, currency);
        if (!parsed.ok)
          for (const failure of parsed.failures)
            reasons.push(reason(r.row, f.name, failure.code, failure.params ?? {}));
      }
    return { row: r.row, text, reasons };
  });

  // 2. references to master data, one read per table
  const byTable = new Map<MasterTable, Set<string>>();
  for (const f of FIELDS[resource]) {
    if (f.references === undefined) continue;
    const codes = rows.map((r) => r.text[f.name]).filter((v): v is string => v !== undefined);
    const known = byTable.get(f.references.table) ?? new Set<string>();
    for (const code of await existingCodes(db, f.references.table, codes)) known.add(code);
    byTable.set(f.references.table, known);
  }
  for (const r of rows)
    for (const f of FIELDS[resource]) {
      const value = r.text[f.name];
      if (f.references === undefined || value === undefined) continue;
      if (!byTable.get(f.references.table)?.has(value))
        r.reasons.push(
          reason(r.row, f.name, 'reference_not_found', {
            resource: locale === 'zh-CN' ? f.references.zh : f.references.en,
            id: value,
          }),
        );
    }

  // 3. rows into claims / vouchers, duplicate rows by the dedup rule
  const connections = resource === 'historical-vouchers' ? await listConnections(db) : [];
  const connectionOf = (code: string) =>
    connections.find((c) => c.id === code) ??
    connections.find((c) => c.name === code) ??
    connections.find((c) => c.name.toLowerCase() === code.toLowerCase());
  const groups = new Map<string, Group>();
  for (const r of rows) {
    let key: string;
    let label: string;
    if (resource === 'historical-claims') {
      key = label = r.text['claimNumber'] ?? `#${r.row}`;
    } else {
      const code = r.text['connectionCode'] ?? '';
      const connection = connectionOf(code);
      if (code !== '' && connection === undefined)
        r.reasons.push(
          reason(r.row, 'connectionCode', 'reference_not_found', {
            resource: locale === 'zh-CN' ? 'ERP 连接' : 'ERP connection',
            id: code,
          }),
        );
      const period = periodText(r.text['period'], r.text['date']);
      const erpNumber =
        r.text['erpVoucherNumber'] ??
        `${period ?? ''}-${r.text['voucherWord'] ?? ''}-${r.text['voucherNumber'] ?? ''}`;
      key = `${connection?.id ?? code}|${erpNumber}`;
      label = `${connection?.name ?? code}/${erpNumber}`;
    }
    const group = groups.get(key) ?? { key, label, rows: [] };
    group.rows.push(r);
    groups.set(key, group);
  }
  const skipped = new Map<number, { key: string; kept: number }>();
  const dedup = options.cleansing?.dedup ?? 'refuse';
  const explicitLines = columnOf.has('lineNo');
  for (const group of groups.values()) {
    const seen = new Map<string, Row>();
    const keep: Row[] = [];
    for (const r of group.rows) {
      const { lineNo, ...rest } = r.text;
      const lineKey = explicitLines ? (lineNo ?? '') : JSON.stringify(rest);
      const first = seen.get(lineKey);
      if (first === undefined) {
        seen.set(lineKey, r);
        keep.push(r);
        continue;
      }
      const dupKey = explicitLines ? `${group.label}#${lineKey}` : group.label;
      if (dedup === 'refuse') {
        r.reasons.push(
          reason(r.row, explicitLines ? 'lineNo' : '', 'duplicate_in_batch', {
            code: dupKey,
            first: first.row,
          }),
        );
        keep.push(r);
      } else if (dedup === 'first') skipped.set(r.row, { key: dupKey, kept: first.row });
      else {
        skipped.set(first.row, { key: dupKey, kept: r.row });
        keep.splice(keep.indexOf(first), 1, r);
        seen.set(lineKey, r);
      }
    }
    group.rows.splice(0, group.rows.length, ...keep);
  }

  // 4. each claim / voucher as a whole
  for (const group of groups.values()) {
    const head = group.rows[0];
    if (head === undefined) continue;
    const same = (field: string, zh: string, en: string) => {
      const expected = head.text[field] ?? '';
      for (const r of group.rows.slice(1))
        if ((r.text[field] ?? '') !== expected)
          r.reasons.push(
            reason(r.row, field, 'value_not_allowed', {
              field,
              rule:
                locale === 'zh-CN'
                  ? `${zh}须与第 ${head.row} 行相同（${expected}）`
                  : `${en} must be the same as row ${head.row} (${expected})`,
            }),
          );
    };
    if (resource === 'historical-claims') {
      same('employeeCode', '同一报销单的员工', 'one claim has one employee:');
      same('currency', '同一报销单的币种', 'one claim has one currency:');
      for (const r of group.rows) {
        const status = (r.text['sourceStatus'] ?? 'paid').toLowerCase();
        if (!PAID.has(status) && !POSTED.has(status))
          r.reasons.push(
            reason(r.row, 'sourceStatus', 'value_not_allowed', {
              field: 'sourceStatus',
              rule:
                locale === 'zh-CN'
                  ? '只导入已付款（paid）或已入账（posted）的报销单'
                  : 'only claims paid or posted at the source are history',
            }),
          );
      }
    } else {
      for (const [field, zh, en] of [
        ['date', '同一凭证的日期', 'one voucher has one date:'],
        ['voucherWord', '同一凭证的凭证字', 'one voucher has one word:'],
        ['voucherNumber', '同一凭证的凭证号', 'one voucher has one number:'],
        ['currency', '同一凭证的币种', 'one voucher has one currency:'],
        ['period', '同一凭证的期间', 'one voucher has one period:'],
      ] as const)
        same(field, zh, en);
      for (const r of group.rows) {
        const period = periodText(r.text['period'], r.text['date']);
        if (r.text['period'] !== undefined && period === undefined)
          r.reasons.push(
            reason(r.row, 'period', 'invalid_field', {
              detail:
                locale === 'zh-CN'
                  ? `会计期间 ${r.text['period']} 应为 YYYY-MM（01–16）`
                  : `period ${r.text['period']}: YYYY-MM (01–16)`,
            }),
          );
        else if (period !== undefined && r.text['date'] !== undefined && !periodFits(period, r.text['date']))
          r.reasons.push(reason(r.row, 'period', 'period_mismatch', { period, date: r.text['date'] }));
      }
    }
    if (group.rows.some((r) => r.reasons.length > 0)) continue;
    group.record = resource === 'historical-claims' ? claimOf(group) : voucherOf(group, connectionOf);
    if (group.record.kind === 'voucher') {
      const v = group.record;
      const prefix =
        locale === 'zh-CN'
          ? `凭证 ${v.word}-${v.number}（${group.label}）`
          : `Voucher ${v.word}-${v.number} (${group.label})`;
      group.record.lines.forEach((line, i) => {
        const r = group.rows[i] as Row;
        if (line.debitMinor !== 0n && line.creditMinor !== 0n)
          r.reasons.push(reason(r.row, 'credit', 'voucher_line_both_sides', {}, prefix));
        else if (line.debitMinor === 0n && line.creditMinor === 0n)
          r.reasons.push(reason(r.row, 'debit', 'voucher_line_zero', {}, prefix));
      });
      const debit = v.lines.reduce((s, l) => s + l.debitMinor, 0n);
      const credit = v.lines.reduce((s, l) => s + l.creditMinor, 0n);
      if (debit !== credit) {
        const digits = isCurrencyCode(v.currency) ? exponentOf(v.currency) : 2;
        for (const r of group.rows)
          r.reasons.push(
            reason(
              r.row,
              'debit',
              'unbalanced_voucher',
              { debit: formatMinor(debit, digits), credit: formatMinor(credit, digits) },
              prefix,
            ),
          );
      }
    } else {
      for (const [i, line] of group.record.lines.entries()) {
        const r = group.rows[i] as Row;
        if (line.amountMinor <= 0n)
          r.reasons.push(reason(r.row, 'amount', 'amount_not_positive', { value: r.text['amount'] ?? '' }));
        if (line.taxMinor < 0n)
          r.reasons.push(reason(r.row, 'tax', 'amount_negative', { value: r.text['tax'] ?? '' }));
      }
    }
  }

  // 5. against what FinBridge already has
  const claims = [...groups.values()].filter(
    (g) => g.record?.kind === 'claim' && g.rows.every((r) => r.reasons.length === 0),
  );
  const vouchers = [...groups.values()].filter(
    (g) => g.record?.kind === 'voucher' && g.rows.every((r) => r.reasons.length === 0),
  );
  const allRows = (g: Group, field: string, code: ErrorCode, params: Record<string, string | number>) => {
    for (const r of g.rows) r.reasons.push(reason(r.row, field, code, params));
  };
  if (claims.length > 0) {
    const numbers = claims.map((g) => (g.record as ClaimRecord).number);
    const live = await claimNumbersInUse(db, numbers);
    const imported = new Map<string, { hash: string; batch: string }>();
    for (const part of chunks(numbers))
      for (const h of await db
        .selectFrom('historical_claims')
        .select(['number', 'content_sha256', 'batch_id'])
        .where('number', 'in', part)
        .execute())
        imported.set(h.number, { hash: h.content_sha256, batch: h.batch_id });
    for (const g of claims) {
      const record = g.record as ClaimRecord;
      const before = imported.get(record.number);
      if (live.has(record.number))
        allRows(g, 'claimNumber', 'already_exists', {
          field:
            locale === 'zh-CN'
              ? `报销单号 ${record.number}（FinBridge 中的报销单）`
              : `claim number ${record.number} (a FinBridge claim)`,
        });
      else if (before !== undefined && before.hash !== hashOf(record))
        allRows(g, 'claimNumber', 'value_not_allowed', {
          field: 'claimNumber',
          rule:
            locale === 'zh-CN'
              ? `报销单 ${record.number} 已由导入批次 ${before.batch} 以不同内容导入，请先回滚该批次`
              : `claim ${record.number} was imported by batch ${before.batch} with other content; roll that batch back first`,
        });
      else g.status = before === undefined ? 'created' : 'unchanged';
    }
  }
  if (vouchers.length > 0) {
    const erpNumbers = vouchers.map((g) => (g.record as VoucherRecord).erpNumber);
    const posted = await voucherNumbersPosted(db, erpNumbers);
    const imported = new Map<string, { hash: string; batch: string }>();
    for (const part of chunks(erpNumbers))
      for (const h of await db
        .selectFrom('historical_vouchers')
        .select(['connection_id', 'erp_number', 'content_sha256', 'batch_id'])
        .where('erp_number', 'in', part)
        .execute())
        imported.set(`${h.connection_id}|${h.erp_number}`, { hash: h.content_sha256, batch: h.batch_id });
    for (const g of vouchers) {
      const record = g.record as VoucherRecord;
      const before = imported.get(`${record.connectionId}|${record.erpNumber}`);
      if (posted.has(record.erpNumber))
        allRows(g, 'erpVoucherNumber', 'already_exists', {
          field:
            locale === 'zh-CN'
              ? `ERP 凭证号 ${record.erpNumber}（FinBridge 过账的凭证）`
              : `ERP voucher number ${record.erpNumber} (posted by FinBridge)`,
        });
      else if (before !== undefined && before.hash !== hashOf(record))
        allRows(g, 'erpVoucherNumber', 'value_not_allowed', {
          field: 'erpVoucherNumber',
          rule:
            locale === 'zh-CN'
              ? `凭证 ${g.label} 已由导入批次 ${before.batch} 以不同内容导入，请先回滚该批次`
              : `voucher ${g.label} was imported by batch ${before.batch} with other content; roll that batch back first`,
        });
      else g.status = before === undefined ? 'created' : 'unchanged';
    }
  }

  // 6. a claim or voucher with one wrong row is refused whole: its other rows say which row
  for (const g of groups.values()) {
    const wrong = g.rows.filter((r) => r.reasons.length > 0);
    if (wrong.length === 0) continue;
    g.status = 'refused';
    const rowsText = wrong.map((r) => r.row).join(', ');
    for (const r of g.rows)
      if (r.reasons.length === 0)
        r.reasons.push(
          reason(r.row, '', 'value_not_allowed', {
            field: g.label,
            rule:
              locale === 'zh-CN'
                ? `同一${resource === 'historical-claims' ? '报销单' : '凭证'}的第 ${rowsText} 行有误，整张不导入`
                : `row ${rowsText} of the same ${resource === 'historical-claims' ? 'claim' : 'voucher'} is wrong, so none of it is imported`,
          }),
        );
  }
  options.onProgress?.('checking', total, total);
  return { resource, format, sheet: table.sheet, rows, groups: [...groups.values()], skipped };
}

/** YYYY-MM from a period cell (2026-03, 202603, 2026.3, 2026年3期; 13–16 are adjustment periods), else from the date. */
function periodText(period: string | undefined, date: string | undefined): string | undefined {
  if (period === undefined) return date === undefined || !isDate(date) ? undefined : date.slice(0, 7);
  const m = /^(\d{4})[-./年]?(\d{1,2})[期月]?$/.exec(period);
  if (m === null) return undefined;
  const p = Number(m[2]);
  if (p < 1 || p > 16) return undefined;
  return `${m[1]}-${String(p).padStart(2, '0')}`;
}

const periodFits = (period: string, date: string): boolean =>
  Number(period.slice(5)) > 12 ? period.slice(0, 4) === date.slice(0, 4) : period === date.slice(0, 7);

const minorOf = (text: string | undefined, currency: string): bigint => {
  if (text === undefined) return 0n;
  const parsed = parseMoney(text, currency);
  return parsed.ok ? parsed.value.minor : 0n;
};

function claimOf(group: Group): ClaimRecord {
  const head = group.rows[0] as Row;
  const currency = head.text['currency'] ?? 'CNY';
  const status = (head.text['sourceStatus'] ?? 'paid').toLowerCase();
  return {
    kind: 'claim',
    number: head.text['claimNumber'] ?? '',
    employeeCode: head.text['employeeCode'] ?? '',
    currency,
    sourceStatus: POSTED.has(status) ? 'posted' : 'paid',
    lines: group.rows.map((r, i) => ({
      lineNo: r.text['lineNo'] === undefined ? i + 1 : Number(r.text['lineNo']),
      categoryCode: r.text['categoryCode'] ?? '',
      departmentCode: r.text['departmentCode'] ?? '',
      costCenterCode: r.text['costCenterCode'] ?? null,
      projectCode: r.text['projectCode'] ?? null,
      occurredOn: r.text['date'] ?? '',
      amountMinor: minorOf(r.text['amount'], currency),
      taxMinor: minorOf(r.text['tax'], currency),
      description: r.text['description'] ?? '',
    })),
  };
}

const AUX = {
  auxDepartment: 'department',
  auxEmployee: 'employee',
  auxSupplier: 'supplier',
  auxCustomer: 'customer',
  auxProject: 'project',
  auxCostCenter: 'costCenter',
} as const;

function voucherOf(
  group: Group,
  connectionOf: (code: string) => { id: string; name: string } | undefined,
): VoucherRecord {
  const head = group.rows[0] as Row;
  const currency = head.text['currency'] ?? 'CNY';
  const connection = connectionOf(head.text['connectionCode'] ?? '');
  const date = head.text['date'] ?? '';
  const period = periodText(head.text['period'], date) ?? date.slice(0, 7);
  const word = head.text['voucherWord'] ?? '';
  const number = Number(head.text['voucherNumber'] ?? '0');
  return {
    kind: 'voucher',
    connectionId: connection?.id ?? '',
    connectionName: connection?.name ?? '',
    erpNumber: head.text['erpVoucherNumber'] ?? `${period}-${word}-${number}`,
    word,
    number,
    date,
    period,
    currency,
    lines: group.rows.map((r, i) => ({
      lineNo: r.text['lineNo'] === undefined ? i + 1 : Number(r.text['lineNo']),
      accountCode: r.text['accountCode'] ?? '',
      summary: r.text['summary'] ?? '',
      debitMinor: minorOf(r.text['debit'], currency),
      creditMinor: minorOf(r.text['credit'], currency),
      aux: Object.fromEntries(
        Object.entries(AUX).flatMap(([field, name]) => {
          const value = r.text[field];
          return value === undefined ? [] : [[name, value]];
        }),
      ),
    })),
  };
}

function summarise(checked: Checked, options: HistoryImportOptions): DryRunResult {
  const items: DryRunRow[] = [];
  for (const g of checked.groups)
    for (const r of g.rows)
      items.push({
        row: r.row,
        key: g.label,
        status: g.status ?? 'refused',
        reasons: r.reasons,
        changes: [],
      });
  for (const [row, s] of checked.skipped)
    items.push(
      skippedRow(
        row,
        s.key,
        options.locale === 'zh-CN'
          ? `与第 ${s.kept} 行重复（${s.key}），已按去重规则跳过`
          : `Same line as row ${s.kept} (${s.key}): skipped by the dedup rule`,
      ),
    );
  items.sort((a, b) => a.row - b.row);
  const count = (status: DryRunRow['status']) => items.filter((i) => i.status === status).length;
  return {
    resource: checked.resource,
    format: checked.format,
    sheet: checked.sheet,
    rows: checked.rows.length,
    created: count('created'),
    updated: 0,
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    refused: count('refused'),
    items: options.summaryOnly === true ? [] : items,
  };
}

// ---- dry run, commit, rollback ---------------------------------------------------------------------

/** What importing the file would do, row by row; nothing is written. */
export async function dryRunHistoryImport(
  db: TenantDb,
  resource: HistoryResource,
  file: ImportFile,
  options: HistoryImportOptions,
): Promise<DryRunResult> {
  return summarise(await check(db, resource, file, options), options);
}

/**
 * Writes the file as one batch: refused whole (import_rejected, every wrong cell named) when any row is
 * refused. Claims and vouchers imported before with the same content are left as they are.
 */
export async function commitHistoryImport(
  db: TenantDb,
  writer: Writer,
  resource: HistoryResource,
  file: ImportFile,
  options: HistoryImportOptions,
): Promise<{ batch: BatchView; result: DryRunResult }> {
  return db.transaction(async (tx) => {
    const checked = await check(tx, resource, file, options);
    const summary = summarise(checked, { ...options, summaryOnly: false });
    if (summary.refused > 0) {
      const rows = summary.items.filter((i) => i.status === 'refused').flatMap((i) => i.reasons);
      const failures: Failure[] = rows.map((r) => ({
        code: r.code as ErrorCode,
        pointer: `/rows/${r.row}${r.field}`,
        params: paramsOf.get(r) ?? {},
      }));
      throw new DomainError('import_rejected', { failed: summary.refused }, failures, { rows });
    }
    const now = writer.audit.clock.now().toISOString();
    const id = newId();
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    await tx
      .insertInto('import_batches', [
        {
          id,
          resource,
          file_name: file.fileName,
          file_sha256: sha256,
          status: 'committed',
          row_count: summary.rows,
          created_count: summary.created,
          updated_count: 0,
          unchanged_count: summary.unchanged,
          committed_by: writer.actor,
          committed_at: now,
          rolled_back_by: null,
          rolled_back_at: null,
        },
      ])
      .execute();
    const created = checked.groups.filter((g) => g.status === 'created');
    const ids = new Map(created.map((g) => [g, newId()]));
    const changes = created.map((g, seq) => ({
      batch_id: id,
      seq,
      record_id: ids.get(g) as string,
      code: g.label,
      action: 'create' as const,
      before_json: null,
      after_version: 1,
    }));
    for (const part of chunks(changes)) await tx.insertInto('import_batch_changes', part).execute();
    let done = 0;
    for (const part of chunks(created, 200)) {
      if (resource === 'historical-claims') {
        const claims = part.map((g) => ({ id: ids.get(g) as string, c: g.record as ClaimRecord }));
        await tx
          .insertInto(
            'historical_claims',
            claims.map(({ id: claimId, c }) => ({
              id: claimId,
              batch_id: id,
              number: c.number,
              employee_code: c.employeeCode,
              currency: c.currency,
              source_status: c.sourceStatus,
              total_minor: c.lines.reduce((s, l) => s + l.amountMinor, 0n),
              tax_minor: c.lines.reduce((s, l) => s + l.taxMinor, 0n),
              line_count: c.lines.length,
              content_sha256: hashOf(c),
              created_at: now,
            })),
          )
          .execute();
        const lines = claims.flatMap(({ id: claimId, c }) =>
          c.lines.map((l) => ({
            claim_id: claimId,
            line_no: l.lineNo,
            category_code: l.categoryCode,
            department_code: l.departmentCode,
            cost_center_code: l.costCenterCode,
            project_code: l.projectCode,
            occurred_on: l.occurredOn,
            amount_minor: l.amountMinor,
            tax_minor: l.taxMinor,
            description: l.description,
          })),
        );
        for (const lp of chunks(lines, 400)) await tx.insertInto('historical_claim_lines', lp).execute();
        for (const { id: claimId, c } of claims)
          await recordHistoricalActuals(
            tx,
            claimId,
            c.currency,
            c.lines.map((l) => ({
              lineNo: l.lineNo,
              departmentCode: l.departmentCode,
              categoryCode: l.categoryCode,
              projectCode: l.projectCode,
              occurredOn: l.occurredOn,
              amountMinor: l.amountMinor,
            })),
            now,
          );
        const spend = await historicalSpendLines(
          tx,
          claims.map((c) => c.id),
          null,
          claims.length,
        );
        await recordImportedSpend(tx, spend.lines, options.companyCode, now);
      } else {
        const vouchers = part.map((g) => ({ id: ids.get(g) as string, v: g.record as VoucherRecord }));
        await tx
          .insertInto(
            'historical_vouchers',
            vouchers.map(({ id: voucherId, v }) => ({
              id: voucherId,
              batch_id: id,
              connection_id: v.connectionId,
              erp_number: v.erpNumber,
              word: v.word,
              number: v.number,
              date_on: v.date,
              period: v.period,
              currency: v.currency,
              total_minor: v.lines.reduce((s, l) => s + l.debitMinor, 0n),
              line_count: v.lines.length,
              content_sha256: hashOf(v),
              created_at: now,
            })),
          )
          .execute();
        const lines = vouchers.flatMap(({ id: voucherId, v }) =>
          v.lines.map((l) => ({
            voucher_id: voucherId,
            line_no: l.lineNo,
            account_code: l.accountCode,
            summary: l.summary,
            debit_minor: l.debitMinor,
            credit_minor: l.creditMinor,
            aux_json: JSON.stringify(l.aux),
          })),
        );
        for (const lp of chunks(lines, 400)) await tx.insertInto('historical_voucher_lines', lp).execute();
      }
      done += part.length;
      options.onProgress?.('writing', done, created.length);
    }
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'import',
        entityType: 'ImportBatch',
        entityId: id,
        after: {
          resource,
          fileName: file.fileName,
          sha256,
          created: summary.created,
          unchanged: summary.unchanged,
        },
        requestId: writer.requestId,
      },
    ]);
    return {
      batch: await getBatch(tx, id),
      result: options.summaryOnly === true ? { ...summary, items: [] } : summary,
    };
  });
}

export interface BlockedHistoryRecord {
  readonly code: string;
  readonly id: string;
  readonly reason: 'period_closed' | 'period_archived';
  readonly importedVersion: number;
  readonly currentVersion: number;
  /** The period that holds it: period/2026-03. */
  readonly referencedBy: string;
}

/**
 * Takes a committed batch of history out again: its claims and vouchers are deleted, the claims'
 * spend facts, rollup, findings and budget actuals with them. Refused (import_rollback_period_frozen,
 * records[] lists them) when a period the batch covers was closed after the import or is archived.
 */
export async function rollbackHistoryImport(
  db: TenantDb,
  writer: Writer,
  batchId: string,
): Promise<BatchView> {
  return db.transaction(async (tx) => {
    const batch = await tx
      .selectFrom('import_batches')
      .selectAll()
      .where('id', '=', batchId)
      .executeTakeFirst();
    if (batch === undefined) throw new DomainError('not_found', { resource: 'ImportBatch', id: batchId });
    if (batch.status === 'rolled_back')
      throw new DomainError('import_batch_rolled_back', { id: batchId, at: batch.rolled_back_at ?? '' });
    const resource = batch.resource;
    if (!isHistoryResource(resource)) throw new Error(`batch ${batchId} is not an import of history`);
    const changes = await tx
      .selectFrom('import_batch_changes')
      .selectAll()
      .where('batch_id', '=', batchId)
      .orderBy('seq')
      .execute();
    const ids = changes.map((c) => c.record_id);
    const codeOf = new Map(changes.map((c) => [c.record_id, c.code]));
    const periodsOf = new Map<string, Set<string>>();
    for (const part of chunks(ids)) {
      const dated =
        resource === 'historical-claims'
          ? (
              await tx
                .selectFrom('historical_claim_lines')
                .select(['claim_id', 'occurred_on'])
                .where('claim_id', 'in', part)
                .execute()
            ).map((r) => ({ id: r.claim_id, on: r.occurred_on }))
          : (
              await tx
                .selectFrom('historical_vouchers')
                .select(['id', 'date_on'])
                .where('id', 'in', part)
                .execute()
            ).map((r) => ({ id: r.id, on: r.date_on }));
      for (const d of dated) {
        const p = d.on.slice(0, 7);
        periodsOf.set(p, (periodsOf.get(p) ?? new Set()).add(d.id));
      }
    }
    const frozen = await periodsFrozenSince(tx, [...periodsOf.keys()], batch.committed_at);
    const blocked: BlockedHistoryRecord[] = frozen.flatMap((f) =>
      [...(periodsOf.get(f.period) ?? [])].map((id) => ({
        code: codeOf.get(id) ?? id,
        id,
        reason: f.reason,
        importedVersion: 1,
        currentVersion: 1,
        referencedBy: `period/${f.period}`,
      })),
    );
    if (blocked.length > 0)
      throw new DomainError(
        'import_rollback_period_frozen',
        { count: blocked.length },
        blocked.map((b) => ({
          code: 'import_rollback_period_frozen',
          pointer: `/records/${b.code}`,
          params: { count: blocked.length },
        })),
        { records: blocked },
      );
    const audits: AuditEntry[] = [];
    for (const part of chunks(ids)) {
      if (resource === 'historical-claims') {
        await withdrawImportedSpend(tx, part);
        for (const id of part) await releaseHistoricalActuals(tx, id);
        await tx.deleteFrom('historical_claim_lines').where('claim_id', 'in', part).execute();
        await tx.deleteFrom('historical_claims').where('id', 'in', part).execute();
      } else {
        await tx.deleteFrom('historical_voucher_lines').where('voucher_id', 'in', part).execute();
        await tx.deleteFrom('historical_vouchers').where('id', 'in', part).execute();
      }
      for (const id of part)
        audits.push({
          actor: writer.actor,
          action: 'delete',
          entityType: resource === 'historical-claims' ? 'HistoricalClaim' : 'HistoricalVoucher',
          entityId: id,
          before: { code: codeOf.get(id), batchId },
          requestId: writer.requestId,
        });
    }
    await markRolledBack(tx, writer, batchId, writer.audit.clock.now().toISOString(), audits);
    return getBatch(tx, batchId);
  });
}

/** A workbook to fill in: the columns on the first row (with the Chinese names as notes) and a sheet that explains them. */
export async function historyTemplate(
  resource: HistoryResource,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(LABELS[resource].zh);
  const fields = FIELDS[resource];
  sheet.addRow(fields.map((f) => f.name));
  sheet.getRow(1).font = { bold: true };
  fields.forEach((f, i) => {
    sheet.getColumn(i + 1).width = Math.max(12, f.name.length + 4);
    sheet.getRow(1).getCell(i + 1).note = `${f.zh}${f.required ? '（必填）' : ''}`;
  });
  const help = workbook.addWorksheet('说明 Notes');
  help.addRow(['field', '中文列名', 'English', 'required 必填', 'format 格式']);
  help.getRow(1).font = { bold: true };
  const formats: Record<Kind, string> = {
    code: 'code 编码',
    text: 'text 文本',
    date: 'YYYY-MM-DD (2026/3/5, 2026年3月5日, 20260305)',
    money: '1234.50 (¥1,234.50) — at most the currency’s decimals 不超过币种小数位',
    integer: 'whole number 整数',
    period: 'YYYY-MM, 01–16',
  };
  for (const f of fields) help.addRow([f.name, f.zh, f.en, f.required ? 'yes 是' : '', formats[f.kind]]);
  help.columns.forEach((c) => {
    c.width = 24;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: `${resource}-template.xlsx`, bytes: new Uint8Array(buffer) };
}

import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import type { TSchema } from 'typebox';
import { renderMessage, type Locale } from '../../model/error-codes.ts';
import { DomainError, type Failure } from '../../model/result.ts';
import type { Writer } from '../../platform/audit/audit-log.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { MasterResource } from './resources.ts';
import { bulkUpsert, type BulkResult } from './service.ts';

/**
 * Master data from a spreadsheet a person made: an xlsx workbook (its first sheet) or a CSV file
 * (UTF-8, or GBK as Excel in a Chinese locale saves it). The first row names the columns — the
 * resource's field names, nested ones dotted (`bankAccounts.0.accountNumber`) — and every further row
 * is one record. Cells are read by what the field expects (a number typed as text, a code typed as a
 * number). The file is written whole or not at all: one wrong row refuses it, and every wrong cell is
 * named by row and column.
 */
export type ImportFormat = 'xlsx' | 'csv';
type Cell = string | number | boolean | Date | null;

export interface SheetTable {
  readonly sheet: string | null;
  /** Row number (1-based, as the spreadsheet shows it) and cells of the header row. */
  readonly header: { readonly row: number; readonly cells: string[] };
  readonly rows: readonly { readonly row: number; readonly cells: Cell[] }[];
}

/** Unpacked size an xlsx may reach (a zip bomb is refused before it is inflated). */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_COLUMNS = 200;

const unreadable = (reason: string) => new DomainError('import_unreadable', { reason });

/** The file's format: the bytes decide (an xlsx is a zip), the name only names an old .xls. */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw unreadable('an old Excel 97–2003 (.xls) workbook: save it as .xlsx or CSV');
  if (/\.xlsx$/i.test(fileName)) throw unreadable('not an xlsx workbook (no zip signature)');
  return 'csv';
}

/** Column letters as spreadsheets show them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export async function readTable(
  format: ImportFormat,
  bytes: Uint8Array,
  maxRows: number,
): Promise<SheetTable> {
  let table: SheetTable;
  try {
    table = format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  } catch (error) {
    // whatever else a damaged file makes a parser throw is the file's fault, never a 500
    if (error instanceof DomainError) throw error;
    throw unreadable(error instanceof Error ? error.message : String(error));
  }
  if (table.rows.length === 0) throw new DomainError('import_empty');
  if (table.rows.length > maxRows)
    throw new DomainError('bulk_too_large', { count: table.rows.length, limit: maxRows });
  return table;
}

function toTable(sheet: string | null, rows: { row: number; cells: Cell[] }[]): SheetTable {
  const filled = rows.filter((r) =>
    r.cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === '')),
  );
  const [header, ...body] = filled;
  if (header === undefined) throw new DomainError('import_empty');
  if (header.cells.length > MAX_COLUMNS)
    throw unreadable(`more than ${MAX_COLUMNS} columns in the header row`);
  return {
    sheet,
    header: { row: header.row, cells: header.cells.map((c) => (c === null ? '' : cellText(c).trim())) },
    rows: body,
  };
}

async function readXlsx(bytes: Uint8Array): Promise<SheetTable> {
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        return false;
      },
    });
  } catch (error) {
    throw unreadable(`a damaged xlsx workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw unreadable('the workbook unpacks to more than 100 MiB');
  // exceljs is ~500 modules: loaded on the first workbook, not at every process start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    throw unreadable(`a damaged xlsx workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0) ?? workbook.worksheets[0];
  if (sheet === undefined) throw new DomainError('import_empty');
  const rows: { row: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    const last = Math.min(row.cellCount, MAX_COLUMNS + 1);
    for (let c = 1; c <= last; c += 1) cells.push(xlsxCell(row.getCell(c).value));
    rows.push({ row: rowNumber, cells });
  });
  return toTable(sheet.name, rows);
}

/** An exceljs cell value as plain data: rich text and hyperlinks as their text, formulas as their result. */
function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['richText']))
      return (v['richText'] as { text?: unknown }[])
        .map((p) => (typeof p.text === 'string' ? p.text : ''))
        .join('');
    if ('formula' in v || 'sharedFormula' in v) return xlsxCell(v['result']);
    if ('text' in v) return xlsxCell(v['text']);
    if (typeof v['error'] === 'string') return v['error'];
  }
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** CSV text: UTF-8 (with or without a byte-order mark), else GBK/GB18030 as Excel writes it in China. */
function decodeCsv(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw unreadable('binary data, not a CSV text file');
  try {
    return strictUtf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const text = iconv.decode(Buffer.from(bytes), 'gb18030');
    if (text.includes('\uFFFD')) throw unreadable('text that is neither UTF-8 nor GBK');
    return text;
  }
}

/** RFC 4180 CSV (comma, or tab when the header row has tabs and no commas); quotes may span lines. */
function readCsv(bytes: Uint8Array): SheetTable {
  const text = decodeCsv(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: { row: number; cells: Cell[] }[] = [];
  let cells: Cell[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  const endCell = () => {
    cells.push(cell === '' && !wasQuoted ? null : cell);
    cell = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endCell();
    rows.push({ row: rows.length + 1, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') {
      quoted = true;
      wasQuoted = true;
    } else if (c === delimiter) endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i += 1;
      endRow();
    } else cell += c;
  }
  if (quoted) throw unreadable(`a quote opened in row ${rows.length + 1} is never closed`);
  if (cell !== '' || cells.length > 0 || wasQuoted) endRow();
  return toTable(null, rows);
}

function cellText(cell: Exclude<Cell, null>): string {
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'number') return numberText(cell);
  return String(cell);
}

const numberText = (n: number): string =>
  Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);

// ---- columns → fields --------------------------------------------------------------------------

export interface Column {
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  /** Where the column's value goes in the record: ['bankAccounts', 0, 'accountNumber']. */
  readonly path: readonly (string | number)[];
  readonly pointer: string;
  readonly schema: TSchema;
}

type JsonSchema = Record<string, unknown>;
const asSchema = (s: unknown): JsonSchema => (typeof s === 'object' && s !== null ? (s as JsonSchema) : {});

/** Leaf paths of the resource's input schema, dotted: what a header row may name. */
export function knownColumns(resource: MasterResource): string[] {
  const out: string[] = [];
  const walk = (schema: JsonSchema, prefix: string) => {
    const properties = asSchema(schema['properties']);
    for (const [name, child] of Object.entries(properties)) {
      const s = asSchema(child);
      const path = prefix === '' ? name : `${prefix}.${name}`;
      if (s['type'] === 'object') walk(s, path);
      else if (s['type'] === 'array' && asSchema(s['items'])['type'] === 'object')
        walk(asSchema(s['items']), `${path}.0`);
      else out.push(path);
    }
  };
  walk(asSchema(resource.entity.input), '');
  return out;
}

/** The schema a dotted header names, matching property names without regard to case. */
function resolvePath(
  root: TSchema,
  header: string,
): { path: (string | number)[]; schema: TSchema } | undefined {
  let schema = asSchema(root);
  const path: (string | number)[] = [];
  for (const part of header.split('.').map((p) => p.trim())) {
    if (schema['type'] === 'array') {
      if (!/^\d{1,3}$/.test(part)) return undefined;
      const index = Number(part);
      const max = typeof schema['maxItems'] === 'number' ? schema['maxItems'] : 1000;
      if (index >= max) return undefined;
      path.push(index);
      schema = asSchema(schema['items']);
      continue;
    }
    const properties = asSchema(schema['properties']);
    const name = Object.keys(properties).find((k) => k.toLowerCase() === part.toLowerCase());
    if (name === undefined) return undefined;
    path.push(name);
    schema = asSchema(properties[name]);
  }
  return path.length === 0 ? undefined : { path, schema };
}

const escapePointer = (segment: string | number): string =>
  String(segment).replace(/~/g, '~0').replace(/\//g, '~1');

function mapColumns(
  resource: MasterResource,
  table: SheetTable,
  mapping: Readonly<Record<string, string>> = {},
): Column[] {
  const failures: Failure[] = [];
  const columns: Column[] = [];
  const width = Math.max(table.header.cells.length, ...table.rows.map((r) => r.cells.length));
  const known = knownColumns(resource);
  const byPointer = new Map<string, Column>();
  for (let index = 0; index < width; index += 1) {
    const header = table.header.cells[index] ?? '';
    const letter = columnLetter(index);
    if (header === '') {
      // a column without a name is fine while it is empty; data in it would be lost, so it is refused
      if (
        table.rows.some((r) => {
          const c = r.cells[index];
          return c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === '');
        })
      )
        failures.push(unknownColumn(resource, letter, header, known));
      continue;
    }
    const resolved = resolvePath(resource.entity.input, mapping[header] ?? header);
    if (resolved === undefined) {
      failures.push(unknownColumn(resource, letter, header, known));
      continue;
    }
    const pointer = resolved.path.map((p) => `/${escapePointer(p)}`).join('');
    const first = byPointer.get(pointer);
    if (first !== undefined) {
      failures.push({
        code: 'import_duplicate_column',
        pointer: `/columns/${letter}`,
        params: { column: letter, header, first: first.letter },
      });
      continue;
    }
    const column = { index, letter, header, path: resolved.path, pointer, schema: resolved.schema };
    byPointer.set(pointer, column);
    columns.push(column);
  }
  if (failures.length > 0) {
    const only = failures.length === 1 ? failures[0] : undefined;
    throw only === undefined
      ? new DomainError('validation_failed', {}, failures)
      : new DomainError(only.code, only.params ?? {}, failures);
  }
  return columns;
}

function unknownColumn(resource: MasterResource, letter: string, header: string, known: string[]): Failure {
  return {
    code: 'import_unknown_column',
    pointer: `/columns/${letter}`,
    params: {
      column: letter,
      header,
      resource: resource.label.en,
      resourceZh: resource.label.zh,
      known: known.join(', '),
    },
  };
}

type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'structured';

function kindOf(schema: TSchema): Kind {
  const s = asSchema(schema);
  const type = s['type'];
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') return type;
  if (type === 'object' || type === 'array') return 'structured';
  const branches = Array.isArray(s['anyOf']) ? (s['anyOf'] as unknown[]).map(asSchema) : [];
  const kinds = new Set(
    branches
      .filter((b) => b['type'] !== 'null')
      .map((b) => (typeof b['const'] === 'string' ? 'string' : kindOf(b as TSchema))),
  );
  const [only] = kinds;
  return kinds.size === 1 && only !== undefined ? only : 'structured';
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '真']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '假']);

/** A cell as the field expects it; a value that does not fit is passed on for validation to name. */
function coerce(raw: Cell, schema: TSchema, field: string, cleansing: Cleansing): unknown {
  const cell = typeof raw === 'string' ? cleanse(raw, schema, field, cleansing) : raw;
  if (cell === null) return undefined;
  if (typeof cell === 'string' && cell.trim() === '') return undefined;
  const kind = kindOf(schema);
  const format = asSchema(schema)['format'];
  if (cell instanceof Date) {
    if (kind !== 'string') return cell.toISOString();
    return format === 'date-time' ? cell.toISOString() : cell.toISOString().slice(0, 10);
  }
  switch (kind) {
    case 'string':
      return typeof cell === 'string' ? cell.trim() : cellText(cell);
    case 'number':
    case 'integer': {
      if (typeof cell !== 'string') return cell;
      const text = cell.trim();
      return /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return cell;
      const text = cellText(cell).trim().toLowerCase();
      return TRUE.has(text) ? true : FALSE.has(text) ? false : cell;
    }
    case 'structured': {
      const text = typeof cell === 'string' ? cell.trim() : cell;
      if (typeof text === 'string' && /^[[{]/.test(text)) {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return text;
        }
      }
      return text;
    }
  }
}

function place(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node: Record<string, unknown> | unknown[] = target;
  path.forEach((key, i) => {
    const last = i === path.length - 1;
    const next = path[i + 1];
    const slot = node as Record<string | number, unknown>;
    if (last) {
      slot[key] = value;
      return;
    }
    if (slot[key] === undefined) slot[key] = typeof next === 'number' ? [] : {};
    node = slot[key] as Record<string, unknown> | unknown[];
  });
}

/** Sparse arrays (bankAccounts.1 filled, .0 empty) closed up, so the record validates as typed. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (typeof value === 'object' && value !== null && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  return value;
}

// ---- cleansing ----------------------------------------------------------------------------------

/**
 * What is done to each text cell before it is read (all on unless turned off): full-width letters,
 * digits and punctuation folded to half-width (ＡＢＣ１２３ → ABC123, the ideographic space to a space);
 * codes (code, …Code, taxId) without spaces and in capitals; dates written 2026/1/5, 2026.1.5,
 * 2026年1月5日 or 20260105 as 2026-01-05; amounts without currency signs and thousands separators
 * (¥1,234.50 → 1234.50). Cells are always trimmed. `dedup` says what happens to a second row with the
 * same code: refused (the default), or the first or the last row kept and the others skipped.
 */
export interface Cleansing {
  readonly fullWidth?: boolean;
  readonly codes?: boolean;
  readonly dates?: boolean;
  readonly amounts?: boolean;
  readonly dedup?: 'refuse' | 'first' | 'last';
}

export const toHalfWidth = (text: string): string =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');

const isCodeField = (field: string) => field === 'code' || field === 'taxId' || /Code$/.test(field);

export function normaliseDate(text: string): string {
  const m = /^(\d{4})[/.年-](\d{1,2})[/.月-](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m === null) return text;
  const [, y, mo, d] = m;
  return `${y}-${(mo ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
}

function cleanse(cell: string, schema: TSchema, field: string, cleansing: Cleansing): string {
  let text = cell.trim();
  if (cleansing.fullWidth !== false) text = toHalfWidth(text).trim();
  const s = asSchema(schema);
  if (cleansing.codes !== false && isCodeField(field)) text = text.replace(/\s+/g, '').toUpperCase();
  if (cleansing.dates !== false && s['format'] === 'date') text = normaliseDate(text);
  if (
    cleansing.amounts !== false &&
    (s['type'] === 'number' ||
      s['type'] === 'integer' ||
      (typeof s['pattern'] === 'string' && /^[-+\s]*[¥￥$]?[\d,]+(\.\d+)?$/.test(text)))
  )
    text = text.replace(/^([-+]?)\s*[¥￥$]/, '$1').replace(/,(?=\d{3}(\D|$))/g, '');
  return text;
}

// ---- the import ---------------------------------------------------------------------------------

export interface ImportRowError {
  readonly row: number;
  /** The spreadsheet column (A, B, …) of the field, or null when no column carries it. */
  readonly column: string | null;
  readonly header: string | null;
  /** JSON pointer of the field inside the record ('' = the whole row). */
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface ImportResult {
  readonly format: ImportFormat;
  readonly sheet: string | null;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly items: {
    readonly row: number;
    readonly key: string | null;
    readonly status: 'created' | 'updated' | 'unchanged';
    readonly id?: string;
  }[];
}

/** A file read into records, each with its row number, ready for a bulk upsert. */
export interface PreparedImport {
  readonly format: ImportFormat;
  readonly sheet: string | null;
  readonly columns: Column[];
  readonly records: readonly { readonly row: number; readonly item: unknown }[];
}

export interface PrepareOptions {
  readonly maxRows: number;
  /** The file's header → the field it holds (e.g. 供应商名称 → name); unmapped headers are field names. */
  readonly mapping?: Readonly<Record<string, string>>;
  readonly cleansing?: Cleansing;
}

export async function prepareImport(
  resource: MasterResource,
  file: { readonly fileName: string; readonly bytes: Uint8Array },
  options: PrepareOptions,
): Promise<PreparedImport> {
  const format = detectFormat(file.fileName, file.bytes);
  const table = await readTable(format, file.bytes, options.maxRows);
  const columns = mapColumns(resource, table, options.mapping);
  const cleansing = options.cleansing ?? {};
  const records = table.rows.map((r) => {
    const item: Record<string, unknown> = {};
    for (const column of columns) {
      const field = String(column.path.at(-1));
      const value = coerce(r.cells[column.index] ?? null, column.schema, field, cleansing);
      if (value !== undefined) place(item, column.path, value);
    }
    return { row: r.row, item: compact(item) };
  });
  return { format, sheet: table.sheet, columns, records };
}

export async function importFile(
  db: TenantDb,
  writer: Writer,
  resource: MasterResource,
  file: { readonly fileName: string; readonly bytes: Uint8Array },
  options: { readonly maxRows: number; readonly locale: Locale },
): Promise<ImportResult> {
  const { format, sheet, columns, records } = await prepareImport(resource, file, {
    maxRows: options.maxRows,
    cleansing: { fullWidth: false, codes: false, dates: false, amounts: false },
  });
  const table = { sheet };
  let result: BulkResult;
  try {
    result = await bulkUpsert(
      db,
      writer,
      resource,
      records.map((r) => r.item),
      true,
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'bulk_failed')
      throw rejected(error.extensions['result'] as BulkResult, records, columns, options.locale);
    throw error;
  }
  return {
    format,
    sheet: table.sheet,
    rows: records.length,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    items: result.items.flatMap((i) =>
      i.status === 'failed'
        ? []
        : [
            {
              row: records[i.index]?.row ?? i.index,
              key: i.key,
              status: i.status,
              ...(i.id === undefined ? {} : { id: i.id }),
            },
          ],
    ),
  };
}

/** Each failure of a bulk result told by row and column of the file. */
export function rowErrors(
  result: BulkResult,
  records: readonly { row: number }[],
  columns: readonly Column[],
  locale: Locale,
): { rows: ImportRowError[]; failures: Failure[] } {
  const rows: ImportRowError[] = [];
  const failures: Failure[] = [];
  for (const item of result.items) {
    if (item.status !== 'failed') continue;
    const row = records[item.index]?.row ?? item.index + 1;
    for (const f of item.failures ?? []) {
      const field = f.pointer.replace(/^\/items\/\d+/, '');
      const column =
        columns.find((c) => c.pointer === field) ??
        (field === '' ? undefined : columns.find((c) => c.pointer.startsWith(`${field}/`)));
      const params =
        f.code === 'duplicate_in_batch' && typeof f.params?.['first'] === 'number'
          ? { ...f.params, first: records[f.params['first']]?.row ?? f.params['first'] }
          : (f.params ?? {});
      rows.push({
        row,
        column: column?.letter ?? null,
        header: column?.header ?? null,
        field,
        code: f.code,
        message: renderMessage(f.code, locale, params),
      });
      failures.push({ code: f.code, pointer: `/rows/${row}${field}`, params });
    }
  }
  return { rows, failures };
}

/** The batch's failures told by row and column of the file: nothing was written. */
function rejected(
  result: BulkResult,
  records: readonly { row: number }[],
  columns: readonly Column[],
  locale: Locale,
): DomainError {
  const { rows, failures } = rowErrors(result, records, columns, locale);
  const wrongRows = new Set(rows.map((r) => r.row)).size;
  return new DomainError('import_rejected', { failed: wrongRows }, failures, { rows });
}

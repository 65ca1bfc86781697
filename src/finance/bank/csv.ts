import { DomainError } from '../../model/result.ts';
import { isCurrencyCode } from '../../model/currencies.ts';
import { CSV_LAYOUTS, layoutNamed, type CsvColumns, type CsvLayout } from './csv-layouts.ts';
import {
  FileFaults,
  unreadable,
  type ParsedFile,
  type ParsedLine,
  type StatedBalance,
} from './statement-file.ts';
import { cleanAccount, cleanText, digitsOf, readAmount, readDate } from './values.ts';

/**
 * Bank CSV exports read through a layout (csv-layouts.ts): the header row is found among the first rows
 * (exports open with a title and the account's details), every data row becomes a line, summary rows
 * (合计, 笔数 …) are passed over. Every wrong cell is named by its line in the file and its header.
 * A running balance column is checked line by line in the order of the file (oldest first or newest
 * first, whichever the balances follow) and gives the statement its opening and closing balances.
 */
interface Row {
  readonly line: number;
  readonly cells: readonly string[];
}

/** RFC 4180 rows (comma, or tab when the first lines use tabs), each with the file line it starts on. */
export function readCsvRows(text: string): Row[] {
  const sample = text.slice(0, 4000);
  const tabs = (sample.match(/\t/g) ?? []).length;
  const commas = (sample.match(/,/g) ?? []).length;
  const delimiter = tabs > commas ? '\t' : ',';
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line += 1;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i += 1;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
    } else cell += c;
  }
  if (quoted)
    throw unreadable(`第 ${rowLine} 行的引号没有闭合`, `a quote opened on line ${rowLine} is never closed`);
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

const header = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\uFEFF/, '');

type Field = keyof CsvColumns;
/** Which column each field is read from, for one layout. */
type Mapping = Partial<Record<Field, number[]>>;

const MULTI: ReadonlySet<Field> = new Set(['description']);

function mapHeader(layout: CsvLayout, cells: readonly string[]): Mapping | undefined {
  const headers = cells.map(header);
  const mapping: Mapping = {};
  for (const [field, aliases] of Object.entries(layout.columns) as [Field, readonly string[]][]) {
    const wanted = aliases.map(header);
    const found = MULTI.has(field)
      ? headers.flatMap((h, i) => (wanted.includes(h) ? [i] : []))
      : (() => {
          for (const alias of wanted) {
            const i = headers.indexOf(alias);
            if (i !== -1) return [i];
          }
          return [];
        })();
    if (found.length > 0) mapping[field] = found;
  }
  const hasAmounts =
    layout.direction === 'columns'
      ? mapping.debit !== undefined && mapping.credit !== undefined
      : mapping.amount !== undefined && (layout.direction === 'sign' || mapping.indicator !== undefined);
  return mapping.bookedOn !== undefined && hasAmounts ? mapping : undefined;
}

const HEADER_SEARCH_ROWS = 30;

interface Found {
  readonly layout: CsvLayout;
  readonly headerIndex: number;
  readonly mapping: Mapping;
}

function findHeader(layout: CsvLayout, rows: readonly Row[]): Found | undefined {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i += 1) {
    const row = rows[i];
    if (row === undefined) continue;
    const mapping = mapHeader(layout, row.cells);
    if (mapping !== undefined) return { layout, headerIndex: i, mapping };
  }
  return undefined;
}

const known = (): string => ['camt053', 'mt940', ...CSV_LAYOUTS.map((l) => l.name)].join(', ');

/** The layout a file is read with: the one named, or the one its header row identifies. */
export function chooseLayout(rows: readonly Row[], name?: string): Found {
  if (name !== undefined) {
    const layout = layoutNamed(name);
    if (layout === undefined)
      throw new DomainError('bank_layout_unknown', {
        reason: `没有名为 ${name} 的版式`,
        reasonEn: `there is no layout named ${name}`,
        known: known(),
      });
    const found = findHeader(layout, rows);
    if (found === undefined)
      throw new DomainError('bank_layout_unknown', {
        reason: `前 ${HEADER_SEARCH_ROWS} 行中没有版式 ${name} 要求的表头（${requiredHeaders(layout)}）`,
        reasonEn: `none of the first ${HEADER_SEARCH_ROWS} rows has the headers layout ${name} needs (${requiredHeaders(layout)})`,
        known: known(),
      });
    return found;
  }
  const candidates = CSV_LAYOUTS.map((l) => findHeader(l, rows)).filter((f): f is Found => f !== undefined);
  const signed = candidates.filter((f) => {
    const row = rows[f.headerIndex]?.cells.map(header) ?? [];
    return f.layout.signature.some((s) => row.includes(header(s)));
  });
  const fallbacks = candidates.filter((f) => f.layout.signature.length === 0);
  const pool = signed.length > 0 ? signed : fallbacks.length > 0 ? fallbacks : candidates;
  const size = (f: Found) => Object.values(f.mapping).reduce((n, cols) => n + cols.length, 0);
  const best = Math.max(...pool.map(size));
  const top = pool.filter((f) => size(f) === best);
  const first = top[0];
  if (first === undefined)
    throw new DomainError('bank_layout_unknown', {
      reason: `前 ${HEADER_SEARCH_ROWS} 行中没有可识别的表头（需要日期列和借方/贷方或金额列）`,
      reasonEn: `none of the first ${HEADER_SEARCH_ROWS} rows is a header this reader knows (a date column and debit/credit or amount columns)`,
      known: known(),
    });
  if (top.length > 1 && signed.length > 0)
    throw new DomainError('bank_layout_unknown', {
      reason: `文件同时符合版式 ${top.map((f) => f.layout.name).join('、')}，请指定版式`,
      reasonEn: `the file fits layouts ${top.map((f) => f.layout.name).join(', ')}; name one`,
      known: known(),
    });
  return first;
}

function requiredHeaders(layout: CsvLayout): string {
  const c = layout.columns;
  const parts = [c.bookedOn.join('/')];
  if (layout.direction === 'columns') parts.push((c.debit ?? []).join('/'), (c.credit ?? []).join('/'));
  else parts.push((c.amount ?? []).join('/'));
  return parts.join('，');
}

const SUMMARY =
  /^(合计|总计|小计|本页小计|本页合计|累计|借方笔数|贷方笔数|借方合计|贷方合计|笔数|共\s*\d+\s*笔|交易笔数)/;

const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  人民币: 'CNY',
  人民币元: 'CNY',
  RMB: 'CNY',
  美元: 'USD',
  港币: 'HKD',
  港元: 'HKD',
  欧元: 'EUR',
  日元: 'JPY',
  英镑: 'GBP',
  '156': 'CNY',
};

/** The own account number a preamble row states ("账号：3100…", or "账号" then the number). */
function preambleAccount(rows: readonly Row[]): string | null {
  for (const row of rows) {
    const cells = row.cells.map((c) => (cleanText(c) ?? '').normalize('NFKC'));
    for (let i = 0; i < cells.length; i += 1) {
      const cell = cells[i] ?? '';
      const inline =
        /^(?:账号|帐号|账户|账户号码|查询账号|银行账号)\s*[:：]\s*([0-9A-Za-z][0-9A-Za-z -]{3,39})$/.exec(
          cell,
        );
      if (inline) return cleanAccount(inline[1]);
      if (/^(?:账号|帐号|账户|账户号码|查询账号)\s*[:：]?$/.test(cell)) {
        const next = cleanAccount(cells[i + 1]);
        if (next !== null && /^[0-9A-Z]{4,40}$/.test(next)) return next;
      }
    }
  }
  return null;
}

export interface CsvOptions {
  readonly layout?: string;
  /** The currency when the file has no currency column (the account's). */
  readonly currency: string;
}

export function parseBankCsv(text: string, encoding: string, options: CsvOptions): ParsedFile {
  const rows = readCsvRows(text);
  if (rows.length === 0) throw unreadable('文件中没有内容', 'the file has no rows');
  const { layout, headerIndex, mapping } = chooseLayout(rows, options.layout);
  const headerCells = rows[headerIndex]?.cells ?? [];
  const name = (field: Field): string => {
    const i = mapping[field]?.[0];
    return i === undefined ? field : header(headerCells[i] ?? field);
  };
  const cell = (row: Row, field: Field): string | null => {
    const i = mapping[field]?.[0];
    return i === undefined ? null : cleanText(row.cells[i]);
  };
  const faults = new FileFaults();
  const lines: (ParsedLine & { readonly signed: bigint })[] = [];
  const ownAccounts = new Set<string>();
  let fileCurrency: string | null = null;

  for (const row of rows.slice(headerIndex + 1)) {
    const texts = row.cells.map((c) => cleanText(c) ?? '');
    if (texts.every((t) => t === '')) continue;
    if (texts.some((t) => SUMMARY.test(t.normalize('NFKC')))) continue;
    const rawCurrency = cell(row, 'currency');
    const currency =
      rawCurrency === null
        ? options.currency
        : (CURRENCY_NAMES[rawCurrency.normalize('NFKC').toUpperCase()] ??
          CURRENCY_NAMES[rawCurrency] ??
          rawCurrency.toUpperCase());
    if (!isCurrencyCode(currency)) {
      faults.add(
        row.line,
        name('currency'),
        `未知币种 ${rawCurrency ?? currency}`,
        `unknown currency ${rawCurrency ?? currency}`,
      );
      continue;
    }
    if (fileCurrency === null) fileCurrency = currency;
    else if (currency !== fileCurrency)
      faults.add(
        row.line,
        name('currency'),
        `币种 ${currency} 与前面各行的 ${fileCurrency} 不同`,
        `currency ${currency} differs from the ${fileCurrency} of the rows before`,
      );
    const digits = digitsOf(currency);
    const rawDate = cell(row, 'bookedOn');
    if (rawDate === null) {
      faults.add(row.line, name('bookedOn'), '缺少日期', 'no date');
      continue;
    }
    const booked = readDate(rawDate);
    if (!booked.ok) faults.add(row.line, name('bookedOn'), booked.zh, booked.en);
    const rawValue = cell(row, 'valueOn');
    const value = rawValue === null ? null : readDate(rawValue);
    if (value !== null && !value.ok) faults.add(row.line, name('valueOn'), value.zh, value.en);

    let signed: bigint | null = null;
    if (layout.direction === 'columns') {
      const debit = readAmount(cell(row, 'debit') ?? '', digits);
      const credit = readAmount(cell(row, 'credit') ?? '', digits);
      if (!debit.ok) faults.add(row.line, name('debit'), debit.zh, debit.en);
      if (!credit.ok) faults.add(row.line, name('credit'), credit.zh, credit.en);
      if (debit.ok && credit.ok) {
        const d = debit.value ?? 0n;
        const c = credit.value ?? 0n;
        if (d !== 0n && c !== 0n)
          faults.add(
            row.line,
            `${name('debit')}/${name('credit')}`,
            '借方和贷方同时有金额',
            'both the debit and the credit column hold an amount',
          );
        else if (d === 0n && c === 0n)
          faults.add(
            row.line,
            `${name('debit')}/${name('credit')}`,
            '借方和贷方都没有金额',
            'neither the debit nor the credit column holds an amount',
          );
        else signed = c - d;
      }
    } else {
      const amount = readAmount(cell(row, 'amount') ?? '', digits);
      if (!amount.ok) faults.add(row.line, name('amount'), amount.zh, amount.en);
      else if (amount.value === null || amount.value === 0n)
        faults.add(row.line, name('amount'), '金额为空或为零', 'the amount is empty or zero');
      else if (layout.direction === 'sign') signed = amount.value;
      else {
        const flag = (cell(row, 'indicator') ?? '').normalize('NFKC').toUpperCase();
        const values = layout.indicatorValues ?? { in: [], out: [] };
        const magnitude = amount.value < 0n ? -amount.value : amount.value;
        if (values.in.includes(flag)) signed = magnitude;
        else if (values.out.includes(flag)) signed = -magnitude;
        else
          faults.add(
            row.line,
            name('indicator'),
            `借贷标志“${flag}”无法识别（应为 ${[...values.in, ...values.out].join('/')}）`,
            `debit/credit flag "${flag}" is not one of ${[...values.in, ...values.out].join('/')}`,
          );
      }
    }
    let balance: bigint | null = null;
    const rawBalance = cell(row, 'balance');
    if (rawBalance !== null) {
      const b = readAmount(rawBalance, digits);
      if (!b.ok) faults.add(row.line, name('balance'), b.zh, b.en);
      else balance = b.value;
    }
    const own = cleanAccount(cell(row, 'ownAccount'));
    if (own !== null) ownAccounts.add(own);
    if (signed === null || !booked.ok || (value !== null && !value.ok)) continue;
    const direction = signed > 0n ? 'in' : 'out';
    const descriptions = (mapping.description ?? [])
      .map((i) => cleanText(row.cells[i]))
      .filter((t): t is string => t !== null);
    lines.push({
      seq: 0,
      fileLine: row.line,
      bookedOn: booked.value,
      valueOn: value?.ok === true ? value.value : null,
      amountMinor: signed > 0n ? signed : -signed,
      currency,
      direction,
      counterpartyName:
        cell(row, 'counterpartyName') ?? cell(row, direction === 'in' ? 'payerName' : 'payeeName'),
      counterpartyAccount: cleanAccount(
        cell(row, 'counterpartyAccount') ?? cell(row, direction === 'in' ? 'payerAccount' : 'payeeAccount'),
      ),
      reference: cell(row, 'reference'),
      description: descriptions.length === 0 ? null : [...new Set(descriptions)].join(' / '),
      bankTxnId: cell(row, 'bankTxnId'),
      balanceMinor: balance,
      signed,
    });
  }
  if (ownAccounts.size > 1)
    faults.add(
      rows[headerIndex + 1]?.line ?? 1,
      name('ownAccount'),
      `文件含多个本方账号：${[...ownAccounts].join('、')}`,
      `the file holds several own accounts: ${[...ownAccounts].join(', ')}`,
    );
  if (lines.length === 0 && !faults.any)
    throw unreadable('表头之下没有交易行', 'no transaction rows below the header');
  faults.check();

  const { ordered, opening, closing } = balances(lines, faults, name('balance'));
  faults.check();
  const chronological = ordered.map((l, i): ParsedLine => {
    const { signed: _signed, ...line } = l;
    return { ...line, seq: i + 1 };
  });
  const days = chronological.map((l) => l.bookedOn).sort();
  const first = days[0] ?? '';
  return {
    format: 'csv',
    layout: layout.name,
    encoding,
    statements: [
      {
        accountNumber: [...ownAccounts][0] ?? preambleAccount(rows.slice(0, headerIndex)),
        currency: fileCurrency ?? options.currency,
        ref: null,
        fromOn: first,
        toOn: days.at(-1) ?? first,
        opening,
        closing,
        lines: chronological,
        skipped: 0,
      },
    ],
  };
}

type Signed = ParsedLine & { readonly signed: bigint };

/**
 * The running balances checked in file order: oldest first (each balance is the one before plus its own
 * amount) or newest first (each is the next one's plus the next one's amount). Lines come back oldest
 * first, with the opening and closing balances the chain implies.
 */
function balances(
  lines: readonly Signed[],
  faults: FileFaults,
  field: string,
): { ordered: readonly Signed[]; opening: StatedBalance | null; closing: StatedBalance | null } {
  const withBalances = lines.every((l) => l.balanceMinor !== null);
  if (!withBalances || lines.length === 0) {
    const ascending = lines.length < 2 || (lines[0]?.bookedOn ?? '') <= (lines.at(-1)?.bookedOn ?? '');
    return { ordered: ascending ? lines : [...lines].reverse(), opening: null, closing: null };
  }
  const breakOf = (ordered: readonly Signed[]): number =>
    ordered.findIndex((l, i) => i > 0 && (ordered[i - 1]?.balanceMinor ?? 0n) + l.signed !== l.balanceMinor);
  const reversed = [...lines].reverse();
  const forward = breakOf(lines);
  const backward = breakOf(reversed);
  const ordered = forward === -1 ? lines : backward === -1 ? reversed : undefined;
  if (ordered === undefined) {
    const datesAscending = (lines[0]?.bookedOn ?? '') <= (lines.at(-1)?.bookedOn ?? '');
    const at = datesAscending ? lines[forward] : reversed[backward];
    const before = datesAscending ? lines[forward - 1] : reversed[backward - 1];
    faults.add(
      at?.fileLine ?? 1,
      field,
      `余额 ${String(at?.balanceMinor)} 不等于上一笔余额 ${String(before?.balanceMinor)} 加本笔发生额 ${String(at?.signed)}（最小单位），文件可能缺行`,
      `the balance ${String(at?.balanceMinor)} is not the previous balance ${String(before?.balanceMinor)} plus this line's ${String(at?.signed)} (minor units): a line may be missing`,
    );
    return { ordered: lines, opening: null, closing: null };
  }
  const first = ordered[0];
  const last = ordered.at(-1);
  if (first === undefined || last === undefined) return { ordered, opening: null, closing: null };
  return {
    ordered,
    opening: { minor: (first.balanceMinor ?? 0n) - first.signed, on: first.bookedOn },
    closing: { minor: last.balanceMinor ?? 0n, on: last.bookedOn },
  };
}

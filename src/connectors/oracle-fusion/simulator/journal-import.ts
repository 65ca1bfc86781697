import { strFromU8, unzipSync } from 'fflate';
import { exponentOf, isCurrencyCode } from '../../../model/currencies.ts';
import { formatMinor, parseMoney } from '../../../model/money.ts';
import { named, parseCsv, GL_INTERFACE_COLUMN_COUNT } from '../map/gl-interface.ts';
import { stamp, type EssJob, type InterfaceRow, type OracleBook, type StoredJournal } from './book.ts';
import type { OracleFaults } from './faults.ts';
import type { TenantSetup } from './tenant.ts';

/**
 * Journal Import as the simulator runs it (§3.5): the FBDI file is loaded into GL_INTERFACE (rows NEW),
 * then the request imports the NEW rows of its source and ledger — one group, or ALL groups. Each group
 * is imported or rejected as a whole [observed]: one bad line leaves its lines with their error codes
 * and its sibling lines with P in GL_INTERFACE, and no batch. A good group becomes a batch per
 * REFERENCE1, named `<REFERENCE1> <source> A <group> <request> N` [observed], its rows leaving the
 * interface. Messages are Oracle's Journal Import error texts, keyed by their codes.
 */
const MESSAGES = {
  EP01: 'This date is not in any open or future enterable period.',
  EU02: "The journal entry is unbalanced and suspense posting isn't allowed in the ledger.",
  EF02: 'Detail posting not allowed for this Accounting Flexfield.',
  EF04: 'This is an invalid Accounting Flexfield. Check your cross-validation rules and segment values.',
  EC06: 'There is no conversion rate for this currency, conversion type, and conversion date.',
  EC08: 'Invalid currency code.',
  EC13: 'The amount is too large or has more decimal places than the currency allows.',
} as const;
type Code = keyof typeof MESSAGES;

const INJECTED: readonly Code[] = ['EU02', 'EF04', 'EP01'];

/** Loads the zip's GlInterface.csv into GL_INTERFACE; the number of rows, or SQL*Loader's complaint. */
export function loadInterfaceFile(book: OracleBook, base64: string, loadRequestId: string): number | string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(Buffer.from(base64, 'base64'));
  } catch {
    return 'ERROR: the uploaded document is not a zip file';
  }
  const entry = Object.entries(files).find(([name]) => name.toLowerCase() === 'glinterface.csv');
  if (entry === undefined)
    return `ERROR: GlInterface.csv was not found in the zip (${Object.keys(files).join(', ')})`;
  const rows = parseCsv(strFromU8(entry[1])).filter((cells) => cells.some((c) => c !== ''));
  const loaded: InterfaceRow[] = [];
  for (const [i, cells] of rows.entries()) {
    if (cells.length > GL_INTERFACE_COLUMN_COUNT)
      return `ERROR: SQL*Loader rejected record ${i + 1}: ${cells.length} columns, the table has ${GL_INTERFACE_COLUMN_COUNT}`;
    const row = named(cells);
    for (const column of ['ENTERED_DR', 'ENTERED_CR', 'GROUP_ID', 'LEDGER_ID'] as const)
      if (row[column] !== '' && !/^-?\d+(\.\d+)?$/.test(row[column]))
        return `ERROR: SQL*Loader rejected record ${i + 1}, column ${column}: ORA-01722: invalid number`;
    if (!/^\d{4}\/\d{2}\/\d{2}$/.test(row.ACCOUNTING_DATE))
      return `ERROR: SQL*Loader rejected record ${i + 1}, column ACCOUNTING_DATE: ORA-01861: literal does not match format string`;
    loaded.push({ loadRequestId, status: row.STATUS || 'NEW', description: '', cells: row });
  }
  book.interfaceRows.push(...loaded);
  return loaded.length;
}

interface LineError {
  readonly code: Code;
  readonly detail: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const periodOf = (date: string) => `${date.slice(0, 4)}-${date.slice(5, 7)}`;
const periodName = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1] ?? '?'}-${date.slice(2, 4)}`;

/** The minor units of an entered amount, or an error. */
function minorOf(text: string, currency: string): bigint | LineError {
  if (text === '') return 0n;
  const parsed = parseMoney(text, currency);
  return parsed.ok ? parsed.value.minor : { code: 'EC13', detail: `(AMOUNT=${text})` };
}

/** Journal Import's checks of one line: currency, period, account combination. */
function lineError(tenant: TenantSetup, row: InterfaceRow['cells']): LineError | undefined {
  if (!isCurrencyCode(row.CURRENCY_CODE)) return { code: 'EC08', detail: `(CURRENCY=${row.CURRENCY_CODE})` };
  if (row.CURRENCY_CODE !== tenant.ledgerCurrency)
    return {
      code: 'EC06',
      detail: `(CURRENCY=${row.CURRENCY_CODE}) (CONVERSION_TYPE=${row.USER_CURRENCY_CONVERSION_TYPE})`,
    };
  const date = row.ACCOUNTING_DATE.replace(/\//g, '-');
  if (tenant.closedPeriods.has(periodOf(date)))
    return {
      code: 'EP01',
      detail: `(ACCOUNTING_DATE=${row.ACCOUNTING_DATE}) GL_PERIOD ${periodName(date)} is not open`,
    };
  if (row.SEGMENTS.length !== tenant.segments.length)
    return {
      code: 'EF04',
      detail: `(SEGMENTS=${row.SEGMENTS.join('.')}) the chart of accounts has ${tenant.segments.length} segments`,
    };
  for (const [i, segment] of tenant.segments.entries()) {
    const value = row.SEGMENTS[i] ?? '';
    const known = segment.values.get(value);
    if (known === undefined)
      return {
        code: 'EF04',
        detail: `FLEX-VALUE DOES NOT EXIST (SEGMENT=${segment.name}) (VALUESET=${segment.valueSet}) (VALUE=${value})`,
      };
    if (!known.postable)
      return { code: 'EF02', detail: `(SEGMENT=${segment.name}) (VALUE=${value}) is a parent value` };
  }
  for (const side of ['ENTERED_DR', 'ENTERED_CR'] as const) {
    const amount = minorOf(row[side], row.CURRENCY_CODE);
    if (typeof amount !== 'bigint') return amount;
  }
  return undefined;
}

const journalKey = (r: InterfaceRow['cells']) =>
  [r.REFERENCE1, r.REFERENCE4, r.ACCOUNTING_DATE, r.USER_JE_CATEGORY_NAME, r.CURRENCY_CODE].join('\u0000');

const sum = (rows: readonly InterfaceRow[], side: 'ENTERED_DR' | 'ENTERED_CR') =>
  rows.reduce((total, r) => {
    const minor = minorOf(r.cells[side], r.cells.CURRENCY_CODE);
    return total + (typeof minor === 'bigint' ? minor : 0n);
  }, 0n);

/** Adds a line to one of a request's log files. */
export const appendTo = (job: EssJob, file: string, text: string): void => {
  job.files[file] = (job.files[file] ?? '') + text;
};

export interface ImportContext {
  readonly book: OracleBook;
  readonly tenant: TenantSetup;
  readonly faults: OracleFaults;
  readonly random: () => number;
  readonly now: () => Date;
}

/** Runs the import request: imports or rejects each selected group, writes the logs, sets the status. */
export function runJournalImport(ctx: ImportContext, job: EssJob): void {
  const { book, tenant } = ctx;
  const [das = '', source = '', ledger = '', group = ''] = job.parameters;
  const log: string[] = [`Journal Import, request ${job.childId} (parent ${job.requestId})`];
  const finish = (status: string) => {
    log.push(`Journal Import ended ${status}`);
    job.files[`${job.childId}.log`] = `${log.join('\n')}\n`;
    appendTo(job, `${job.requestId}.log`, `Journal Import request ${job.childId} ended ${status}\n`);
    job.status = status;
    job.finished = true;
  };
  const refusal = !tenant.dataAccessSets.includes(das)
    ? `ERROR: the data access set ${das} isn't valid`
    : !tenant.journalSources.includes(source)
      ? `ERROR: the journal source ${source} isn't defined`
      : ledger !== tenant.ledgerId
        ? `ERROR: the ledger ${ledger} doesn't exist or isn't in the data access set`
        : group !== 'ALL' && !/^\d+$/.test(group)
          ? `ERROR: the group ID ${group} isn't valid`
          : undefined;
  if (refusal !== undefined) {
    log.push(refusal);
    return finish('ERROR');
  }
  const selected = book.interfaceRows.filter(
    (r) =>
      r.status === 'NEW' &&
      r.cells.USER_JE_SOURCE_NAME === source &&
      r.cells.LEDGER_ID === ledger &&
      (group === 'ALL' || r.cells.GROUP_ID === group),
  );
  const groups = Map.groupBy(selected, (r) => r.cells.GROUP_ID);
  let imported = 0;
  let rejected = 0;
  let lines = 0;
  for (const [groupId, rows] of groups) {
    log.push(`Group ${groupId}: ${rows.length} lines read`);
    const errors = new Map<InterfaceRow, LineError>();
    const journals = Map.groupBy(rows, (r) => journalKey(r.cells));
    for (const journalRows of journals.values()) {
      for (const row of journalRows) {
        const error = lineError(tenant, row.cells);
        if (error !== undefined) errors.set(row, error);
      }
      const [first] = journalRows;
      const currency = first?.cells.CURRENCY_CODE ?? '';
      if (first === undefined || errors.size > 0 || !isCurrencyCode(currency)) continue;
      const debit = sum(journalRows, 'ENTERED_DR');
      const credit = sum(journalRows, 'ENTERED_CR');
      if (debit !== credit)
        errors.set(first, {
          code: 'EU02',
          detail: `(DR=${formatMinor(debit, exponentOf(currency))}) (CR=${formatMinor(credit, exponentOf(currency))})`,
        });
    }
    const [firstRow] = rows;
    if (errors.size === 0 && firstRow !== undefined && ctx.random() < (ctx.faults.essRejectRate ?? 0)) {
      const code = INJECTED[Math.floor(ctx.random() * INJECTED.length)] ?? 'EF04';
      errors.set(firstRow, { code, detail: '(injected by the simulator)' });
    }
    if (errors.size > 0) {
      rejected += 1;
      for (const row of rows) {
        const error = errors.get(row);
        row.status = error?.code ?? 'P';
        row.description = error === undefined ? '' : `${MESSAGES[error.code]} ${error.detail}`;
        if (error !== undefined)
          log.push(
            `Group ${groupId}: journal ${row.cells.REFERENCE4} line ${rows.indexOf(row) + 1}: ${error.code} ${MESSAGES[error.code]} ${error.detail}`,
          );
      }
      log.push(`Group ${groupId}: rejected; ${rows.length} lines left in GL_INTERFACE`);
      continue;
    }
    for (const [batchName, batchRows] of Map.groupBy(rows, (r) => r.cells.REFERENCE1)) {
      const batch = createBatch(ctx, job, source, groupId, batchName, batchRows);
      log.push(`Group ${groupId}: batch ${batch} created (${batchRows.length} lines)`);
    }
    imported += 1;
    lines += rows.length;
    const gone = new Set(rows);
    book.interfaceRows = book.interfaceRows.filter((r) => !gone.has(r));
  }
  log.push(`SHRD0079: Number of records inserted into the gl_je_lines table: ${lines}.`);
  log.push(`${imported} groups imported, ${rejected} groups rejected`);
  finish(rejected === 0 ? 'SUCCEEDED' : (ctx.faults.essRejectStatus ?? 'SUCCEEDED'));
}

function createBatch(
  ctx: ImportContext,
  job: EssJob,
  source: string,
  groupId: string,
  reference1: string,
  rows: readonly InterfaceRow[],
): string {
  const { book } = ctx;
  const [first] = rows;
  const name = `${reference1 === '' ? source : reference1} ${source} A ${groupId} ${job.childId} N`;
  const journals = [...Map.groupBy(rows, (r) => r.cells.REFERENCE4).values()].map(
    (journalRows): StoredJournal => {
      const head = journalRows[0]?.cells;
      return {
        JeHeaderId: book.next('header'),
        JournalName: head?.REFERENCE4 ?? '',
        Description: head?.REFERENCE5 ?? '',
        Reference: head?.REFERENCE6 ?? '',
        Category: head?.USER_JE_CATEGORY_NAME ?? '',
        Currency: head?.CURRENCY_CODE ?? '',
        AccountingDate: (head?.ACCOUNTING_DATE ?? '').replace(/\//g, '-'),
        lines: journalRows.map((r, i) => ({
          lineNumber: i + 1,
          segments: r.cells.SEGMENTS,
          enteredDr: r.cells.ENTERED_DR,
          enteredCr: r.cells.ENTERED_CR,
          description: r.cells.REFERENCE10,
        })),
      };
    },
  );
  book.batches.push({
    JeBatchId: book.next('batch'),
    BatchName: name,
    BatchDescription: first?.cells.REFERENCE2 ?? '',
    DefaultPeriodName:
      first?.cells.PERIOD_NAME || periodName((first?.cells.ACCOUNTING_DATE ?? '').replace(/\//g, '-')),
    Source: source,
    LedgerId: first?.cells.LEDGER_ID ?? '',
    GroupId: groupId,
    RequestId: job.childId,
    CreationDate: stamp(ctx.now()),
    journals,
  });
  return name;
}
